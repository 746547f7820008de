/** REDUNDANT_STATEMENT (H01): a statement identical to an earlier one of the same policy (Sid aside). */

import type { Rule } from '../rule';
import type { JsonNode } from '../../parser/jsonTree';
import type { Statement } from '../../parser/policyModel';
import { foldAscii } from '../../knowledge/glob';
import { templateOf } from '../../parser/containers/templateValue';

/** Element names whose string values IAM compares case-insensitively. */
const CASE_INSENSITIVE = new Set(['Action', 'NotAction']);

/**
 * A canonical text for a JSON value: object keys sorted, arrays as sorted sets (IAM lists are unordered and
 * duplicates change nothing), a lone string equal to a one-element list.
 */
function canonical(node: JsonNode | undefined, lower: boolean): string {
  if (!node) return 'null';
  switch (node.type) {
    case 'object': {
      const parts: string[] = [];
      for (const p of node.children ?? []) {
        const key = String(p.children?.[0]?.value);
        parts.push(`${JSON.stringify(key)}:${canonical(p.children?.[1], lower || CASE_INSENSITIVE.has(key))}`);
      }
      return `{${parts.sort().join(',')}}`;
    }
    case 'array': {
      const items = [...new Set((node.children ?? []).map((c) => canonical(c, lower)))].sort();
      return items.length === 1 ? items[0]! : `[${items.join(',')}]`;
    }
    case 'string':
      // a deploy-time value ("arn:aws:s3:::*" from two different !Sub placeholders) equals only itself
      if (templateOf(node)?.kind === 'templated' && String(node.value).includes('*')) return `@${node.offset}`;
      return JSON.stringify(lower ? String(node.value).toLowerCase() : node.value);
    default:
      return JSON.stringify(node.value ?? null);
  }
}

export function statementKey(statement: Statement): string {
  const parts: string[] = [];
  for (const el of statement.elements) {
    if (el.key === 'Sid') continue;
    parts.push(`${JSON.stringify(el.key)}:${canonical(el.value, CASE_INSENSITIVE.has(el.key))}`);
  }
  return parts.sort().join(',');
}

/**
 * A cheap 32-bit fingerprint that two statements with equal statementKey always share, computed without
 * building strings: per element the key's hash mixed with the value's (for lists, the smallest and largest item
 * hash, which ordering, duplicates and the one-element-list form do not change), summed over elements (order-
 * free). The canonical text is only built for statements whose fingerprints collide.
 */
function fingerprint(statement: Statement): number {
  let sum = 0;
  for (const el of statement.elements) {
    if (el.key === 'Sid') continue;
    const k = hashText(el.key, false, 0x811c9dc5);
    sum = (sum + Math.imul(k ^ valueFingerprint(el.value, CASE_INSENSITIVE.has(el.key)), 0x9e3779b1)) | 0;
  }
  return sum;
}

/**
 * A hash of the first and last four characters (and, when case matters, the length): enough to tell apart the
 * values of different statements without reading every character. With `lower`, ASCII letters are folded and
 * a string with another character among those eight is lowercased first, so strings equal ignoring case always
 * hash alike (their first and last characters are the same after lowercasing; the length may not be).
 */
function hashText(text: string, lower: boolean, seed: number): number {
  let t = text;
  if (lower && !sampledAscii(t)) t = t.toLowerCase();
  const n = t.length;
  let h = lower ? seed : Math.imul(seed ^ n, 0x01000193);
  const head = Math.min(4, n);
  for (let i = 0; i < head; i++) h = Math.imul(h ^ foldIf(t.charCodeAt(i), lower), 0x01000193);
  for (let i = Math.max(head, n - 4); i < n; i++) h = Math.imul(h ^ foldIf(t.charCodeAt(i), lower), 0x01000193);
  return h >>> 0;
}

function sampledAscii(t: string): boolean {
  const n = t.length;
  for (let i = 0; i < Math.min(4, n); i++) if (t.charCodeAt(i) >= 128) return false;
  for (let i = Math.max(0, n - 4); i < n; i++) if (t.charCodeAt(i) >= 128) return false;
  return true;
}

function foldIf(c: number, lower: boolean): number {
  return lower ? foldAscii(c) : c;
}

const OBJECT_PRINT = 2;

function scalarFingerprint(node: JsonNode, lower: boolean): number {
  switch (node.type) {
    case 'string':
      return hashText(String(node.value), lower, 0x811c9dc5);
    case 'number':
    case 'boolean':
    case 'null':
      return hashText(String(node.value), false, 0x01234567);
    default:
      return -1;
  }
}

function valueFingerprint(node: JsonNode | undefined, lower: boolean): number {
  if (!node) return 1;
  if (node.type === 'object') return OBJECT_PRINT;
  if (node.type !== 'array') {
    const f = scalarFingerprint(node, lower);
    return Math.imul(f, 31) ^ f;
  }
  let min = -1;
  let max = -1;
  for (const c of node.children ?? []) {
    const f = scalarFingerprint(c, lower);
    // objects and nested arrays: too rare in IAM lists to fingerprint; such values all collide (and are compared in full)
    if (f < 0) return OBJECT_PRINT;
    if (min < 0 || f < min) min = f;
    if (max < 0 || f > max) max = f;
  }
  return min < 0 ? 3 : Math.imul(min, 31) ^ max;
}

export const redundantStatement: Rule = {
  code: 'REDUNDANT_STATEMENT',
  defaultSeverity: 'info',
  category: 'hygiene',
  summary: 'A statement repeats an earlier statement of the same policy.',
  catalogue: ['H01'],
  accessAnalyzer: ['REDUNDANT_STATEMENT'],
  docs: `Two statements with the same Effect, Principal, Action, Resource and Condition (in any order, any
Sid) grant or deny the same thing twice. Remove the copy: policies have size limits, and a later edit to only
one copy is a common source of confusion.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" },
  { "Sid": "ReadAgain", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    // fingerprint -> the first statement with it, or (once it collides) canonical key -> first statement
    const byFingerprint = new Map<number, Statement | Map<string, Statement>>();
    for (const statement of ctx.policy.statements) {
      if (statement.elements.length === 0) continue;
      const print = fingerprint(statement);
      let group = byFingerprint.get(print);
      if (!group) {
        byFingerprint.set(print, statement);
        continue;
      }
      if (!(group instanceof Map)) byFingerprint.set(print, (group = new Map([[statementKey(group), group]])));
      const key = statementKey(statement);
      const first = group.get(key);
      if (!first) {
        group.set(key, statement);
        continue;
      }
      const name = (s: Statement): string => (s.sid ? `statement "${s.sid.value}"` : `statement ${s.index + 1}`);
      ctx.report(
        statement.sid ?? { offset: statement.node.offset, length: 1 },
        `This statement repeats ${name(first)} and changes nothing; remove it.`,
        { data: { duplicateOf: first.index }, tags: ['unnecessary'] },
      );
    }
  },
};
