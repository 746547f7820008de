// The strict-JSON fast path of the tree builder (parser/strictJsonTree.ts) against the visitor path it skips:
// node for node (types, offsets, lengths, values, colon offsets, parent links), depth and length without
// whitespace, on every corpus policy and on thousands of seeded mutations of them (escapes, comments, control
// characters, broken numbers and keywords, trailing commas, odd whitespace). Where the fast path declines, the
// visitor's answer is the only one, so buildTree must equal visitTree on every text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Node, ParseError } from 'jsonc-parser';
import { buildTree, visitTree } from '../../../server/src/service/parser/treeBuilder';
import { strictJsonTree } from '../../../server/src/service/parser/strictJsonTree';
import { corpusTexts, managedCorpusFiles } from '../../support/corpus';
import { prng } from '../../support/policyGenerator';

const OPTIONS = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

/** Node-for-node comparison (parents by identity of position in the tree); the first difference, or undefined. */
function difference(a: Node | undefined, b: Node | undefined, path = '$'): string | undefined {
  if (!a || !b) return a === b ? undefined : `${path}: one side missing`;
  for (const field of ['type', 'offset', 'length', 'value', 'colonOffset'] as const) {
    if (!Object.is(a[field], b[field])) return `${path}.${field}: ${String(a[field])} vs ${String(b[field])}`;
  }
  if (a.constructor !== b.constructor) return `${path}: another node class`;
  const ca = a.children ?? [];
  const cb = b.children ?? [];
  if ((a.children === undefined) !== (b.children === undefined)) return `${path}.children: defined on one side`;
  if (ca.length !== cb.length) return `${path}.children: ${ca.length} vs ${cb.length}`;
  for (let i = 0; i < ca.length; i++) {
    if (ca[i]!.parent !== a || cb[i]!.parent !== b) return `${path}[${i}].parent`;
    const d = difference(ca[i], cb[i], `${path}[${i}]`);
    if (d) return d;
  }
  return undefined;
}

/** Compares both paths on one text; true when the fast path answered. */
function compare(text: string, maxDepth = Infinity): boolean {
  const fastErrors: ParseError[] = [];
  const built = buildTree(text, fastErrors, OPTIONS, maxDepth);
  const errors: ParseError[] = [];
  const expected = visitTree(text, errors, OPTIONS, maxDepth);
  const what = JSON.stringify(text.slice(0, 160));
  assert.equal(difference(built.root, expected.root), undefined, what);
  if (built.root) assert.equal(built.root.parent, undefined, what);
  assert.equal(built.depth, expected.depth, `depth of ${what}`);
  assert.deepEqual(fastErrors, errors, what);
  if (errors.length === 0) assert.equal(built.nonWhitespaceLength, expected.nonWhitespaceLength, `length without whitespace of ${what}`);
  const fast = strictJsonTree(text, maxDepth, (built.root?.constructor ?? Object) as never) !== undefined;
  if (fast) assert.equal(errors.length, 0, `the fast path accepted a text with errors: ${what}`);
  return fast;
}

const texts = [...corpusTexts(), ...managedCorpusFiles().map((f) => readFileSync(f, 'utf8'))];

test('the fast path builds the visitor tree on every corpus policy, and takes most of them', () => {
  let fast = 0;
  for (const text of texts) if (compare(text)) fast++;
  assert.ok(texts.length > 100 && fast > texts.length * 0.8, `${fast} of ${texts.length} took the fast path`);
});

test('the same answers on hand-written edge cases', () => {
  const cases = [
    '',
    ' ',
    '{}',
    '[]',
    ' { } ',
    '{"a":1}',
    '{"a" : -0.5e+3 , "b":[true,false,null]}',
    '[1,2,3]',
    '[1,]',
    '{"a":1,}',
    '{"a":01}',
    '{"a":1.}',
    '{"a":1e}',
    '{"a":-}',
    '{"a":truex}',
    '{"a":tru}',
    '{"a":nul}',
    '{"a":"b\\"c"}',
    '{"a":"b\\u0041"}',
    '{"a":"tab\there"}',
    '{"a":"line\nbreak"}',
    '{"a":1}//c',
    '{"a":/*c*/1}',
    '{"a":1} x',
    '{"a":1}\u00a0',
    '\ufeff{"a":1}',
    '{"a":1,"a":2}',
    '{"":""}',
    '{"a b":" c "}',
    '{"a":"\u2028"}',
    '{"a":"\u0001"}',
    '[[[[[]]]]]',
    '{"a":{"b":{"c":{}}}}',
    '"just a string"',
    '42',
    'true',
    'null',
    '{"a":1e5,"b":1E-5,"c":-0}',
    '{"a"\t:\r\n1}',
  ];
  for (const text of cases) for (const maxDepth of [Infinity, 0, 1, 2, 3]) compare(text, maxDepth);
});

test('the same answers on 20,000 seeded mutations of corpus policies', () => {
  const random = prng(41);
  const small = texts.filter((t) => t.length < 3000);
  const inserts = ['"', '\\', '{', '}', '[', ']', ':', ',', ' ', '\t', '\n', '\r', '0', '7', '-', '.', 'e', 't', 'n', '/', '/*', '//', '\u00a0', '\u0001', '\\"', '\\u00e9', '\\n', ' x ', 'true', '1.5', '"k":1,'];
  let fast = 0;
  let slow = 0;
  for (let n = 0; n < 20_000; n++) {
    let text = small[Math.floor(random() * small.length)]!;
    const edits = 1 + Math.floor(random() * 2);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      if (r < 0.4) text = text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at);
      else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      else if (r < 0.85) text = text.slice(0, at);
      else text = text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at + 1);
    }
    if (compare(text, random() < 0.2 ? Math.floor(random() * 5) : Infinity)) fast++;
    else slow++;
  }
  // both paths are exercised: mutations that keep the JSON plain, and mutations that break it
  assert.ok(fast > 2000 && slow > 5000, `${fast} fast, ${slow} by the visitor`);
});
