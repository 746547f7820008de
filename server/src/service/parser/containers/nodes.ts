// Builders for jsonc-parser-shaped nodes ({type, offset, length, value, children, parent}) so that container
// formats (YAML, HCL, resolved CloudFormation) produce the same tree the JSON rules read. No parsing here.

import type { JsonNode } from '../jsonTree';

/** Mutable twin of jsonc-parser's readonly Node, used only while building. */
export interface MutableNode {
  type: JsonNode['type'];
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  parent?: MutableNode;
  children?: MutableNode[];
  /** set on strings that stand for a CloudFormation intrinsic or a Terraform interpolation (see templateValue.ts) */
  template?: unknown;
}

export function scalarNode(type: 'string' | 'number' | 'boolean' | 'null', value: unknown, offset: number, length: number): MutableNode {
  return { type, value, offset, length };
}

export function containerNode(type: 'object' | 'array', offset: number, length: number, children: MutableNode[] = []): MutableNode {
  const node: MutableNode = { type, offset, length, children };
  for (const c of children) c.parent = node;
  return node;
}

/** A property node spanning from its key to the end of its value (or the key alone). */
export function propertyNode(key: MutableNode, value: MutableNode | undefined, colonOffset?: number): MutableNode {
  const end = value ? Math.max(value.offset + value.length, key.offset + key.length) : key.offset + key.length;
  const start = value ? Math.min(key.offset, value.offset) : key.offset;
  const node: MutableNode = { type: 'property', offset: start, length: end - start, children: value ? [key, value] : [key] };
  if (colonOffset !== undefined) node.colonOffset = colonOffset;
  key.parent = node;
  if (value) value.parent = node;
  return node;
}

export function addChild(parent: MutableNode, child: MutableNode): void {
  (parent.children ??= []).push(child);
  child.parent = parent;
}

/** Deep copy with fresh parent links (a resolved variant must not share mutable nodes with another). */
export function cloneNode(node: JsonNode | MutableNode, parent?: MutableNode): MutableNode {
  const copy: MutableNode = { type: node.type, offset: node.offset, length: node.length };
  if (node.value !== undefined) copy.value = node.value;
  if (node.colonOffset !== undefined) copy.colonOffset = node.colonOffset;
  const template = (node as MutableNode).template;
  if (template !== undefined) copy.template = template;
  if (parent) copy.parent = parent;
  if (node.children) copy.children = node.children.map((c) => cloneNode(c, copy));
  return copy;
}

export function asJsonNode(node: MutableNode): JsonNode {
  return node as unknown as JsonNode;
}
