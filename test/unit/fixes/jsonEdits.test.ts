import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { appendProperty, applyOffsetEdits, indentUnit, mergeConditionEdits, prependProperty, replaceStringList } from '../../../server/src/service/fixes/jsonEdits';

function valueOf(text: string, path: (string | number)[]) {
  let node = parseTree(text)!;
  for (const seg of path) {
    if (typeof seg === 'number') node = node.children![seg]!;
    else node = node.children!.find((p) => p.children![0]!.value === seg)!.children![1]!;
  }
  return node;
}

test('indent unit is detected from the text', () => {
  assert.equal(indentUnit('{\n    "a": 1\n}'), '    ');
  assert.equal(indentUnit('{\n\t"a": 1\n}'), '\t');
  assert.equal(indentUnit('{"a": 1}'), '  ');
});

test('a one-line array stays one line', () => {
  const text = '{"Action": ["s3:GetObject", "s3:PutObject"]}';
  const out = applyOffsetEdits(text, [replaceStringList(text, valueOf(text, ['Action']), ['a:B', 'c:D', 'e:F'])]);
  assert.equal(out, '{"Action": ["a:B", "c:D", "e:F"]}');
});

test('a multi-line array keeps its item indentation', () => {
  const text = '{\n    "Action": [\n        "s3:GetObject"\n    ]\n}';
  const out = applyOffsetEdits(text, [replaceStringList(text, valueOf(text, ['Action']), ['a:B', 'c:D'])]);
  assert.equal(out, '{\n    "Action": [\n        "a:B",\n        "c:D"\n    ]\n}');
});

test('a single string becomes an array only when needed', () => {
  const text = '{\n  "Action": "s3:*"\n}';
  assert.equal(applyOffsetEdits(text, [replaceStringList(text, valueOf(text, ['Action']), ['s3:GetObject'])]), '{\n  "Action": "s3:GetObject"\n}');
  assert.equal(applyOffsetEdits(text, [replaceStringList(text, valueOf(text, ['Action']), ['a:B', 'c:D'])]), '{\n  "Action": ["a:B", "c:D"]\n}');
});

test('appendProperty follows one-line and multi-line object styles, CRLF kept', () => {
  const one = '{"Effect": "Allow"}';
  assert.equal(applyOffsetEdits(one, [appendProperty(one, parseTree(one)!, 'Resource', '*')]), '{"Effect": "Allow", "Resource": "*"}');
  const multi = '{\r\n  "Effect": "Allow"\r\n}';
  assert.equal(
    applyOffsetEdits(multi, [appendProperty(multi, parseTree(multi)!, 'Condition', { Bool: { 'aws:SecureTransport': 'true' } })]),
    '{\r\n  "Effect": "Allow",\r\n  "Condition": {\r\n    "Bool": {\r\n      "aws:SecureTransport": "true"\r\n    }\r\n  }\r\n}',
  );
});

test('prependProperty inserts first, keeping the layout', () => {
  const text = '{\n  "Statement": []\n}';
  assert.equal(applyOffsetEdits(text, [prependProperty(text, parseTree(text)!, 'Version', '2012-10-17')]), '{\n  "Version": "2012-10-17",\n  "Statement": []\n}');
});

test('mergeConditionEdits merges into an existing operator block and never duplicates a key', () => {
  const text = '{\n  "Effect": "Allow",\n  "Condition": {\n    "Bool": {\n      "aws:SecureTransport": "true"\n    }\n  }\n}';
  const stmt = parseTree(text)!;
  const out = applyOffsetEdits(text, mergeConditionEdits(text, stmt, 'Bool', 'aws:MultiFactorAuthPresent', 'true'));
  assert.equal(out, '{\n  "Effect": "Allow",\n  "Condition": {\n    "Bool": {\n      "aws:SecureTransport": "true",\n      "aws:MultiFactorAuthPresent": "true"\n    }\n  }\n}');
  assert.deepEqual(mergeConditionEdits(text, stmt, 'Bool', 'aws:securetransport', 'true'), []);
  const other = applyOffsetEdits(text, mergeConditionEdits(text, stmt, 'IpAddress', 'aws:SourceIp', ['192.0.2.0/24']));
  assert.ok(JSON.parse(other).Condition.IpAddress['aws:SourceIp'][0] === '192.0.2.0/24');
});
