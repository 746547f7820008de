// The tree built from jsonc-parser's visit events must be parseTree's tree node for node (the rules, hover
// and fixes rely on its ranges), on valid and broken JSON alike; the depth and the length without
// whitespace gathered on the way must be exact; and no nesting depth may crash the parse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildTree } from '../../../server/src/service/parser/treeBuilder';
import { parseJson } from '../../../server/src/service/parser/jsonTree';
import { createIamLanguageService } from '../../../server/src/service';
import { testCatalog } from '../../support/catalog';
import { corpusTexts } from '../../support/corpus';

const OPTIONS = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };
const corpus = corpusTexts();

/** Node-for-node comparison; returns the first difference as a path, or undefined. */
function difference(a: Node | undefined, b: Node | undefined, path = '$'): string | undefined {
  if (!a || !b) return a === b ? undefined : `${path}: one side missing`;
  for (const field of ['type', 'offset', 'length', 'value', 'colonOffset'] as const) {
    if (a[field] !== b[field]) return `${path}.${field}: ${String(a[field])} vs ${String(b[field])}`;
  }
  if ((a.parent?.offset ?? null) !== (b.parent?.offset ?? null)) return `${path}.parent`;
  const ca = a.children ?? [];
  const cb = b.children ?? [];
  if (ca.length !== cb.length) return `${path}.children: ${ca.length} vs ${cb.length}`;
  for (let i = 0; i < ca.length; i++) {
    const d = difference(ca[i], cb[i], `${path}[${i}]`);
    if (d) return d;
  }
  return undefined;
}

function compare(text: string): void {
  const expectedErrors: ParseError[] = [];
  const expected = parseTree(text, expectedErrors, OPTIONS);
  const errors: ParseError[] = [];
  const built = buildTree(text, errors, OPTIONS, Infinity);
  assert.equal(difference(built.root, expected), undefined, text.slice(0, 120));
  assert.deepEqual(errors, expectedErrors);
}

test('the same tree and errors as parseTree on every corpus policy', () => {
  assert.ok(corpus.length > 100);
  for (const text of corpus) compare(text);
});

test('the same tree and errors as parseTree on broken JSON: truncations, missing values, comments, trailing commas', () => {
  const broken = [
    '',
    '   ',
    '{',
    '[',
    '{"a"',
    '{"a":',
    '{"a":}',
    '{"a" 1}',
    '{"a":1,}',
    '[1,]',
    '[1 2]',
    '{"a":1 "b":2}',
    '{"a":[1,{"b":}]}',
    '// c\n{"a":1}',
    '{"a":/* c */1}',
    '{"a":"\\x"}',
    '{"a":"tab\there"}',
    '{"a":"unterminated',
    '{"a":1}}',
    '{"a":1} trailing',
    '{,}',
    '{"a"::1}',
    'nul',
    '-',
    '1e',
  ];
  for (const text of broken) compare(text);
  // every prefix of a real policy: each stops somewhere inside a token, value or structure
  const policy = corpus.find((t) => t.includes('Condition') && t.length < 3000)!;
  for (let end = 0; end <= policy.length; end += 7) compare(policy.slice(0, end));
});

test('length without whitespace: spaces inside strings count as whitespace, escaped ones do not', () => {
  const texts = [
    '{"Statement":[]}',
    ' { "a b" : [ "x  y" , "\\u0020z" , 1.5 , true , null , { } ] }\r\n',
    ...corpus,
  ];
  for (const text of texts) {
    const tree = parseJson(text);
    if (tree.syntaxErrors.length > 0) continue;
    assert.equal(tree.nonWhitespaceLength, text.replace(/[ \t\r\n]/g, '').length, text.slice(0, 120));
  }
  assert.equal(parseJson('{"a":1,}').nonWhitespaceLength, undefined, 'not given when there are syntax errors');
});

test('depth: counted exactly, and past the limit the inside is left unbuilt', () => {
  assert.equal(parseJson('1').depth, 0);
  assert.equal(parseJson('{"a":[{"b":[]}]}').depth, 4);
  assert.equal(parseJson('"[[[[{{{{"').depth, 0, 'brackets inside strings do not nest');
  const deep = '['.repeat(30) + ']'.repeat(30);
  const limited = parseJson(deep, 10);
  assert.equal(limited.depth, 11, 'counting stops one past the limit');
  let node = limited.root;
  let levels = 0;
  while (node) {
    levels++;
    node = node.children?.[0];
  }
  assert.equal(levels, 11);
  assert.equal(parseJson(deep).depth, 30);
});

test('no nesting depth crashes the parse: a million levels give one error and no tree', () => {
  const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
  const tree = parseJson(text);
  assert.equal(tree.root, undefined);
  assert.equal(tree.depth, Infinity);
  assert.match(tree.syntaxErrors[0]?.message ?? '', /nested too deeply/);
});

test('through the service: too deep is skipped with one finding, at any depth, in files and in CloudFormation strings', () => {
  const service = createIamLanguageService({ catalog: testCatalog(), rethrow: true });
  for (const levels of [101, 5_000, 900_000]) {
    const text = `{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","X":${'['.repeat(levels)}${']'.repeat(levels)}}]}`;
    const parsed = service.parse(TextDocument.create('file:///deep.json', 'json', 1, text));
    assert.match(parsed.skipped ?? '', /more than 100 levels deep/, `${levels} levels`);
    assert.deepEqual(service.findings(parsed).map((f) => f.code), ['ANALYSIS_SKIPPED']);
  }
  // a policy document written as a JSON string inside a CloudFormation JSON template is parsed on its own
  const body = `{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","X":${'['.repeat(900_000)}${']'.repeat(900_000)}}]}`;
  const template = JSON.stringify({ Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: body } } } });
  const parsed = service.parse(TextDocument.create('file:///template.json', 'json', 1, template));
  assert.doesNotThrow(() => service.findings(parsed));
});
