// Where the cursor is in a policy test file, for completion and hover: the key path (["tests", 0, "action"]),
// whether it is on a key or a value, and the token under it. JSON uses jsonc-parser's getLocation; YAML is
// read line by line from the indentation, because a file being typed is rarely valid YAML (`action: s3:Ge`
// inside a half-written list). Flow collections on one line (`[a.json, b.json]`, `{aws:SourceIp: …}`) count.

import { getLocation } from 'jsonc-parser';

export type KeyPath = (string | number)[];

export interface TestFileCursor {
  /** on a key: the path of the object holding it; on a value: the path of the value (ending with its key or index) */
  readonly path: KeyPath;
  readonly inKey: boolean;
  /** the token's text before the cursor, without quotes */
  readonly prefix: string;
  /** the whole token under the cursor (offsets), the range a completion replaces */
  readonly start: number;
  readonly end: number;
  /** the token's full text, without quotes */
  readonly word: string;
  /** JSON: the token is (or will be) a quoted string */
  readonly quoted: boolean;
}

export function isYamlName(uri: string): boolean {
  return !uri.toLowerCase().endsWith('.json');
}

export function cursorAt(text: string, offset: number, yaml: boolean): TestFileCursor {
  return yaml ? yamlCursor(text, offset) : jsonCursor(text, offset);
}

function jsonCursor(text: string, offset: number): TestFileCursor {
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  const path = [...loc.path];
  if (node && (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null') && offset >= node.offset && offset <= node.offset + node.length) {
    const raw = text.slice(node.offset, node.offset + node.length);
    const quoted = raw.startsWith('"');
    const inner = quoted ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined) : raw;
    const prefix = text.slice(node.offset + (quoted ? 1 : 0), offset);
    if (loc.isAtPropertyKey) path.pop();
    return { path, inKey: loc.isAtPropertyKey, prefix, start: node.offset, end: node.offset + node.length, word: inner, quoted: true };
  }
  if (loc.isAtPropertyKey) path.pop();
  // jsonc-parser puts an empty key at the end of the path when the cursor is where a key goes
  if (!loc.isAtPropertyKey && path[path.length - 1] === '') path.pop();
  return { path, inKey: loc.isAtPropertyKey, prefix: '', start: offset, end: offset, word: '', quoted: false };
}

interface YamlLine {
  readonly start: number;
  readonly text: string;
  /** column of the first "- " of a sequence item, or -1 */
  readonly dash: number;
  /** column where the content after indentation and dashes starts */
  readonly content: number;
  /** the key, when the content is `key: …` / `key:` */
  readonly key?: string;
  /** column just after the key's ":" separator */
  readonly afterColon?: number;
}

function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { start, end };
}

/** A YAML key separator: ":" followed by a space or the end of the line ("aws:SourceIp: x" keeps its first colon). */
function keySeparator(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '#' && (i === from || s[i - 1] === ' ')) return -1;
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
      continue;
    }
    if (c === '[' || c === '{') return -1;
    if (c === ':' && (i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '\t')) return i;
  }
  return -1;
}

