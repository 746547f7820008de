// HCL expressions -> jsonc-parser-shaped nodes, as `jsonencode` would serialise them: strings (with `${…}` marked
// by templateValue.ts), numbers, booleans, null, tuples, objects; references and calls become opaque strings.

import type { HclExpr, HclKey } from './hcl';
import { containerNode, propertyNode, scalarNode, type MutableNode } from './nodes';
import { substituteTerraform, templateFor } from './templateValue';

/** Keys under which `*` is an IAM wildcard (so an unknown part of a string may become `*`). */
export const WILDCARD_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

/** HCL expression -> jsonc-shaped node (as jsonencode would serialise it); unknown values become opaque strings. */
export function hclToNode(e: HclExpr, slot: boolean): MutableNode {
  const len = e.end - e.start;
  switch (e.kind) {
    case 'string': {
      const node = scalarNode('string', e.value, e.start, len);
      if (e.hasTemplate) {
        const sub = substituteTerraform(e.value, '*');
        const t = templateFor(sub.value, sub.unknown, slot, 'interpolation', e.value);
        node.value = t.value;
        node.template = t.template;
      }
      return node;
    }
    case 'number':
      return scalarNode('number', e.value, e.start, len);
    case 'bool':
      return scalarNode('boolean', e.value, e.start, len);
    case 'null':
      return scalarNode('null', null, e.start, len);
    case 'tuple':
      return containerNode('array', e.start, len, e.items.map((i) => hclToNode(i, slot)));
    case 'object':
      return containerNode(
        'object',
        e.start,
        len,
        e.items.map((item) => propertyNode(keyNode(item.key), hclToNode(item.value, WILDCARD_KEYS.has(item.key.name)))),
      );
    default: {
      // the expression as written is filled in by the caller, which holds the text (fillOpaqueSource)
      const node = scalarNode('string', e.kind === 'other' ? e.text : '', e.start, len);
      node.template = { kind: 'opaque', fn: e.kind === 'call' ? `${e.name}()` : 'reference' };
      return node;
    }
  }
}

export function keyNode(key: HclKey): MutableNode {
  return scalarNode('string', key.name, key.start, key.end - key.start);
}

/** Gives opaque nodes the HCL expression they stand for as their value (see templateValue.ts). */
export function fillOpaqueSource(node: MutableNode, text: string): void {
  const t = node.template as { kind?: string } | undefined;
  if (node.type === 'string' && t?.kind === 'opaque' && node.value === '') node.value = text.slice(node.offset, node.offset + node.length);
  for (const c of node.children ?? []) fillOpaqueSource(c, text);
}
