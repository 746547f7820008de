// summarizeStatement / formatting: per-service Full / Limited access per level, NotAction, unknown actions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { describeServiceAccess, formatAccessSummaryLine, formatAccessSummaryMarkdown, summarizeStatement } from '../../../server/src/service/features/accessSummary';
import { AccessLevel } from '../../../server/src/service/knowledge/accessLevel';
import { testCatalog } from '../../support/catalog';

const catalog = testCatalog();

function statementOf(stmt: object) {
  const parsed = parseDocument(JSON.stringify({ Version: '2012-10-17', Statement: [stmt] }));
  return parsed.policies[0]!.statements[0]!;
}

const count = (prefix: string, bit: number): number => catalog.getService(prefix)!.actions.filter((a) => (a.accessLevel & bit) !== 0).length;

test('limited access: counts per level against the service totals', () => {
  const s = summarizeStatement(catalog, statementOf({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: '*' }));
  assert.equal(s.effect, 'Allow');
  assert.equal(s.actionCount, 3);
  assert.equal(s.services.length, 1);
  const s3 = s.services[0]!;
  assert.equal(s3.full, false);
  assert.deepEqual(
    s3.levels.map((l) => [l.level, l.granted, l.total]),
    [
      ['List', 1, count('s3', AccessLevel.List)],
      ['Read', 1, count('s3', AccessLevel.Read)],
      ['Write', 1, count('s3', AccessLevel.Write)],
    ],
  );
  assert.equal(describeServiceAccess(s3), `Limited: List (1 of ${count('s3', AccessLevel.List)}), Read (1 of ${count('s3', AccessLevel.Read)}), Write (1 of ${count('s3', AccessLevel.Write)})`);
});

test('full access and a full level', () => {
  const s = summarizeStatement(catalog, statementOf({ Effect: 'Allow', Action: ['sqs:*', 'iam:List*'], Resource: '*' }));
  assert.deepEqual(s.services.map((x) => x.prefix), ['iam', 'sqs']);
  assert.equal(describeServiceAccess(s.services[1]!), 'Full access');
  const iam = s.services[0]!;
  const listLevel = iam.levels.find((l) => l.level === 'List')!;
  // granted counts the List-level actions among those iam:List* matches
  const lists = catalog.expandActions('iam:List*').filter((a) => (a.accessLevel & AccessLevel.List) !== 0).length;
  assert.equal(listLevel.granted, lists);
});

test('NotAction covers everything except the listed actions', () => {
  const s = summarizeStatement(catalog, statementOf({ Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' }));
  assert.equal(s.negated, true);
  assert.equal(s.actionCount, catalog.actionCount - catalog.getService('iam')!.actions.length);
  assert.ok(!s.services.some((x) => x.prefix === 'iam'));
  assert.match(formatAccessSummaryMarkdown(s), /this statement denies \d+ actions in \d+ services \(NotAction: every action except the listed ones\)/);
  assert.match(formatAccessSummaryMarkdown(s), /\n- … and \d+ more services$/);
});

test('unknown actions are listed, and a statement without known actions says so', () => {
  const s = summarizeStatement(catalog, statementOf({ Effect: 'Allow', Action: ['s3:GetObjekt', 'nosuchsvc:Do'], Resource: '*' }));
  assert.equal(s.actionCount, 0);
  assert.deepEqual(s.unmatched, ['s3:GetObjekt', 'nosuchsvc:Do']);
  assert.equal(formatAccessSummaryMarkdown(s), 'This statement allows no known action.\n\nNot in the IAM data: `s3:GetObjekt`, `nosuchsvc:Do`.');
  assert.equal(formatAccessSummaryLine(s), 'Allow · no known actions');
});

test('one-line summary for CodeLens', () => {
  const s = summarizeStatement(catalog, statementOf({ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:*', 'sqs:SendMessage', 'sns:Publish'], Resource: '*' }));
  assert.equal(formatAccessSummaryLine(s), 'Allow · ec2: Full access · s3: Limited (Read) · sns: Limited (Write) · +1 more services');
});

test('memoised: the same action list gives the same object', () => {
  const a = summarizeStatement(catalog, statementOf({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }));
  const b = summarizeStatement(catalog, statementOf({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::x/*' }));
  assert.equal(a, b);
});
