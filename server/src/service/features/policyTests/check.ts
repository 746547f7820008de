// The editor's own checks of a policy test file, made while typing (before and besides evaluation): keys the
// format does not have, actions the catalog does not know, verdicts and values of the wrong type, policy paths
// that name no file, context keys no service defines. Each finding has a stable code (docs/policy-tests.md).
// Problems the engine's loader reports are merged by the caller; this module does not evaluate.

import type { JsonNode } from '../../parser/jsonTree';
import type { IamCatalog } from '../../knowledge/catalog';
import { EXPECT_VALUES, keysFor, POLICY_KIND_KEYS } from './format';
import { propertyOf, testEntries, valueOf, walkProperties, type TestFileTree } from './testFileTree';
import type { KeyPath } from './cursor';

export type TestFileCode =
  | 'POLICY_TEST_SYNTAX'
  | 'POLICY_TEST_UNKNOWN_KEY'
  | 'POLICY_TEST_UNKNOWN_ACTION'
  | 'POLICY_TEST_INVALID_VALUE'
  | 'POLICY_TEST_MISSING_KEY'
  | 'POLICY_TEST_MISSING_POLICY'
  | 'POLICY_TEST_UNKNOWN_CONTEXT_KEY'
  | 'POLICY_TEST_FAILED'
  | 'POLICY_TEST_NOT_RUN';

export const TEST_FILE_CODES: readonly TestFileCode[] = [
  'POLICY_TEST_SYNTAX',
  'POLICY_TEST_UNKNOWN_KEY',
  'POLICY_TEST_UNKNOWN_ACTION',
  'POLICY_TEST_INVALID_VALUE',
  'POLICY_TEST_MISSING_KEY',
  'POLICY_TEST_MISSING_POLICY',
  'POLICY_TEST_UNKNOWN_CONTEXT_KEY',
  'POLICY_TEST_FAILED',
  'POLICY_TEST_NOT_RUN',
];

export interface TestFileFinding {
  readonly code: TestFileCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /** did-you-mean replacement for the flagged value, when there is one */
  readonly suggestion?: string;
}

export interface CheckInput {
  readonly catalog: IamCatalog;
  /** whether a policy path (as written, relative to the test file) names a readable file */
  readonly policyExists: (relativePath: string) => boolean;
}

const EXPECTS = new Set(EXPECT_VALUES.map(([v]) => v));

export function checkTestFile(tree: TestFileTree, input: CheckInput): TestFileFinding[] {
  const out: TestFileFinding[] = [];
  for (const e of tree.syntaxErrors) out.push({ code: 'POLICY_TEST_SYNTAX', severity: 'error', message: e.message, offset: e.offset, length: e.length });
  const root = tree.root;
  if (!root) return out;
  if (root.type !== 'object') {
    out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: 'A policy test file is a mapping with "policies", "principal" and "tests".', offset: root.offset, length: Math.max(1, Math.min(root.length, 80)) });
    return out;
  }
  const at = (node: JsonNode) => ({ offset: node.offset, length: Math.max(1, node.length) });
  walkProperties(root, (path, property) => {
    const keyNode = property.children![0]!;
    const value = property.children?.[1];
    const parent = path.slice(0, -1);
    const key = path[path.length - 1] as string;
    const allowed = keysFor(parent);
    if (allowed && !allowed.some((k) => k.key === key)) {
      out.push({ code: 'POLICY_TEST_UNKNOWN_KEY', severity: 'warning', message: `Unknown key "${key}" here: expected one of ${allowed.map((k) => k.key).join(', ')}.`, ...at(keyNode) });
      return;
    }
    if (isPolicyKind(parent, key) && value) checkPolicyValue(key, value, input, out);
    if (parent.length === 2 && parent[0] === 'tests' && value) checkTestValue(key, value, input, out);
    if (isContext(parent)) checkContextKey(key, keyNode, value, input, out);
  });
  const tests = valueOf(root, 'tests');
  if (!tests) out.push({ code: 'POLICY_TEST_MISSING_KEY', severity: 'error', message: 'The file has no "tests" list.', offset: root.offset, length: 1 });
  else if (tests.type !== 'array') out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: '"tests" must be a list of tests.', ...at(tests) });
  for (const entry of testEntries(root)) {
    for (const required of ['action', 'expect']) {
      if (!propertyOf(entry, required)) out.push({ code: 'POLICY_TEST_MISSING_KEY', severity: 'error', message: `This test has no "${required}".`, offset: entry.offset, length: 1 });
    }
  }
  return out;
}

function isPolicyKind(parent: KeyPath, key: string): boolean {
  const atPolicies = (parent.length === 1 && parent[0] === 'policies') || (parent.length === 3 && parent[0] === 'tests' && parent[2] === 'policies');
  return atPolicies && POLICY_KIND_KEYS.some((k) => k.key === key);
}

