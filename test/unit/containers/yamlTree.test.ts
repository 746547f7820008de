// YAML -> jsonc-shaped tree: offsets, scalars as strings, every CloudFormation short tag in scalar, sequence and
// mapping form turned into its long form with the key on the tag.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CFN_SHORT_TAGS, parseYaml } from '../../../server/src/service/parser/containers/yamlTree';
import { properties, propertyKey, propertyValue, type JsonNode } from '../../../server/src/service/parser/jsonTree';
import { intrinsicOf } from '../../../server/src/service/parser/containers/resolveIntrinsics';

const slice = (text: string, n: { offset: number; length: number }) => text.slice(n.offset, n.offset + n.length);
const get = (n: JsonNode | undefined, key: string) => {
  const p = properties(n).find((q) => propertyKey(q) === key);
  return p ? propertyValue(p) : undefined;
};

test('maps, sequences and scalars keep absolute offsets; scalars are strings (null stays null)', () => {
  const text = 'a: 1\nb:\n  - x\n  - "y z" # comment\n  - true\nc: ~\nd:\n';
  const { root, syntaxErrors } = parseYaml(text);
  assert.deepEqual(syntaxErrors, []);
  const r = root as unknown as JsonNode;
  assert.deepEqual([get(r, 'a')!.type, get(r, 'a')!.value], ['string', '1']);
  const b = get(r, 'b')!;
  assert.equal(b.type, 'array');
  assert.deepEqual(b.children!.map((c) => [c.value, slice(text, c)]), [['x', 'x'], ['y z', '"y z"'], ['true', 'true']]);
  assert.equal(slice(text, b), '- x\n  - "y z" # comment\n  - true');
  assert.equal(get(r, 'c')!.type, 'null');
  assert.equal(get(r, 'd')!.type, 'null');
  const keyNode = properties(r)[1]!.children![0]!;
  assert.equal(slice(text, keyNode), 'b');
});

test('every short tag becomes {"Fn::X": value} with the key node on the tag, in each form', () => {
  for (const [tag, long] of Object.entries(CFN_SHORT_TAGS)) {
    for (const [form, value] of [
      ['scalar', 'Foo'],
      ['seq', '[A, B]'],
      ['map', '{ K: V }'],
    ] as const) {
      const text = `v: ${tag} ${value}\n`;
      const { root, syntaxErrors } = parseYaml(text);
      assert.deepEqual(syntaxErrors, [], `${tag} ${form}`);
      const v = get(root as unknown as JsonNode, 'v')!;
      const prop = properties(v)[0]!;
      assert.equal(propertyKey(prop), long, `${tag} ${form}`);
      assert.equal(slice(text, prop.children![0]!), tag);
      assert.equal(slice(text, v), `${tag} ${value}`);
      assert.equal(propertyValue(prop)!.type, form === 'scalar' ? 'string' : form === 'seq' ? 'array' : 'object');
    }
  }
});

test('block-form tags and nested tags; long forms are read the same way', () => {
  const text = 'r: !Join\n  - ""\n  - - "arn:"\n    - !Ref AWS::Partition\nl:\n  Fn::GetAtt: [B, Arn]\n';
  const r = parseYaml(text).root as unknown as JsonNode;
  const join = intrinsicOf(get(r, 'r'));
  assert.equal(join?.fn, 'Fn::Join');
  const parts = join!.arg!.children![1]!;
  assert.equal(intrinsicOf(parts.children![1])?.fn, 'Ref');
  assert.equal(slice(text, parts.children![1]!), '!Ref AWS::Partition');
  assert.equal(intrinsicOf(get(r, 'l'))?.fn, 'Fn::GetAtt');
});

test('aliases resolve to their anchor; syntax errors carry offsets and one-line messages', () => {
  const text = 'a: &x hello\nb: *x\n';
  const r = parseYaml(text).root as unknown as JsonNode;
  assert.equal(get(r, 'b')!.value, 'hello');
  const bad = parseYaml('a: [1, 2\nb: }\n');
  assert.ok(bad.syntaxErrors.length >= 1);
  for (const e of bad.syntaxErrors) {
    assert.ok(!e.message.includes('\n'));
    assert.ok(e.offset >= 0 && e.length >= 1);
  }
});
