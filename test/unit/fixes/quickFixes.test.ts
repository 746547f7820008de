// Quick fixes through the real validator: take the diagnostic the rules produce, apply the fix, compare
// the whole resulting text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyAction, docOf, testService } from '../../support/codeActions';
import { createIamLanguageService } from '../../../server/src/service';
import { testCatalog } from '../../support/catalog';
import { relatedFindingsOf } from '../../../server/src/service/features/toDiagnostic';

function fixesFor(text: string, code: string): { doc: TextDocument; actions: CodeAction[] } {
  const svc = testService();
  const doc = docOf(text);
  const parsed = svc.parse(doc);
  // a finding folded into another on the same token (rules/combineFindings.ts) still offers its fixes there
  const diagnostics = svc.validate(doc, parsed).filter((d) => d.code === code || relatedFindingsOf(d).some((r) => r.code === code));
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  const d = diagnostics[0]!;
  return { doc, actions: svc.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }) };
}

function only(actions: CodeAction[], title: string): CodeAction {
  const a = actions.find((x) => x.title === title);
  assert.ok(a, `no action "${title}" among: ${actions.map((x) => x.title).join(' | ')}`);
  return a;
}

test('MISSING_VERSION: adds Version as the first property', () => {
  const { doc, actions } = fixesFor('{\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" }\n  ]\n}', 'MISSING_VERSION');
  assert.equal(
    applyAction(doc, only(actions, 'Add "Version": "2012-10-17"')),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" }\n  ]\n}',
  );
});

test('OLD_VERSION: updates the value', () => {
  const { doc, actions } = fixesFor('{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}]}', 'OLD_VERSION');
  assert.equal(applyAction(doc, only(actions, 'Change Version to "2012-10-17"')), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}]}');
});

test('DUPLICATE_SID: renames the later Sid', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"}, {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}';
  const { doc, actions } = fixesFor(src, 'DUPLICATE_SID');
  assert.equal(applyAction(doc, only(actions, 'Rename Sid to "Read2"')), src.replace('{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject"', '{"Sid": "Read2", "Effect": "Allow", "Action": "s3:GetObject"'));
});

test('add MFA condition refactoring merges into an existing Condition block', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:CreateUser",\n      "Resource": "*",\n      "Condition": {\n        "Bool": { "aws:SecureTransport": "true" }\n      }\n    }\n  ]\n}';
  const svc = testService();
  const doc = docOf(src);
  const pos = doc.positionAt(src.indexOf('"Effect"') + 2);
  const actions = svc.codeActions(doc, svc.parse(doc), { start: pos, end: pos }, { diagnostics: [], only: ['refactor'] });
  const mfa = only(actions, 'Add condition: Require MFA (aws:MultiFactorAuthPresent)');
  assert.equal(
    applyAction(doc, mfa),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:CreateUser",\n      "Resource": "*",\n      "Condition": {\n        "Bool": { "aws:SecureTransport": "true", "aws:MultiFactorAuthPresent": "true" }\n      }\n    }\n  ]\n}',
  );
  const ip = only(actions, 'Add condition: Restrict to a source IP range (aws:SourceIp)');
  assert.deepEqual(JSON.parse(applyAction(doc, ip)).Statement[0].Condition.IpAddress, { 'aws:SourceIp': ['203.0.113.0/24'] });
});

test('conditions are never offered on a Deny statement', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}';
  const svc = testService();
  const doc = docOf(src);
  const pos = doc.positionAt(src.indexOf('"Effect"') + 2);
  const actions = svc.codeActions(doc, svc.parse(doc), { start: pos, end: pos }, { diagnostics: [], only: ['refactor'] });
  assert.ok(!actions.some((a) => a.title.startsWith('Add condition')), actions.map((a) => a.title).join(' | '));
});