function isContext(parent: KeyPath): boolean {
  return parent.length === 3 && parent[0] === 'tests' && parent[2] === 'context';
}

/** A policy entry: a path, an inline policy object, or (identity) a list of them, (scp/rcp) a list of levels. */
function checkPolicyValue(kind: string, value: JsonNode, input: CheckInput, out: TestFileFinding[]): void {
  const one = (node: JsonNode) => {
    if (node.type === 'string') {
      const path = String(node.value);
      if (!input.policyExists(path)) out.push({ code: 'POLICY_TEST_MISSING_POLICY', severity: 'error', message: `No policy file "${path}" (paths are relative to this test file).`, offset: node.offset, length: Math.max(1, node.length) });
    } else if (node.type === 'object') {
      if (!propertyOf(node, 'Statement')) out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: 'An inline policy needs a "Statement".', offset: node.offset, length: 1 });
    } else {
      out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `A policy is a file path or an inline policy object, not ${describe(node)}.`, offset: node.offset, length: Math.max(1, node.length) });
    }
  };
  if (kind === 'scp' || kind === 'rcp') {
    if (value.type !== 'array') {
      out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `"${kind}" is a list of levels (root, OUs…, account), each a list of policies: [[root.json], [ou.json], []].`, offset: value.offset, length: Math.max(1, value.length) });
      return;
    }
    for (const level of value.children ?? []) {
      if (level.type === 'array') (level.children ?? []).forEach(one);
      else out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `Each "${kind}" level is a list of policies ([] for a level that allows nothing).`, offset: level.offset, length: Math.max(1, level.length) });
    }
    return;
  }
  if (value.type === 'array') {
    if (kind === 'identity') (value.children ?? []).forEach(one);
    else out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `"${kind}" takes one policy, not a list.`, offset: value.offset, length: Math.max(1, value.length) });
    return;
  }
  one(value);
}

function checkTestValue(key: string, value: JsonNode, input: CheckInput, out: TestFileFinding[]): void {
  const span = { offset: value.offset, length: Math.max(1, value.length) };
  if (key === 'action') {
    if (value.type !== 'string') {
      out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `"action" is one action such as "s3:GetObject", not ${describe(value)}.`, ...span });
      return;
    }
    const action = String(value.value);
    if (/[*?]/.test(action)) out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `A request names one action: "${action}" has a wildcard.`, ...span });
    else if (!input.catalog.getAction(action)) {
      const suggestion = input.catalog.closestAction(action);
      out.push({ code: 'POLICY_TEST_UNKNOWN_ACTION', severity: 'error', message: `Unknown action "${action}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`, ...span, ...(suggestion ? { suggestion } : {}) });
    }
  } else if (key === 'expect') {
    if (value.type !== 'string' || !EXPECTS.has(String(value.value))) out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `"expect" is one of ${[...EXPECTS].join(', ')}.`, ...span });
  } else if (key === 'name' || key === 'resource' || key === 'principal') {
    if (value.type !== 'string') out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `"${key}" is a string, not ${describe(value)}.`, ...span });
  } else if (key === 'resourceAccount') {
    if (!(value.type === 'string' || value.type === 'number') || !/^\d{12}$/.test(String(value.value))) out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: '"resourceAccount" is a 12-digit account ID (quote it in YAML: "444455556666").', ...span });
  } else if (key === 'context') {
    if (value.type !== 'object') out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `"context" maps condition keys to a value or a list of values, not ${describe(value)}.`, ...span });
  }
}

function checkContextKey(key: string, keyNode: JsonNode, value: JsonNode | undefined, input: CheckInput, out: TestFileFinding[]): void {
  if (!input.catalog.getConditionKey(key)) {
    const suggestion = input.catalog.closestConditionKey(key);
    out.push({ code: 'POLICY_TEST_UNKNOWN_CONTEXT_KEY', severity: 'warning', message: `No service defines the condition key "${key}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`, offset: keyNode.offset, length: Math.max(1, keyNode.length), ...(suggestion ? { suggestion } : {}) });
  }
  if (!value) return;
  const scalar = (n: JsonNode) => n.type === 'string' || n.type === 'number' || n.type === 'boolean';
  if (!(scalar(value) || (value.type === 'array' && (value.children ?? []).every(scalar)))) {
    out.push({ code: 'POLICY_TEST_INVALID_VALUE', severity: 'error', message: `A context value is a string or a list of strings (a multivalued key), not ${describe(value)}.`, offset: value.offset, length: Math.max(1, value.length) });
  }
}

function describe(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'null':
      return 'an empty value';
    default:
      return `a ${node.type}`;
  }
}
