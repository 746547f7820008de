// The small HCL reader: bodies, blocks with labels, every expression kind policies use, offsets, comments,
// opaque operators/for-expressions, and syntax errors with recovery.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl, type HclExpr } from '../../../server/src/service/parser/containers/hcl';

const src = (text: string, e: { start: number; end: number }) => text.slice(e.start, e.end);

test('blocks with labels, nested blocks and attributes with source spans', () => {
  const text = '# c\nresource "aws_iam_role" "r" {\n  name = "x" // c\n  inline_policy {\n    name = "p"\n  }\n}\nlocals { a = 1 }\n';
  const { body, syntaxErrors } = parseHcl(text);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual(body.blocks.map((b) => [b.type.name, b.labels.map((l) => l.name)]), [['resource', ['aws_iam_role', 'r']], ['locals', []]]);
  const role = body.blocks[0]!;
  assert.equal(src(text, role.labels[0]!), '"aws_iam_role"');
  assert.deepEqual(role.body.attributes.map((a) => a.name.name), ['name']);
  assert.equal(role.body.blocks[0]!.type.name, 'inline_policy');
  assert.equal(body.blocks[1]!.body.attributes[0]!.value.kind, 'number');
});

test('expressions: strings with escapes and templates, numbers, bools, null, tuples, objects, calls, references', () => {
  const text = [
    'a = "q\\"x\\n${var.b}"',
    'b = -1.5e2',
    'c = true',
    'd = null',
    'e = ["x", 2, [false]]',
    'f = { k = "v", "q" = 1, c: 2 }',
    'g = jsonencode({ A = [aws_s3_bucket.b.arn, var.x[0], m.*.id] })',
    'h = provider::aws::arn_parse("x")',
    '',
  ].join('\n');
  const { body, syntaxErrors } = parseHcl(text);
  assert.deepEqual(syntaxErrors, []);
  const v = Object.fromEntries(body.attributes.map((a) => [a.name.name, a.value])) as Record<string, HclExpr>;
  assert.deepEqual(v['a'], { kind: 'string', value: 'q"x\n${var.b}', hasTemplate: true, start: 4, end: text.indexOf('\nb') });
  assert.equal(v['b']!.kind === 'number' && v['b']!.value, -150);
  assert.equal(v['c']!.kind === 'bool' && v['c']!.value, true);
  assert.equal(v['d']!.kind, 'null');
  assert.equal(v['e']!.kind === 'tuple' && v['e']!.items.length, 3);
  assert.ok(v['f']!.kind === 'object');
  assert.deepEqual(v['f']!.kind === 'object' && v['f']!.items.map((i) => [i.key.name, src(text, i.key)]), [['k', 'k'], ['q', '"q"'], ['c', 'c']]);
  const g = v['g']!;
  assert.ok(g.kind === 'call' && g.name === 'jsonencode');
  const arg = g.kind === 'call' ? g.args[0]! : undefined;
  const list = arg?.kind === 'object' ? arg.items[0]!.value : undefined;
  assert.deepEqual(list?.kind === 'tuple' && list.items.map((i) => [i.kind, src(text, i)]), [
    ['other', 'aws_s3_bucket.b.arn'],
    ['other', 'var.x[0]'],
    ['other', 'm.*.id'],
  ]);
  assert.ok(v['h']!.kind === 'call' && v['h']!.name === 'provider::aws::arn_parse');
});

test('operators, conditionals and for-expressions are opaque spans', () => {
  const text = 'a = var.x ? "y" : "z"\nb = [for s in var.l : upper(s)]\nc = {for k, v in var.m : k => v}\nd = 1 + 2\ne = "after"\n';
  const { body, syntaxErrors } = parseHcl(text);
  assert.deepEqual(syntaxErrors, []);
  assert.deepEqual(body.attributes.map((a) => [a.name.name, a.value.kind, src(text, a.value)]), [
    ['a', 'other', 'var.x ? "y" : "z"'],
    ['b', 'other', '[for s in var.l : upper(s)]'],
    ['c', 'other', '{for k, v in var.m : k => v}'],
    ['d', 'other', '1 + 2'],
    ['e', 'string', '"after"'],
  ]);
});

test('heredocs: <<EOF and <<-EOF bodies with their offsets', () => {
  const text = 'p = <<EOF\n{"a": 1}\nEOF\nq = <<-JSON\n    {"b": 2}\n  JSON\nr = 1\n';
  const { body, syntaxErrors } = parseHcl(text);
  assert.deepEqual(syntaxErrors, []);
  const [p, q, r] = body.attributes;
  assert.ok(p!.value.kind === 'heredoc' && p!.value.body === '{"a": 1}\n');
  assert.ok(p!.value.kind === 'heredoc' && text.startsWith('{"a"', p!.value.bodyStart));
  assert.ok(q!.value.kind === 'heredoc' && q!.value.body === '    {"b": 2}\n');
  assert.equal(r!.value.kind, 'number');
});

test('syntax errors are reported with offsets and parsing recovers at the next line', () => {
  const text = 'a = "unterminated\nb = [1 2]\nc = 3\nresource "x" {\n  d = 4\n';
  const { body, syntaxErrors } = parseHcl(text);
  assert.ok(syntaxErrors.length >= 3, JSON.stringify(syntaxErrors));
  assert.ok(syntaxErrors.some((e) => e.message === 'Unterminated string.' && e.offset === 4));
  assert.ok(syntaxErrors.some((e) => /Closing brace/.test(e.message)));
  assert.ok(body.attributes.some((a) => a.name.name === 'c'));
  assert.equal(body.blocks[0]?.body.attributes[0]?.name.name, 'd');
});