test('trust policy: ExternalId for an account principal, snippet tab stops when the client supports them', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}';
  const svc = createIamLanguageService({ catalog: testCatalog(), snippetEdits: true });
  const doc = docOf(src, 'file:///role-trust.json');
  const pos = doc.positionAt(src.indexOf('"Effect"') + 2);
  const actions = svc.codeActions(doc, svc.parse(doc), { start: pos, end: pos }, { diagnostics: [], only: ['refactor'] });
  const ext = only(actions, 'Add condition: Require an external ID (sts:ExternalId)');
  const change = ext.edit!.documentChanges![0] as { edits: Array<{ snippet?: { value: string } }> };
  assert.equal(change.edits[0]!.snippet!.value, ', "Condition": { "StringEquals": { "sts:ExternalId": "${1:REPLACE-WITH-EXTERNAL-ID}" } }');
});

test('fix-all applies only safe fixes, in one pass, and fixText converges', () => {
  const src = '{\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"},\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}';
  const svc = testService();
  const doc = docOf(src);
  const fixed = svc.fixText(doc);
  assert.equal(fixed.text, '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"},\n    {"Sid": "A2", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}');
  assert.equal(fixed.applied, 2);
  const action = svc.codeActions(doc, svc.parse(doc), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] });
  assert.equal(action.length, 1);
  assert.equal(action[0]!.kind, 'source.fixAll.iam');
  assert.equal(applyAction(doc, action[0]!), fixed.text);
});

function refactoringsAt(src: string, needle: string, uri?: string): { doc: TextDocument; actions: CodeAction[] } {
  const svc = testService();
  const doc = docOf(src, uri);
  const pos = doc.positionAt(src.indexOf(needle) + 1);
  return { doc, actions: svc.codeActions(doc, svc.parse(doc), { start: pos, end: pos }, { diagnostics: [], only: ['refactor'] }) };
}

test('scope Resource "*" to the ARN templates of the actions', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],\n      "Resource": "*"\n    }\n  ]\n}';
  const { doc, actions } = refactoringsAt(src, '"*"');
  const scope = only(actions, 'Scope Resource "*" to 1 ARN of the statement\'s resource types');
  assert.equal(applyAction(doc, scope), src.replace('"Resource": "*"', '"Resource": "arn:aws:sqs:*:*:<QueueName>"'));
});

test('scope Resource "*": actions that only support "*" move to their own statement', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Queues",\n      "Effect": "Allow",\n      "Action": ["sqs:SendMessage", "sqs:ListQueues"],\n      "Resource": "*"\n    }\n  ]\n}';
  const { doc, actions } = refactoringsAt(src, '"*"');
  const scope = actions.find((a) => a.title.startsWith('Scope Resource'))!;
  assert.ok(scope, actions.map((a) => a.title).join(' | '));
  assert.equal(
    applyAction(doc, scope),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Queues",\n      "Effect": "Allow",\n      "Action": ["sqs:SendMessage"],\n      "Resource": "arn:aws:sqs:*:*:<QueueName>"\n    },\n    {\n      "Sid": "QueuesAllResources",\n      "Effect": "Allow",\n      "Action": ["sqs:ListQueues"],\n      "Resource": "*"\n    }\n  ]\n}',
  );
});

test('PASS_ROLE_WITH_STAR_IN_RESOURCE: PassRole moves to its own statement with iam:PassedToService', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["ec2:RunInstances", "iam:PassRole"],\n      "Resource": "*"\n    }\n  ]\n}';
  const { doc, actions } = fixesFor(src, 'PASS_ROLE_WITH_STAR_IN_RESOURCE');
  const fix = only(actions, 'Allow iam:PassRole only to one service (iam:PassedToService), in its own statement');
  assert.equal(
    applyAction(doc, fix),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["ec2:RunInstances"],\n      "Resource": "*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": ["iam:PassRole"],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "iam:PassedToService": "ec2.amazonaws.com"\n        }\n      }\n    }\n  ]\n}',
  );
});

