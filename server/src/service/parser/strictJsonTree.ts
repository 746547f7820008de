// A fast path for treeBuilder.ts: strict JSON without escapes in strings, comments or errors (nearly every policy
// file) is read straight into the same TreeNodes the visitor path builds, node for node, with the same depth and
// length without whitespace. Anything else (an escape, a comment, any syntax error, nesting past the limit) gives
// undefined and the caller runs jsonc-parser's visitor, which alone reports errors. `strictJsonTree.test.ts`
// compares both on the corpora and on seeded mutations of them.

import type { NodeType } from 'jsonc-parser';
import { isAsciiDigit } from '../util/ascii';

/** The shape of treeBuilder's nodes (the class is passed in, so both paths build the same class). */
export interface TreeNodeLike {
  type: NodeType;
  offset: number;
  length: number;
  parent: TreeNodeLike | undefined;
  children: TreeNodeLike[] | undefined;
  value: unknown;
  colonOffset: number | undefined;
}

export type TreeNodeClass<N extends TreeNodeLike> = new (type: NodeType, offset: number, length: number, parent: N | undefined, children: N[] | undefined, value: unknown) => N;

export interface StrictTree<N> {
  readonly root: N;
  readonly depth: number;
  readonly nonWhitespaceLength: number;
}

// the recursion below takes two frames per level: past this the visitor path decides (and reports) instead
const MAX_FAST_DEPTH = 512;

const QUOTE = 34;
const SPACE = 32;

/**
 * One parse's state, in a reused object: no closures per parse. Not re-entered (parsing calls nothing outside
 * this module).
 */
const state = {
  text: '',
  pos: 0,
  tokens: 0,
  spaces: 0,
  depth: 0,
  deepest: 0,
  limit: 0,
  // next index of "\\", "\n", "\r", "\t" at or after the last search (text.length + 1: none), so strings are found
  // with native indexOf instead of a character loop
  nextBackslash: -1,
  nextLf: -1,
  nextCr: -1,
  nextTab: -1,
  make: undefined as unknown as TreeNodeClass<TreeNodeLike>,
};

// control characters other than tab and line breaks: jsonc-parser reports them inside strings and as unknown
// tokens outside, so texts that hold one are left to it
const OTHER_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** The tree of `text` as treeBuilder's visitor builds it, or undefined when the text is not plain strict JSON. */
export function strictJsonTree<N extends TreeNodeLike>(text: string, maxDepth: number, make: TreeNodeClass<N>): StrictTree<N> | undefined {
  if (text.length === 0 || OTHER_CONTROL.test(text)) return undefined;
  const s = state;
  s.text = text;
  s.pos = 0;
  s.tokens = 0;
  s.spaces = 0;
  s.depth = 0;
  s.deepest = 0;
  s.limit = Math.min(maxDepth, MAX_FAST_DEPTH);
  s.nextBackslash = s.nextLf = s.nextCr = s.nextTab = -1;
  s.make = make as unknown as TreeNodeClass<TreeNodeLike>;
  try {
    const root = parseValue(undefined);
    if (root === undefined || skipSpace() >= 0) return undefined;
    return { root: root as N, depth: s.deepest, nonWhitespaceLength: s.tokens - s.spaces };
  } finally {
    // no reference to the document's text once done
    s.text = '';
    s.make = undefined as unknown as TreeNodeClass<TreeNodeLike>;
  }
}

/** Skips spaces, tabs and line breaks; the character code there, or -1 at the end. */
function skipSpace(): number {
  const s = state;
  const text = s.text;
  let pos = s.pos;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === SPACE || c === 10 || c === 13 || c === 9) pos++;
    else {
      s.pos = pos;
      return c;
    }
  }
  s.pos = pos;
  return -1;
}

function nextIndex(current: number, ch: string, from: number): number {
  if (current >= from) return current;
  const at = state.text.indexOf(ch, from);
  return at < 0 ? state.text.length + 1 : at;
}

/** The index of the closing quote of the string at s.pos, or -1 when it has an escape or a tab/line break. */
function stringEnd(): number {
  const s = state;
  const from = s.pos + 1;
  const end = s.text.indexOf('"', from);
  if (end < 0) return -1;
  if ((s.nextBackslash = nextIndex(s.nextBackslash, '\\', from)) < end) return -1;
  if ((s.nextLf = nextIndex(s.nextLf, '\n', from)) < end) return -1;
  if ((s.nextCr = nextIndex(s.nextCr, '\r', from)) < end) return -1;
  if ((s.nextTab = nextIndex(s.nextTab, '\t', from)) < end) return -1;
  return end;
}

/** A string token at s.pos (the value without its quotes; raw spaces counted as treeBuilder counts them). */
function stringToken(parent: TreeNodeLike | undefined): TreeNodeLike | undefined {
  const s = state;
  const end = stringEnd();
  if (end < 0) return undefined;
  const offset = s.pos;
  const value = s.text.slice(offset + 1, end);
  const length = end + 1 - offset;
  s.tokens += length;
  if (value.indexOf(' ') !== -1) for (let i = offset; i < end; i++) if (s.text.charCodeAt(i) === SPACE) s.spaces++;
  s.pos = end + 1;
  return new s.make('string', offset, length, parent, undefined, value);
}

