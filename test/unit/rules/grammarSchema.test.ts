// The ajv-backed grammar: one finding per real problem (no anyOf/oneOf noise), exact node ranges even for
// keys that need JSON-pointer escaping, quiet missing-element checks inside syntax errors, and a schema that
// accepts every shape IAM accepts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, type Finding } from '../../../server/src/service';
import { grammarRules } from '../../../server/src/service/rules/grammar';
import { grammarProblems } from '../../../server/src/service/rules/grammar/grammarProblems';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { testCatalog } from '../../support/catalog';

const service = createIamLanguageService({ catalog: testCatalog(), rules: grammarRules, rethrow: true });

function run(text: string, uri = 'file:///p.json'): { findings: Finding[]; text: string } {
  const parsed = service.parse(TextDocument.create(uri, 'json', 1, text));
  return { findings: service.findings(parsed), text };
}

const at = (r: { findings: Finding[]; text: string }, code: string): string[] =>
  r.findings.filter((f) => f.code === code).map((f) => r.text.slice(f.span.offset, f.span.offset + f.span.length));

test('a statement missing Effect, Action and Resource gives exactly three findings, one per element', () => {
  const r = run('{"Version":"2012-10-17","Statement":[{"Sid":"Empty"}]}');
  assert.deepEqual(r.findings.map((f) => f.code).sort(), ['MISSING_ACTION', 'MISSING_EFFECT', 'MISSING_RESOURCE']);
  for (const f of r.findings) assert.equal(r.text.slice(f.span.offset, f.span.offset + f.span.length), '"Sid"');
});

test('the Not forms satisfy Action and Resource; Statement may be a single object', () => {
  const r = run('{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"s3:GetObject","NotResource":"arn:aws:s3:::b/*"}}');
  assert.deepEqual(r.findings, []);
});

test('no ajv wording leaks into messages, and every problem is reported once', () => {
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'allow', Action: 5, Resource: ['*', {}], Principl: '*', Condition: { StringEquals: 'x' } },
      { Effect: 'Deny', Action: '*', NotAction: 's3:*', Resource: '*', NotResource: '*' },
    ],
  });
  const r = run(text);
  for (const f of r.findings) assert.doesNotMatch(f.message, /must match|anyOf|oneOf|must NOT|schema/i, f.message);
  const keys = r.findings.map((f) => `${f.code}@${f.span.offset}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(r.findings.map((f) => f.code).sort(), [
    'DATA_TYPE_MISMATCH', // Action: 5
    'DATA_TYPE_MISMATCH', // Resource item {}
    'DATA_TYPE_MISMATCH', // StringEquals: "x"
    'INVALID_EFFECT',
    'INVALID_POLICY_ELEMENT', // Principl
    'UNSUPPORTED_ELEMENT_COMBINATION',
    'UNSUPPORTED_ELEMENT_COMBINATION',
  ]);
});

test('condition keys with "/" and "~" are located exactly (JSON pointer unescaping)', () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/a~b":{"v":1}}}}]}';
  const r = run(text);
  assert.deepEqual(at(r, 'DATA_TYPE_MISMATCH'), ['{"v":1}']);
  assert.match(r.findings[0]!.message, /Condition key "aws:PrincipalTag\/a~b"/);
});

test('missing elements stay quiet when a syntax error may hide them, and report once it is fixed', () => {
  const broken = run('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action" "s3:GetObject","Resource":"*"}]}');
  assert.deepEqual(broken.findings, []);
  const fixed = run('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}');
  assert.deepEqual(fixed.findings.map((f) => f.code), ['MISSING_ACTION']);
});

test('a misspelled element gets a did-you-mean with the suggestion in data, and no duplicate "missing" finding', () => {
  const r = run('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*","NotAction":"iam:*"},{"Effect":"Allow","Resource":"*","ACTION":"s3:*"}]}');
  assert.deepEqual(r.findings.map((f) => f.code), ['INVALID_POLICY_ELEMENT']);
  assert.deepEqual(r.findings[0]!.data?.['suggestion'], 'Action');
});

test('findings on multi-line values stay on one line (the key), missing elements sit on the first key', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": {\n        "s3": "GetObject"\n      }\n    }\n  ]\n}';
  const r = run(text);
  assert.deepEqual(at(r, 'DATA_TYPE_MISMATCH'), ['"Action"']);
  assert.deepEqual(at(r, 'MISSING_RESOURCE'), ['"Effect"']);
});

test('grammar problems are computed once per policy and shared by the rules', () => {
  const doc = parseDocument('{"Statement":[{"Effect":"x"}]}');
  const policy = doc.policies[0]!;
  assert.equal(grammarProblems(policy), grammarProblems(policy));
});

test('template expressions (Terraform locals/vars) are not judged as wrong JSON types', () => {
  const tf = [
    'resource "aws_iam_policy" "p" {',
    '  policy = jsonencode({',
    '    Version   = "2012-10-17"',
    '    Statement = local.statements',
    '  })',
    '}',
    'resource "aws_iam_policy" "q" {',
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{ Effect = var.effect, Action = var.actions, Resource = "*", Condition = var.condition }]',
    '  })',
    '}',
  ].join('\n');
  const parsed = service.parse(TextDocument.create('file:///main.tf', 'terraform', 1, tf));
  assert.equal(parsed.policies.length, 2);
  assert.deepEqual(service.findings(parsed), []);
});