test('SENSITIVE_ACTION_WITHOUT_CONDITION: a Deny-without-MFA statement is appended in the array layout', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:CreateUser",\n      "Resource": "arn:aws:iam::111122223333:user/*"\n    }\n  ]\n}';
  const { doc, actions } = fixesFor(src, 'SENSITIVE_ACTION_WITHOUT_CONDITION');
  const deny = only(actions, 'Add a statement denying "iam:CreateUser" without MFA');
  assert.equal(
    applyAction(doc, deny),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:CreateUser",\n      "Resource": "arn:aws:iam::111122223333:user/*"\n    },\n    {\n      "Sid": "DenySensitiveActionsWithoutMFA",\n      "Effect": "Deny",\n      "Action": "iam:CreateUser",\n      "Resource": "*",\n      "Condition": {\n        "BoolIfExists": {\n          "aws:MultiFactorAuthPresent": "false"\n        }\n      }\n    }\n  ]\n}',
  );
  assert.ok(actions.some((a) => a.title === 'Add condition: Require MFA (aws:MultiFactorAuthPresent)'));
});

test('MISSING_QUALIFIER: offers ForAnyValue and ForAllValues for a multivalued key', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"StringEquals": {"aws:TagKeys": ["env"]}}}]}';
  const { doc, actions } = fixesFor(src, 'MISSING_QUALIFIER');
  assert.equal(applyAction(doc, only(actions, 'Use "ForAnyValue:StringEquals" for the multivalued key "aws:TagKeys"')), src.replace('"StringEquals"', '"ForAnyValue:StringEquals"'));
  assert.equal(applyAction(doc, only(actions, 'Use "ForAllValues:StringEquals" for the multivalued key "aws:TagKeys"')), src.replace('"StringEquals"', '"ForAllValues:StringEquals"'));
});

test('FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY: drops the qualifier in an Allow, not in a Deny', () => {
  const allow = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}}}]}';
  const { doc, actions } = fixesFor(allow, 'FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY');
  const fix = actions.find((a) => a.title.startsWith('Use "StringEquals"'))!;
  assert.ok(fix, actions.map((a) => a.title).join(' | '));
  assert.equal(applyAction(doc, fix), allow.replace('"ForAllValues:StringEquals"', '"StringEquals"'));
  const deny = allow.replace('"Allow"', '"Deny"');
  const svc = testService();
  const ddoc = docOf(deny);
  const parsed = svc.parse(ddoc);
  const d = svc.validate(ddoc, parsed).find((x) => x.code === 'FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY');
  if (d) assert.ok(!svc.codeActions(ddoc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }).some((a) => a.title.startsWith('Use "StringEquals"')));
});

test('in a CloudFormation YAML template, only scalar swaps are offered (no structural JSON edits)', () => {
  const yaml = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  AppPolicy:',
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Action:',
    '              - s3:GetObjekt',
    '              - iam:CreateUser',
    '            Resource: "*"',
    '',
  ].join('\n');
  const svc = testService();
  const doc = TextDocument.create('file:///template.yaml', 'yaml', 1, yaml);
  const parsed = svc.parse(doc);
  assert.ok(parsed.isPolicy && parsed.policies.length === 1, 'the template holds one policy');
  const diagnostics = svc.validate(doc, parsed);
  const all = diagnostics.flatMap((d) => svc.codeActions(doc, parsed, d.range, { diagnostics: [d] }));
  const typo = all.find((a) => a.title === 'Change to "s3:GetObject"');
  assert.ok(typo, all.map((a) => a.title).join(' | '));
  assert.equal(applyAction(doc, typo), yaml.replace('- s3:GetObjekt', '- "s3:GetObject"'));
  for (const a of all) {
    // besides string swaps, only the suppression comment lines ("Disable RULE for this line / file") and the
    // resource's Metadata block lines ("Disable RULE for this resource (Metadata)", test/unit/suppress/metadataDisable.test.ts)
    for (const e of a.edit?.changes?.[doc.uri] ?? []) assert.match(e.newText, /^"[^"\n]*"$|^[ \t]*# iam-policy-ignore(-file)? [A-Z_]+: reason\n$|^(?:[ \t]*(?:Metadata|iam-policy|ignore_checks):\n)*[ \t]*- [A-Z_]+\n$/, `"${a.title}" inserts structure into YAML: ${e.newText}`);
  }
  const pos = doc.positionAt(yaml.indexOf('Effect'));
  const refactors = svc.codeActions(doc, parsed, { start: pos, end: pos }, { diagnostics: [], only: ['refactor'] });
  assert.ok(!refactors.some((a) => a.title.startsWith('Add condition')), refactors.map((a) => a.title).join(' | '));
});