/** After a number or keyword, what may follow it in strict JSON (else jsonc-parser reads one longer token). */
function endsToken(c: number): boolean {
  return c === SPACE || c === 10 || c === 13 || c === 9 || c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */ || Number.isNaN(c);
}

function parseValue(parent: TreeNodeLike | undefined): TreeNodeLike | undefined {
  const s = state;
  const c = skipSpace();
  if (c === QUOTE) return stringToken(parent);
  if (c === 123 /* { */) return parseObject(parent);
  if (c === 91 /* [ */) return parseArray(parent);
  const text = s.text;
  const offset = s.pos;
  let value: unknown;
  let end: number;
  if (c === 116 /* t */ && text.startsWith('true', offset)) {
    value = true;
    end = offset + 4;
  } else if (c === 102 /* f */ && text.startsWith('false', offset)) {
    value = false;
    end = offset + 5;
  } else if (c === 110 /* n */ && text.startsWith('null', offset)) {
    value = null;
    end = offset + 4;
  } else {
    end = numberEnd(offset);
    if (end < 0) return undefined;
    value = Number(text.slice(offset, end));
  }
  if (!endsToken(text.charCodeAt(end))) return undefined;
  s.tokens += end - offset;
  s.pos = end;
  return new s.make(value === null ? 'null' : typeof value === 'number' ? 'number' : 'boolean', offset, end - offset, parent, undefined, value);
}

/** The end of a JSON number at `at` (-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?), or -1. */
function numberEnd(at: number): number {
  const text = state.text;
  let pos = at;
  if (text.charCodeAt(pos) === 45 /* - */) pos++;
  const first = text.charCodeAt(pos);
  if (first === 48 /* 0 */) pos++;
  else if (first >= 49 && first <= 57) while (isAsciiDigit(text.charCodeAt(pos))) pos++;
  else return -1;
  if (text.charCodeAt(pos) === 46 /* . */) {
    pos++;
    if (!isAsciiDigit(text.charCodeAt(pos))) return -1;
    while (isAsciiDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (e === 69 || e === 101) {
    pos++;
    const sign = text.charCodeAt(pos);
    if (sign === 43 || sign === 45) pos++;
    if (!isAsciiDigit(text.charCodeAt(pos))) return -1;
    while (isAsciiDigit(text.charCodeAt(pos))) pos++;
  }
  return pos;
}

/** The object or array node at s.pos, entered (s.pos past its bracket); undefined past the depth limit. */
function open(type: 'object' | 'array', parent: TreeNodeLike | undefined): TreeNodeLike | undefined {
  const s = state;
  const node = new s.make(type, s.pos, -1, parent, [], undefined);
  s.tokens++;
  if (++s.depth > s.deepest) s.deepest = s.depth;
  if (s.depth > s.limit) return undefined;
  s.pos++;
  return node;
}

function close(node: TreeNodeLike): TreeNodeLike {
  const s = state;
  s.tokens++;
  s.depth--;
  s.pos++;
  node.length = s.pos - node.offset;
  return node;
}

function parseObject(parent: TreeNodeLike | undefined): TreeNodeLike | undefined {
  const s = state;
  const node = open('object', parent);
  if (node === undefined) return undefined;
  const children = node.children!;
  let c = skipSpace();
  if (c === 125 /* } */) return close(node);
  for (;;) {
    if (c !== QUOTE) return undefined;
    const keyOffset = s.pos;
    const property = new s.make('property', keyOffset, -1, node, [], undefined);
    const key = stringToken(property);
    if (key === undefined) return undefined;
    children.push(property);
    property.children!.push(key);
    if (skipSpace() !== 58 /* : */) return undefined;
    property.colonOffset = s.pos;
    s.tokens++;
    s.pos++;
    const value = parseValue(property);
    if (value === undefined) return undefined;
    property.children!.push(value);
    property.length = value.offset + value.length - keyOffset;
    c = skipSpace();
    if (c === 125) return close(node);
    if (c !== 44 /* , */) return undefined;
    s.tokens++;
    s.pos++;
    c = skipSpace();
  }
}

function parseArray(parent: TreeNodeLike | undefined): TreeNodeLike | undefined {
  const s = state;
  const node = open('array', parent);
  if (node === undefined) return undefined;
  const children = node.children!;
  let c = skipSpace();
  if (c === 93 /* ] */) return close(node);
  for (;;) {
    const value = parseValue(node);
    if (value === undefined) return undefined;
    children.push(value);
    c = skipSpace();
    if (c === 93) return close(node);
    if (c !== 44) return undefined;
    s.tokens++;
    s.pos++;
  }
}
