// Adversarial documents are handled in bounded time by the whole service (every rule, hover, completion,
// code actions). The bound is generous for a shared, noisy machine (the 10,000-statement case is a 1.8 MB
// document, near the 2 MB analysis limit); `npm run bench` (section "adversarial") records real figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testService } from '../../support/codeActions';

const BOUND_MS = 5000;

function exercise(name: string, text: string): void {
  const svc = testService();
  const doc = TextDocument.create(`file:///${name}.json`, 'json', 1, text);
  const t0 = performance.now();
  const parsed = svc.parse(doc);
  const diagnostics = svc.validate(doc, parsed);
  const mid = doc.positionAt(Math.floor(text.length / 2));
  svc.hover(doc, parsed, mid);
  svc.complete(doc, parsed, mid);
  svc.codeActions(doc, parsed, { start: mid, end: mid }, { diagnostics: diagnostics.slice(0, 20) });
  const ms = performance.now() - t0;
  assert.ok(ms < BOUND_MS, `${name}: ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms), ${diagnostics.length} diagnostics`);
}

const policy = (statements: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

test('a wildcard built to trigger backtracking', () => {
  exercise('backtracking', policy([{ Effect: 'Allow', Action: [`s3:${'*a'.repeat(5000)}`, `${'*?'.repeat(3000)}:*`, `s3:${'a*'.repeat(4000)}b`], Resource: `arn:aws:s3:::${'*a'.repeat(3000)}` }]));
});

test('100,000-element action array', () => {
  const actions = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? 's3:GetObject' : i % 3 === 1 ? `ec2:Describe${i}` : 'sqs:*'));
  exercise('hugeActionArray', policy([{ Effect: 'Allow', Action: actions, Resource: '*' }]));
});

test('10,000 statements', () => {
  const statements = Array.from({ length: 10_000 }, (_, i) => ({ Sid: `S${i % 5000}`, Effect: 'Allow', Action: ['s3:GetObject', 'iam:PassRole'], Resource: `arn:aws:s3:::bucket-${i}/*` }));
  exercise('tenThousandStatements', policy(statements));
});

test('a condition with 10,000 keys', () => {
  const keys: Record<string, string> = {};
  for (let i = 0; i < 10_000; i++) keys[i % 2 ? `aws:PrincipalTag/team${i}` : `s3:unknownKey${i}`] = 'x';
  exercise('tenThousandConditionKeys', policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: keys } }]));
});
