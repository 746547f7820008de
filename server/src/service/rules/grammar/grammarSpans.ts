// Span and wording helpers shared by the grammar, policy-type and limit rules: single-line narrow report
// spans, the anchor for "missing element" findings, the syntax-error guard, and element descriptions.

import { propertyKeyNode, type JsonNode } from '../../parser/jsonTree';
import type { Span } from '../../parser/policyModel';
import type { DocumentContext } from '../rule';
import type { JsonPath } from './grammarProblems';

/**
 * A single-line span for a node: the node itself when it fits on one line, else the key of its property
 * (values), else its first character (`{` or `[`).
 */
export function narrowSpan(node: JsonNode, text: string): Span {
  const raw = text.slice(node.offset, node.offset + node.length);
  if (!raw.includes('\n')) return { offset: node.offset, length: node.length };
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node) {
    const key = propertyKeyNode(parent);
    if (key) return { offset: key.offset, length: key.length };
  }
  return { offset: node.offset, length: 1 };
}

/** Where a "missing element" finding goes: the object's first key, or its `{` when it is empty. */
export function missingAnchor(object: JsonNode): Span {
  const firstProp = object.children?.find((c) => c.type === 'property');
  const key = firstProp ? propertyKeyNode(firstProp) : undefined;
  return key ? { offset: key.offset, length: key.length } : { offset: object.offset, length: 1 };
}

/**
 * True when a JSON syntax error lies inside the node's span: an element may then exist in the text but
 * be unparsed, so "missing element" findings must stay quiet.
 */
export function brokenBySyntax(ctx: Pick<DocumentContext, 'document'>, node: JsonNode): boolean {
  const end = node.offset + node.length;
  return ctx.document.syntaxErrors.some((e) => e.offset >= node.offset && e.offset <= end);
}

/** "a number", "an array", "null", as users know the JSON types. */
export function jsonTypePhrase(node: JsonNode): string {
  switch (node.type) {
    case 'null':
      return 'null';
    case 'array':
    case 'object':
      return `an ${node.type}`;
    default:
      return `a ${node.type}`;
  }
}

/** The element a path names, for messages: `"Effect"`, `an item of "Action"`, `condition key "aws:SourceIp"`. */
export function describePath(path: JsonPath): string {
  const rest = stripStatement(path);
  if (rest === undefined) return `"${String(path[0] ?? 'policy')}"`;
  if (rest.length === 0) return 'each statement';
  const [el, a, b, c] = rest;
  const name = String(el);
  if (rest.length === 1) return `"${name}"`;
  if (name === 'Condition') {
    if (rest.length === 2) return `condition operator "${String(a)}"`;
    if (rest.length === 3) return `condition key "${String(b)}"`;
    return `a value of condition key "${String(b)}"`;
  }
  if (name === 'Principal' || name === 'NotPrincipal') {
    if (rest.length === 2) return `"${String(a)}" in "${name}"`;
    return `an item of "${String(a)}" in "${name}"`;
  }
  return c === undefined ? `an item of "${name}"` : `"${name}"`;
}

/** The part of a path below a statement, or undefined when the path is not inside a statement. */
function stripStatement(path: JsonPath): JsonPath | undefined {
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? path.slice(2) : path.length === 1 ? undefined : path.slice(1);
}

/** What the schema expected, in words, from ajv's `type` parameter. */
export function expectedPhrase(expected: string, path: JsonPath): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'object':
      return path[path.length - 1] === 'Condition' ? 'an object of condition operators' : stripStatement(path)?.[0] === 'Condition' ? 'an object of condition keys' : 'an object';
    case 'object,array':
      return 'an object or an array of objects';
    case 'string,array':
      return 'a string or an array of strings';
    case 'string,number,boolean,array':
      return 'a string, number, boolean or an array of them';
    case 'string,number,boolean':
      return 'a string, number or boolean';
    default:
      return expected.split(',').join(' or ');
  }
}
