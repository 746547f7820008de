// Fn::If gives one policy per branch over the same text: hover finds a statement that exists only in the
// false branch, and CodeLens shows one lens per statement, not one per variant.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testService } from '../../support/codeActions';

const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Conditions:',
  '  IsProd: !Equals [!Ref Env, prod]',
  'Resources:',
  '  AppPolicy:',
  '    Type: AWS::IAM::ManagedPolicy',
  '    Properties:',
  '      PolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Action: s3:ListBucket',
  '            Resource: arn:aws:s3:::shared-bucket',
  '          - !If',
  '            - IsProd',
  '            - Effect: Allow',
  '              Action: s3:GetObject',
  '              Resource: arn:aws:s3:::prod-bucket/*',
  '            - Effect: Allow',
  '              Action: sqs:SendMessage',
  '              Resource: arn:aws:sqs:us-east-1:111122223333:dev-queue',
  '',
].join('\n');

test('hover works on a statement of the false branch', () => {
  const svc = testService();
  const doc = TextDocument.create('file:///template.yaml', 'yaml', 1, TEMPLATE);
  const parsed = svc.parse(doc);
  assert.equal(parsed.policies.length, 2, 'one policy per Fn::If branch');
  const hover = svc.hover(doc, parsed, doc.positionAt(TEMPLATE.indexOf('sqs:SendMessage') + 5));
  assert.ok(hover, 'a hover on the false-branch action');
  assert.match(JSON.stringify(hover.contents), /SendMessage/);
});

test('CodeLens: one lens per statement position across the branch variants', () => {
  const svc = testService();
  const doc = TextDocument.create('file:///template.yaml', 'yaml', 1, TEMPLATE);
  const lenses = svc.codeLenses(doc, svc.parse(doc));
  const lines = lenses.map((l) => l.range.start.line);
  assert.equal(new Set(lines).size, lines.length, `duplicate lenses on lines ${lines.join(', ')}`);
  assert.equal(lenses.length, 3, 'the shared statement and the statement of each branch');
});
