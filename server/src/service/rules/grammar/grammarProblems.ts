// Validates a policy's JSON value against POLICY_SCHEMA with ajv (precompiled at build time) and turns the raw
// ajv errors into one typed problem per real cause, each pinned to a JSON node. Branch errors of
// anyOf/not are folded away. It writes no messages: each grammar rule words its own problem kind.

import type { ErrorObject } from 'ajv';
// precompiled at build time by scripts/buildSchemaValidator.mjs from POLICY_SCHEMA: nothing is compiled at
// run time (no new Function), and the first validation pays no compile cost
import policySchemaValidator from './policySchemaValidator.generated';
import { getNodeValue } from 'jsonc-parser';
import { properties, propertyKey, type JsonNode } from '../../parser/jsonTree';
import type { PolicyDocument } from '../../parser/policyModel';
import { isTemplated } from '../../parser/containers/templateValue';
import { derive, DerivedKey } from '../../parser/derived';
import { EXCLUSIVE_PAIRS, REQUIRED_ONE_OF } from './policySchema';
import { plainlyValid } from './plainlyValid';

/** A path into the policy value: object keys and array indexes. */
export type JsonPath = ReadonlyArray<string | number>;

export type GrammarProblem =
  | { readonly kind: 'unknown-element'; readonly path: JsonPath; readonly key: string; readonly keyNode: JsonNode; readonly level: 'policy' | 'statement' }
  | { readonly kind: 'type'; readonly path: JsonPath; readonly node: JsonNode; readonly expected: string }
  | { readonly kind: 'missing'; readonly path: JsonPath; readonly object: JsonNode; readonly element: string; readonly alternatives: readonly string[] }
  | { readonly kind: 'invalid-value'; readonly path: JsonPath; readonly node: JsonNode; readonly element: 'Version' | 'Effect' }
  | { readonly kind: 'exclusive'; readonly path: JsonPath; readonly object: JsonNode; readonly pair: readonly [string, string] };

const GRAMMAR_PROBLEMS = new DerivedKey<readonly GrammarProblem[]>('grammarProblems');

/** Grammar problems of one policy, computed once per parsed policy and shared by all grammar rules. */
export function grammarProblems(policy: PolicyDocument): readonly GrammarProblem[] {
  return derive(policy, GRAMMAR_PROBLEMS, () => computeProblems(policy.root));
}

function computeProblems(root: JsonNode): GrammarProblem[] {
  // most policies are plainly valid: a walk over the tree settles that without building the JSON value
  if (plainlyValid(root)) return [];
  const validate = policySchemaValidator;
  if (validate(getNodeValue(root))) return [];
  const errors = validate.errors ?? [];
  // ajv reports a failing anyOf's branch errors before the anyOf itself: those branches are folded into
  // the anyOf, and a type error at a path makes any other error at that same path redundant
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: GrammarProblem[] = [];
  for (const e of errors) {
    if (anyOfPaths.some((p) => e.schemaPath.startsWith(p))) continue;
    if (e.keyword !== 'type' && typed.has(e.instancePath)) continue;
    const problem = toProblem(root, e);
    if (problem) out.push(problem);
  }
  return out;
}

function toProblem(root: JsonNode, e: ErrorObject): GrammarProblem | undefined {
  const path = parsePointer(root, e.instancePath);
  const node = nodeAt(root, path);
  if (!node) return undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const prop = properties(node).find((p) => propertyKey(p) === key);
      const keyNode = prop?.children?.[0];
      if (!keyNode) return undefined;
      return { kind: 'unknown-element', path: [...path, key], key, keyNode, level: path.length === 0 ? 'policy' : 'statement' };
    }
    case 'type':
      // a template expression (Terraform `local.statements`, a CloudFormation Ref) stands for any JSON type
      if (isTemplated(node)) return undefined;
      return { kind: 'type', path, node, expected: String((e.params as { type: string | string[] }).type) };
    case 'required': {
      const element = String((e.params as { missingProperty: string }).missingProperty);
      return { kind: 'missing', path, object: node, element, alternatives: [element] };
    }
    case 'anyOf': {
      const group = REQUIRED_ONE_OF[allOfIndex(e.schemaPath) - EXCLUSIVE_PAIRS.length];
      if (!group) return undefined;
      return { kind: 'missing', path, object: node, element: group[0], alternatives: group };
    }
    case 'not': {
      const pair = EXCLUSIVE_PAIRS[allOfIndex(e.schemaPath)];
      return pair ? { kind: 'exclusive', path, object: node, pair } : undefined;
    }
    case 'enum': {
      // a CloudFormation/Terraform value known only at deploy time cannot be judged
      if (isTemplated(node)) return undefined;
      const element = path[path.length - 1];
      return element === 'Version' || element === 'Effect' ? { kind: 'invalid-value', path, node, element } : undefined;
    }
    default:
      return undefined;
  }
}

/** "#/properties/Statement/allOf/3/anyOf" -> 3 */
function allOfIndex(schemaPath: string): number {
  const m = /\/allOf\/(\d+)\/[a-zA-Z]+$/.exec(schemaPath);
  return m ? Number(m[1]) : -1;
}

/** Decodes a JSON pointer into keys and indexes, using the tree to tell array indexes from keys. */
function parsePointer(root: JsonNode, pointer: string): JsonPath {
  if (!pointer) return [];
  const out: Array<string | number> = [];
  let node: JsonNode | undefined = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step: string | number = node?.type === 'array' ? Number(seg) : seg;
    out.push(step);
    node = node ? childAt(node, step) : undefined;
  }
  return out;
}

function childAt(node: JsonNode, step: string | number): JsonNode | undefined {
  if (typeof step === 'number') return node.type === 'array' ? node.children?.[step] : undefined;
  // the last property with the key: that is the value getNodeValue (and so ajv) saw
  const props = properties(node).filter((p) => propertyKey(p) === step);
  return props[props.length - 1]?.children?.[1];
}

/** The node at a path, or undefined. */
export function nodeAt(root: JsonNode, path: JsonPath): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    node = childAt(node, step);
  }
  return node;
}
