// Inline suppressions, where the format allows them, applied to the diagnostics of one document:
// - YAML and HCL comments: `# iam-policy-ignore CODE[, CODE…]: reason` (HCL also `//`). On its own line it covers
//   the next line and, when that line opens a block, the whole block (YAML by indentation, HCL by brackets and
//   heredocs); at the end of a line it covers that line and the block it opens.
//   `# iam-policy-ignore-file CODE…: reason` anywhere covers the whole file.
// - CloudFormation resource Metadata (JSON or YAML), as cfn-lint's `Metadata: cfn-lint: config: ignore_checks`:
//   `Metadata: {iam-policy: {ignore_checks: [CODE…]}}` covers the resource.
// Plain JSON has no comments: use `overrides` in .iam-policy.json or a baseline there. Pure: no I/O.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../parser/parseDocument';
import type { JsonNode } from '../parser/jsonTree';
import { properties, propertyKey, propertyValue } from '../parser/jsonTree';

export const IGNORE_DIRECTIVE = 'iam-policy-ignore';
export const IGNORE_FILE_DIRECTIVE = 'iam-policy-ignore-file';
/** the Metadata key of a CloudFormation resource (cfn-lint uses `cfn-lint`) */
export const METADATA_KEY = 'iam-policy';

/** A span of 0-based lines [from, to] where some codes are suppressed. */
export interface Suppression {
  readonly codes: ReadonlySet<string>;
  readonly fromLine: number;
  readonly toLine: number;
}

const DIRECTIVE = /(?:^|\s)(?:#|\/\/)\s*iam-policy-ignore(-file)?\s+([A-Z][A-Z0-9_]*(?:\s*,\s*[A-Z][A-Z0-9_]*)*)/;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlankOrComment = (line: string): boolean => /^\s*(?:(?:#|\/\/).*)?$/.test(line);

/** YAML: the line and every following line indented deeper (blank lines and comments do not end the block). */
function yamlBlockEnd(lines: readonly string[], start: number): number {
  // a list item's block is its content: `- Effect: Allow` continues on lines indented past the dash
  const indent = indentOf(lines[start]!);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) continue;
    if (indentOf(line) <= indent) break;
    end = i;
  }
  return end;
}

/** HCL: from the line until its brackets close, jumping over heredocs (whose JSON may hold brackets too). */
function hclBlockEnd(lines: readonly string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    let inString = false;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '#' || (c === '/' && line[j + 1] === '/')) break;
      else if (c === '{' || c === '[' || c === '(') depth++;
      else if (c === '}' || c === ']' || c === ')') depth--;
    }
    const heredoc = /<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line.replace(/\s*(?:#|\/\/).*$/, ''));
    if (heredoc) {
      const tag = heredoc[1]!;
      let k = i + 1;
      while (k < lines.length && lines[k]!.trim() !== tag) k++;
      i = k;
      if (depth <= 0) return Math.min(i, lines.length - 1);
      continue;
    }
    if (depth <= 0) return i;
  }
  return lines.length - 1;
}

function parseCodes(list: string): Set<string> {
  return new Set(list.split(',').map((c) => c.trim()).filter(Boolean));
}

/** The comment suppressions of a YAML or HCL text. */
export function commentSuppressions(text: string, syntax: 'yaml' | 'hcl'): Suppression[] {
  if (!text.includes(IGNORE_DIRECTIVE)) return [];
  const lines = text.split(/\r?\n/);
  const out: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes(IGNORE_DIRECTIVE)) continue;
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const codes = parseCodes(m[2]!);
    if (m[1]) {
      out.push({ codes, fromLine: 0, toLine: lines.length - 1 });
      continue;
    }
    let target = i;
    if (/^\s*(?:#|\/\/)/.test(line)) {
      // a comment on its own line covers the next line that is not blank or a comment
      target = i + 1;
      while (target < lines.length && isBlankOrComment(lines[target]!)) target++;
      if (target >= lines.length) continue;
    }
    const end = syntax === 'yaml' ? yamlBlockEnd(lines, target) : hclBlockEnd(lines, target);
    out.push({ codes, fromLine: target, toLine: end });
  }
  return out;
}

function stringsOf(node: JsonNode | undefined): string[] {
  if (node?.type === 'string' && typeof node.value === 'string') return [node.value];
  if (node?.type !== 'array') return [];
  return (node.children ?? []).filter((c) => c.type === 'string' && typeof c.value === 'string').map((c) => c.value as string);
}

const child = (node: JsonNode | undefined, key: string): JsonNode | undefined => {
  const p = properties(node).find((x) => propertyKey(x) === key);
  return p ? propertyValue(p) : undefined;
};

/** `Resources.<name>.Metadata.iam-policy.ignore_checks` of a CloudFormation template: the resource's lines. */
export function metadataSuppressions(parsed: ParsedDocument, doc: TextDocument): Suppression[] {
  if (parsed.container !== 'cloudformation' || !parsed.text.includes('ignore_checks')) return [];
  const out: Suppression[] = [];
  for (const resource of properties(child(parsed.root, 'Resources'))) {
    const meta = child(child(propertyValue(resource), 'Metadata'), METADATA_KEY);
    const codes = stringsOf(child(meta, 'ignore_checks')).concat(stringsOf(child(child(meta, 'config'), 'ignore_checks')));
    if (codes.length === 0) continue;
    out.push({ codes: new Set(codes), fromLine: doc.positionAt(resource.offset).line, toLine: doc.positionAt(resource.offset + resource.length).line });
  }
  return out;
}

/** All inline suppressions of a parsed document (none for plain JSON). */
export function inlineSuppressions(parsed: ParsedDocument, doc: TextDocument): Suppression[] {
  const fromComments = parsed.syntax ? commentSuppressions(parsed.text, parsed.syntax) : [];
  return fromComments.concat(metadataSuppressions(parsed, doc));
}

/** The diagnostics no suppression covers (a diagnostic is covered when its first line is in the span). */
export function withoutSuppressed(diagnostics: Diagnostic[], suppressions: readonly Suppression[]): Diagnostic[] {
  if (suppressions.length === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const code = String(d.code);
    const line = d.range.start.line;
    return !suppressions.some((s) => s.codes.has(code) && line >= s.fromLine && line <= s.toLine);
  });
}
