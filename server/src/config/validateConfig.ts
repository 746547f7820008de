// Validates the content of a .iam-policy.json against its generated JSON schema at run time, with the validator
// ajv precompiled at build time (configSchemaValidator.generated.js: no code is compiled at run time). Each
// problem names the place (a key path like `overrides[0].rules` and the line/column of the offending key or
// value) and says what is wrong in words, not ajv's. It reads nothing from disk and keeps no state.

import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ErrorObject } from 'ajv';
import validateSchema from './configSchemaValidator.generated';
import { closestMatch } from '../service/knowledge/suggest';
import { ALL_RULES } from '../service/rules/registry';

export interface ConfigProblem {
  /** where, as the user reads it: `rules.RESOURCE_STARS`, `overrides[0].files`; empty for the whole file */
  readonly path: string;
  readonly message: string;
  /** the offending key or value in the text (for an editor diagnostic and a line:column) */
  readonly offset: number;
  readonly length: number;
}

const RULE_CODES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.code));

/** The file's problems in text order: JSON syntax, then every schema violation (allErrors). */
export function validateConfigText(text: string): ConfigProblem[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    return [{ path: '', message: `not valid JSON (${printParseErrorCode(e.error)} at offset ${e.offset})`, offset: e.offset, length: Math.max(1, e.length) }];
  }
  if (!root) return [{ path: '', message: 'must contain a JSON object', offset: 0, length: Math.min(1, text.length) }];
  const value: unknown = getNodeValue(root);
  if (validateSchema(value)) return [];
  return describe(validateSchema.errors ?? [], root).sort((a, b) => a.offset - b.offset);
}

/** `/overrides/0/rules` → ['overrides', 0, 'rules'] (JSON pointer, RFC 6901 escapes). */
function segments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `overrides[0].rules` for ['overrides', 0, 'rules'] */
function readable(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function describe(errors: readonly ErrorObject[], root: Node): ConfigProblem[] {
  // anyOf (`files`: a glob or a list of globs): one message instead of one per branch
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (anyOfPaths.has(e.instancePath) && e.keyword !== 'anyOf') continue;
    const path = segments(e.instancePath);
    const p = problem(e, path, root);
    const key = `${p.offset}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function problem(e: ErrorObject, path: (string | number)[], root: Node): ConfigProblem {
  const where = readable(path);
  const node = findNodeAtLocation(root, path) ?? root;
  const at = (n: Node, message: string, at = where): ConfigProblem => ({ path: at, message, offset: n.offset, length: n.length });
  const got = (): string => JSON.stringify(getNodeValue(node));
  const last = path[path.length - 1];
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const prop = node.children?.find((c) => c.children?.[0]?.value === extra);
      const keyNode = prop?.children?.[0] ?? node;
      const child = readable([...path, extra]);
      if (last === 'rules') {
        const close = closestMatch(extra, RULE_CODES);
        return at(keyNode, `"${where}": unknown rule code "${extra}"${close ? `: did you mean "${close}"?` : ''} (iam-policy-check --list-rules lists them)`, child);
      }
      return at(keyNode, path.length === 0 ? `unknown key "${extra}"` : `"${where}": unknown key "${extra}"`, child);
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ');
      return at(node, `"${where}" must be one of ${allowed}, got ${got()}`);
    }
    case 'pattern':
      if (path[0] === 'accountIds') return at(node, `"accountIds": ${got()} is not a 12-digit AWS account ID`);
      return at(node, `"${where}" must match ${(e.params as { pattern: string }).pattern}, got ${got()}`);
    case 'type': {
      const type = String((e.params as { type: string }).type);
      if (path.length === 0) return at(node, 'must contain a JSON object');
      if (typeof last === 'number') return at(node, `"${readable(path.slice(0, -1))}" entries must be ${type === 'string' ? 'strings' : type + 's'}, got ${got()}`);
      if (type === 'boolean') return at(node, `"${where}" must be true or false`);
      if (type === 'array') return at(node, `"${where}" must be an array of ${last === 'overrides' ? '{"files": [...], "rules": {...}} objects' : 'strings'}`);
      return at(node, `"${where}" must be ${type === 'object' ? 'an object' : `a ${type}`}`);
    }
    case 'required':
      return at(node, `"${where}" needs "${(e.params as { missingProperty: string }).missingProperty}"`);
    case 'minItems':
      return at(node, `"${where}" must list at least one glob`);
    case 'anyOf':
      return at(node, `"${where}" must be a glob or a list of globs`);
    default:
      return at(node, `"${where || '(file)'}" ${e.message ?? 'is not valid'}`);
  }
}

/** 1-based line and column of an offset, for `file:line:column:` messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