function readLine(text: string, start: number, end: number): YamlLine {
  const s = text.slice(start, end).replace(/\r$/, '');
  let i = 0;
  while (s[i] === ' ') i++;
  let dash = -1;
  while (s[i] === '-' && (s[i + 1] === ' ' || i + 1 === s.length)) {
    if (dash < 0) dash = i;
    i++;
    while (s[i] === ' ') i++;
  }
  const sep = keySeparator(s, i);
  if (sep > i) {
    const key = s.slice(i, sep).trim().replace(/^["']|["']$/g, '');
    return { start, text: s, dash, content: i, key, afterColon: sep + 1 };
  }
  return { start, text: s, dash, content: i };
}

/** The keys (and sequence items) enclosing a line whose content starts at column `column`. */
function ancestors(text: string, lineStart: number, column: number, dashOnLine: number): KeyPath {
  const path: KeyPath = [];
  let threshold = column;
  if (dashOnLine >= 0) {
    path.unshift(0);
    threshold = dashOnLine;
  }
  let end = lineStart - 1;
  while (end > 0 && threshold > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = readLine(text, start, end);
    end = start - 1;
    const body = line.text.trim();
    if (body === '' || body.startsWith('#')) continue;
    if (line.dash >= 0 && line.dash < threshold) {
      // inside this sequence item (a key on the dash line at our column is a sibling, not a parent)
      path.unshift(0);
      threshold = line.dash;
      continue;
    }
    if (line.key !== undefined && line.content < threshold) {
      path.unshift(line.key);
      threshold = line.content;
    }
    if (start === 0) break;
  }
  return path;
}

function yamlCursor(text: string, offset: number): TestFileCursor {
  const { start, end } = lineAt(text, offset);
  const line = readLine(text, start, end);
  const col = offset - start;
  const parents = ancestors(text, start, line.content, line.dash);
  // on the key (or where a key goes): before its separator, or right after a ":" that ends the line (no space
  // typed yet: "aws:" is a condition key being typed, not the key "aws" with an empty value)
  const typingKey = line.key !== undefined && col === line.afterColon && col === line.text.trimEnd().length && !line.text.endsWith(' ');
  if (typingKey) return { path: parents, inKey: true, prefix: line.text.slice(line.content, col), start: start + line.content, end: start + col, word: line.text.slice(line.content, col), quoted: false };
  if (line.key === undefined || col < (line.afterColon ?? 0)) {
    // "- policies/a.json": an item of a list of scalars (policy paths), not a key
    if (line.dash >= 0 && line.key === undefined && isScalarListContext(parents)) return token(start, line.text, line.content, col, parents, false);
    const tokenEnd = line.key !== undefined ? line.content + line.key.length : Math.max(col, line.text.length);
    return { path: parents, inKey: true, prefix: line.text.slice(line.content, col), start: start + line.content, end: start + tokenEnd, word: line.text.slice(line.content, tokenEnd), quoted: false };
  }
  const valuePath = [...parents, line.key];
  const value = line.text.slice(line.afterColon!, col);
  // flow collections on the same line: [a, b|] or {key: v, k|}
  const lastOpen = Math.max(value.lastIndexOf('['), value.lastIndexOf('{'));
  if (lastOpen >= 0) {
    const inFlow = value.slice(lastOpen + 1);
    const sepAt = Math.max(inFlow.lastIndexOf(','), -1);
    const item = inFlow.slice(sepAt + 1);
    const itemStart = line.afterColon! + lastOpen + 1 + sepAt + 1;
    const isMap = value[lastOpen] === '{';
    if (isMap) {
      const sep = keySeparator(item, 0);
      if (sep < 0) return token(start, line.text, itemStart, col, valuePath, true);
      return token(start, line.text, itemStart + sep + 1, col, [...valuePath, item.slice(0, sep).trim()], false);
    }
    return token(start, line.text, itemStart, col, [...valuePath, 0], false);
  }
  return token(start, line.text, line.afterColon!, col, valuePath, false);
}

function isScalarListContext(path: KeyPath): boolean {
  const last = path[path.length - 1];
  const beforeLast = path[path.length - 2];
  return typeof last === 'number' && typeof beforeLast === 'string' && ['identity', 'scp', 'rcp'].includes(beforeLast);
}

/** The scalar token starting at or after column `from` (spaces skipped) that the cursor is in. */
function token(lineStart: number, line: string, from: number, col: number, path: KeyPath, inKey: boolean): TestFileCursor {
  let s = from;
  while (line[s] === ' ') s++;
  if (s > col) s = col;
  let e = col;
  while (e < line.length && !/[\s,\]}#]/.test(line[e]!) && !(inKey && line[e] === ':')) e++;
  let word = line.slice(s, e);
  let prefix = line.slice(s, col);
  const q = word[0];
  if (q === '"' || q === "'") {
    word = word.slice(1).replace(/["']$/, '');
    prefix = prefix.slice(1);
  }
  return { path, inKey, prefix, start: lineStart + s, end: lineStart + e, word, quoted: false };
}
