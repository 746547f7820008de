// A fast "nothing to report" check for the policy grammar, run on the JSON tree before the schema: it says
// yes only for the common shapes it fully understands, each of which POLICY_SCHEMA accepts. Anything unusual
// (a missing Resource, a wrong type, an unknown key) answers no, and ajv then finds and explains the problem.
// The schema stays the one source of truth for messages; a differential test holds this walk to it.

import type { JsonNode } from '../../parser/jsonTree';
import { VALID_EFFECTS, VALID_VERSIONS } from './policySchema';

// one bit per statement element, to see which are present without a Set per statement
const ACTION = 1;
const NOT_ACTION = 2;
const RESOURCE = 4;
const NOT_RESOURCE = 8;
const PRINCIPAL = 16;
const NOT_PRINCIPAL = 32;
const EFFECT = 64;
const ELEMENT_BITS: ReadonlyMap<string, number> = new Map([
  ['Effect', EFFECT],
  ['Action', ACTION],
  ['NotAction', NOT_ACTION],
  ['Resource', RESOURCE],
  ['NotResource', NOT_RESOURCE],
  ['Principal', PRINCIPAL],
  ['NotPrincipal', NOT_PRINCIPAL],
]);

/** True only when POLICY_SCHEMA certainly accepts the policy whose root is `root`. */
export function plainlyValid(root: JsonNode): boolean {
  if (root.type !== 'object') return false;
  let hasStatement = false;
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) return false;
    switch (keyNode.value) {
      case 'Version':
        if (value.type !== 'string' || !(VALID_VERSIONS as readonly unknown[]).includes(value.value)) return false;
        break;
      case 'Id':
        if (value.type !== 'string') return false;
        break;
      case 'Statement':
        hasStatement = true;
        if (value.type === 'array') {
          for (const statement of value.children ?? []) if (!plainStatement(statement)) return false;
        } else if (!plainStatement(value)) return false;
        break;
      default:
        return false;
    }
  }
  return hasStatement;
}

function plainStatement(statement: JsonNode): boolean {
  if (statement.type !== 'object') return false;
  let present = 0;
  for (const prop of statement.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) return false;
    const key = keyNode.value as string;
    switch (key) {
      case 'Sid':
        if (value.type !== 'string') return false;
        break;
      case 'Effect':
        if (value.type !== 'string' || !(VALID_EFFECTS as readonly unknown[]).includes(value.value)) return false;
        break;
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource':
        if (!stringOrStrings(value)) return false;
        break;
      case 'Principal':
      case 'NotPrincipal':
        if (!plainPrincipal(value)) return false;
        break;
      case 'Condition':
        if (!plainCondition(value)) return false;
        break;
      default:
        return false;
    }
    present |= ELEMENT_BITS.get(key) ?? 0;
  }
  // Effect, one of each required pair, and neither pair written twice
  const action = present & (ACTION | NOT_ACTION);
  const resource = present & (RESOURCE | NOT_RESOURCE);
  const principal = present & (PRINCIPAL | NOT_PRINCIPAL);
  return (present & EFFECT) !== 0 && (action === ACTION || action === NOT_ACTION) && (resource === RESOURCE || resource === NOT_RESOURCE) && principal !== (PRINCIPAL | NOT_PRINCIPAL);
}

function stringOrStrings(node: JsonNode): boolean {
  if (node.type === 'string') return true;
  if (node.type !== 'array') return false;
  for (const item of node.children ?? []) if (item.type !== 'string') return false;
  return true;
}

/** `"*"` or a map of string / string-array entries; the schema leaves other shapes to the principal rules. */
function plainPrincipal(node: JsonNode): boolean {
  if (node.type === 'string') return true;
  if (node.type !== 'object') return false;
  for (const prop of node.children ?? []) {
    const value = prop.children?.[1];
    if (!value || !stringOrStrings(value)) return false;
  }
  return true;
}

function plainCondition(node: JsonNode): boolean {
  if (node.type !== 'object') return false;
  for (const operator of node.children ?? []) {
    const block = operator.children?.[1];
    if (!block || block.type !== 'object') return false;
    for (const entry of block.children ?? []) {
      const value = entry.children?.[1];
      if (!value) return false;
      if (value.type === 'array') {
        for (const item of value.children ?? []) if (!conditionScalar(item)) return false;
      } else if (!conditionScalar(value)) return false;
    }
  }
  return true;
}

function conditionScalar(node: JsonNode): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean';
}
