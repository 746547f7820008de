/** REDUNDANT_STATEMENT (H01): a statement identical to an earlier one of the same policy (Sid aside). */

import type { Rule } from '../rule';
import type { JsonNode } from '../../parser/jsonTree';
import type { Statement } from '../../parser/policyModel';

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
 * A cheap fingerprint that two statements with equal statementKey always share (sorted keys; per value the
 * smallest and largest scalar, which ordering, duplicates and the one-element-list form do not change), so
 * the canonical text is only built for the rare statements whose fingerprints collide.
 */
function fingerprint(statement: Statement): string {
  const parts: string[] = [];
  for (const el of statement.elements) {
    if (el.key === 'Sid') continue;
    parts.push(`${el.key}=${valueFingerprint(el.value, CASE_INSENSITIVE.has(el.key))}`);
  }
  return parts.sort().join('\u0000');
}

function scalarFingerprint(node: JsonNode, lower: boolean): string | undefined {
  switch (node.type) {
    case 'string':
      return `s${lower ? String(node.value).toLowerCase() : String(node.value)}`;
    case 'number':
    case 'boolean':
    case 'null':
      return `n${String(node.value)}`;
    default:
      return undefined;
  }
}

function valueFingerprint(node: JsonNode | undefined, lower: boolean): string {
  if (!node) return 'u';
  if (node.type === 'object') return 'O';
  if (node.type !== 'array') return `${scalarFingerprint(node, lower)}\u0001${scalarFingerprint(node, lower)}`;
  let min: string | undefined;
  let max: string | undefined;
  for (const c of node.children ?? []) {
    const f = scalarFingerprint(c, lower);
    // objects and nested arrays: too rare in IAM lists to fingerprint; such values all collide (and are compared in full)
    if (f === undefined) return 'O';
    if (min === undefined || f < min) min = f;
    if (max === undefined || f > max) max = f;
  }
  return min === undefined ? 'A' : `${min}\u0001${max}`;
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
    const byFingerprint = new Map<string, Statement | Map<string, Statement>>();
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
