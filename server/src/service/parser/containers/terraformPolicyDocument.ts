// `data "aws_iam_policy_document"` -> a synthetic policy tree in jsonc-parser shape whose nodes point at the HCL
// tokens: `actions` becomes the "Action" key (spanning `actions`), each action string keeps its own span,
// `principals { type identifiers }` becomes a Principal entry keyed by the `type` string, `condition { test variable
// values }` becomes Condition[test][variable] = values. Defaults Terraform applies (Version 2012-10-17, Effect Allow)
// are added on the block/statement keyword so rules see the document IAM receives. `dynamic` blocks are skipped.

import type { HclBlock, HclBody, HclExpr } from './hcl';
import { containerNode, propertyNode, scalarNode, type MutableNode } from './nodes';
import { hclToNode, keyNode, WILDCARD_KEYS } from './hclNodes';

const STATEMENT_LISTS: Readonly<Record<string, string>> = {
  actions: 'Action',
  not_actions: 'NotAction',
  resources: 'Resource',
  not_resources: 'NotResource',
};

export function buildPolicyDocumentData(block: HclBlock): MutableNode {
  const props: MutableNode[] = [];
  const attr = (body: HclBody, name: string): { key: MutableNode; value: HclExpr } | undefined => {
    const a = body.attributes.find((x) => x.name.name === name);
    return a ? { key: keyNode(a.name), value: a.value } : undefined;
  };
  const version = attr(block.body, 'version');
  const anchor = block.labels[0] ?? block.type;
  if (version) props.push(renamed(version.key, 'Version', hclToNode(version.value, false)));
  else props.push(synthetic('Version', '2012-10-17', anchor.start, anchor.end - anchor.start));
  const id = attr(block.body, 'policy_id');
  if (id) props.push(renamed(id.key, 'Id', hclToNode(id.value, false)));
  const statements = block.body.blocks.filter((b) => b.type.name === 'statement');
  if (statements.length > 0) {
    const first = statements[0]!;
    const last = statements[statements.length - 1]!;
    const array = containerNode('array', first.start, last.end - first.start, statements.map(statement));
    props.push(propertyNode(scalarNode('string', 'Statement', first.type.start, first.type.end - first.type.start), array));
  }
  return containerNode('object', block.start, block.end - block.start, props);
}

function statement(block: HclBlock): MutableNode {
  const props: MutableNode[] = [];
  const body = block.body;
  const find = (name: string) => body.attributes.find((a) => a.name.name === name);
  const sid = find('sid');
  if (sid) props.push(renamed(keyNode(sid.name), 'Sid', hclToNode(sid.value, false)));
  const effect = find('effect');
  if (effect) props.push(renamed(keyNode(effect.name), 'Effect', hclToNode(effect.value, false)));
  else props.push(synthetic('Effect', 'Allow', block.type.start, block.type.end - block.type.start));
  for (const [hclName, iamName] of Object.entries(STATEMENT_LISTS)) {
    const a = find(hclName);
    if (a) props.push(renamed(keyNode(a.name), iamName, hclToNode(a.value, WILDCARD_KEYS.has(iamName))));
  }
  for (const [hclName, iamName] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const blocks = body.blocks.filter((b) => b.type.name === hclName);
    const p = blocks.length > 0 ? principal(blocks, iamName) : undefined;
    if (p && !isEmptyObjectProperty(p)) props.push(p);
  }
  const conditions = body.blocks.filter((b) => b.type.name === 'condition');
  const c = conditions.length > 0 ? condition(conditions) : undefined;
  // when every block was left out (unknown operator/key), there is no Condition to judge at all
  if (c && !isEmptyObjectProperty(c)) props.push(c);
  return containerNode('object', block.start, block.end - block.start, props);
}

/** One Principal entry per distinct `type`; blocks repeating a type have their identifiers merged. */
function principal(blocks: readonly HclBlock[], iamName: string): MutableNode {
  const entries = new Map<string, MutableNode>();
  const order: MutableNode[] = [];
  for (const b of blocks) {
    const type = b.body.attributes.find((a) => a.name.name === 'type');
    const ids = b.body.attributes.find((a) => a.name.name === 'identifiers');
    // a `type` only known at apply time cannot be a key rules judge: the block is left out
    if (!type || !ids || !isLiteralString(type.value)) continue;
    const typeNode = hclToNode(type.value, false);
    const idsNode = hclToNode(ids.value, false);
    const key = String(typeNode.value);
    const existing = entries.get(key);
    if (existing && existing.children?.[1]?.type === 'array' && idsNode.type === 'array') {
      const arr = existing.children[1];
      for (const c of idsNode.children ?? []) {
        c.parent = arr;
        arr.children!.push(c);
      }
      continue;
    }
    const prop = propertyNode(typeNode, idsNode);
    entries.set(key, prop);
    order.push(prop);
  }
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const keyNode = scalarNode('string', iamName, first.type.start, first.type.end - first.type.start);
  // the provider writes `type = "*"`, `identifiers = ["*"]` as "Principal": "*"
  const star = entries.get('*')?.children?.[1];
  if (order.length === 1 && star?.type === 'array' && star.children?.length === 1 && star.children[0]!.value === '*') {
    return propertyNode(keyNode, star.children[0]!);
  }
  const obj = containerNode('object', first.start, last.end - first.start, order);
  return propertyNode(keyNode, obj);
}

/** Condition[test][variable] = values; a repeated test gets one operator entry holding every variable. */
function condition(blocks: readonly HclBlock[]): MutableNode {
  const operators = new Map<string, MutableNode>();
  const order: MutableNode[] = [];
  for (const b of blocks) {
    const get = (n: string) => b.body.attributes.find((a) => a.name.name === n);
    const test = get('test');
    const variable = get('variable');
    const values = get('values');
    // an operator or key only known at apply time (var.op, "aws:${var.k}") is left out rather than misjudged
    if (!test || !variable || !values || !isLiteralString(test.value) || !isLiteralString(variable.value)) continue;
    const testNode = hclToNode(test.value, false);
    const entry = propertyNode(hclToNode(variable.value, false), hclToNode(values.value, false));
    const key = String(testNode.value);
    let op = operators.get(key);
    if (!op) {
      op = propertyNode(testNode, containerNode('object', b.start, b.end - b.start, []));
      operators.set(key, op);
      order.push(op);
    }
    const block = op.children![1]!;
    entry.parent = block;
    block.children!.push(entry);
    block.length = Math.max(block.offset + block.length, b.end) - block.offset;
    op.length = Math.max(op.offset + op.length, b.end) - op.offset;
  }
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const obj = containerNode('object', first.start, last.end - first.start, order);
  return propertyNode(scalarNode('string', 'Condition', first.type.start, first.type.end - first.type.start), obj);
}

function isEmptyObjectProperty(prop: MutableNode): boolean {
  const v = prop.children?.[1];
  return v?.type === 'object' && (v.children?.length ?? 0) === 0;
}

function isLiteralString(e: HclExpr): boolean {
  return e.kind === 'string' && !e.hasTemplate;
}

/** A property whose key node spans the HCL attribute name but carries the IAM element name. */
function renamed(key: MutableNode, iamName: string, value: MutableNode): MutableNode {
  key.value = iamName;
  return propertyNode(key, value);
}

/** A default Terraform fills in, placed on a keyword so a finding on it still lands somewhere meaningful. */
function synthetic(key: string, value: string, offset: number, length: number): MutableNode {
  return propertyNode(scalarNode('string', key, offset, length), scalarNode('string', value, offset, length));
}
