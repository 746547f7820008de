// Two fixes that the editor's vetting refused on the AWS managed corpus, fixed at the source:
// - "Scope Resource" filled every template placeholder with `<Name>`, so `${ManagementAccountId}` in the account
//   segment and `${Vendor}` in the service segment made invalid ARNs (INVALID_ARN_ACCOUNT, INVALID_ARN_SERVICE_CASE);
// - MISSING_QUALIFIER renamed `StringEquals` to `ForAllValues:StringEquals` next to an existing block of that
//   name, writing a DUPLICATE_KEY; it now merges the entry into that block.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { createIamLanguageService, type IamLanguageService } from '../../../server/src/service';
import type { ServiceSettings } from '../../../server/src/service/rules/rule';
import { applyAction, docOf, testService } from '../../support/codeActions';
import { testCatalog } from '../../support/catalog';

function quickFixes(src: string, code: string, svc: IamLanguageService = testService(), settings?: ServiceSettings): { apply: (a: CodeAction) => string; actions: CodeAction[]; errors: (text: string) => string[] } {
  const doc = docOf(src);
  const parsed = svc.parse(doc);
  const d = svc.validate(doc, parsed, settings).find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic`);
  const actions = svc.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, settings);
  const errors = (text: string): string[] => {
    const after = docOf(text);
    return svc.findings(svc.parse(after), settings).filter((f) => f.severity === 'error').map((f) => f.code);
  };
  return { apply: (a) => applyAction(doc, a), actions, errors };
}

const policy = (statement: object): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);

test('scope Resource: a placeholder in the account segment becomes "*", never "<ManagementAccountId>"', () => {
  const src = policy({ Effect: 'Allow', Action: 'account:GetAlternateContact', Resource: '*' });
  const { actions, apply, errors } = quickFixes(src, 'RESOURCE_STAR');
  const scope = actions.find((a) => a.title.startsWith('Scope Resource "*" to'));
  assert.ok(scope, `the editor offers the scope fix: ${actions.map((a) => a.title).join(' | ')}`);
  const after = apply(scope);
  assert.ok(after.includes('"arn:aws:account::*:account/o-<OrganizationId>/<MemberAccountId>"'), after);
  assert.ok(after.includes('"arn:aws:account::*:account"'), after);
  assert.deepEqual(errors(after), []);
});

test('scope Resource: the configured account fills ${Account}, not someone else\'s ${ManagementAccountId}', () => {
  const src = policy({ Effect: 'Allow', Action: 'account:GetAlternateContact', Resource: '*' });
  const settings: ServiceSettings = { accountIds: ['111122223333'] };
  const { actions, apply, errors } = quickFixes(src, 'RESOURCE_STAR', testService(), settings);
  const after = apply(actions.find((a) => a.title.startsWith('Scope Resource "*" to'))!);
  assert.ok(after.includes('"arn:aws:account::111122223333:account"'), after);
  assert.ok(after.includes('"arn:aws:account::*:account/o-<OrganizationId>/<MemberAccountId>"'), after);
  assert.deepEqual(errors(after), []);
});

test('scope Resource: a placeholder in the service segment becomes "*" (AWS Backup recovery points)', () => {
  const src = policy({ Effect: 'Allow', Action: 'backup:StartRestoreJob', Resource: '*' });
  const { actions, apply, errors } = quickFixes(src, 'RESOURCE_STAR');
  const scope = actions.find((a) => a.title.startsWith('Scope Resource "*" to'));
  assert.ok(scope, `the editor offers the scope fix: ${actions.map((a) => a.title).join(' | ')}`);
  const after = apply(scope);
  assert.ok(after.includes('"Resource": "arn:aws:*:*:*:<ResourceType>:<RecoveryPointId>"'), after);
  assert.ok(!errors(after).some((c) => c.startsWith('INVALID_ARN')), errors(after).join(','));
});

test('scope Resource with snippet edits: tab stops only in the resource part, valid values elsewhere', () => {
  const svc = createIamLanguageService({ catalog: testCatalog(), rethrow: true, snippetEdits: true });
  const src = policy({ Effect: 'Allow', Action: 'account:GetAlternateContact', Resource: '*' });
  const { actions, apply } = quickFixes(src, 'RESOURCE_STAR', svc);
  const after = apply(actions.find((a) => a.title.startsWith('Scope Resource "*" to'))!);
  assert.match(after, /"arn:aws:account::\*:account\/o-\$\{1:OrganizationId\}\/\$\{2:MemberAccountId\}"/);
});

const TAG_KEYS = (existing: Record<string, unknown>): string =>
  policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { StringEquals: { 'aws:TagKeys': ['env', 'team'] }, ...existing } });

test('MISSING_QUALIFIER: the entry moves into an existing block of the qualified operator, no duplicate key', () => {
  const src = TAG_KEYS({ 'ForAllValues:StringEquals': { 'aws:RequestTag/env': ['dev'] } });
  const { actions, apply, errors } = quickFixes(src, 'MISSING_QUALIFIER');
  const fix = actions.find((a) => a.title === 'Use "ForAllValues:StringEquals" for the multivalued key "aws:TagKeys"');
  assert.ok(fix, `the merge is offered: ${actions.map((a) => a.title).join(' | ')}`);
  const after = apply(fix);
  assert.deepEqual(JSON.parse(after).Statement[0].Condition, { 'ForAllValues:StringEquals': { 'aws:RequestTag/env': ['dev'], 'aws:TagKeys': ['env', 'team'] } });
  assert.equal(
    after,
    policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:RequestTag/env': ['dev'], 'aws:TagKeys': ['env', 'team'] } } }),
    'laid out like the rest of the document',
  );
  assert.ok(!errors(after).includes('DUPLICATE_KEY'));
  // the other qualifier has no block yet: a plain rename
  const any = actions.find((a) => a.title === 'Use "ForAnyValue:StringEquals" for the multivalued key "aws:TagKeys"')!;
  assert.equal(apply(any), src.replace('"StringEquals"', '"ForAnyValue:StringEquals"'));
});

test('MISSING_QUALIFIER: the merge works from either side and on one line', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringLike": {"aws:RequestTag/env": "d*"}, "StringLike": {"aws:TagKeys": "env*"}}}]}';
  const { actions, apply } = quickFixes(src, 'MISSING_QUALIFIER');
  const fix = actions.find((a) => a.title === 'Use "ForAnyValue:StringLike" for the multivalued key "aws:TagKeys"')!;
  assert.ok(fix, actions.map((a) => a.title).join(' | '));
  assert.equal(apply(fix), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringLike": {"aws:RequestTag/env": "d*", "aws:TagKeys": "env*"}}}]}');
});

test('MISSING_QUALIFIER: no merge into a block that already tests the same key (that would change the AND)', () => {
  const src = TAG_KEYS({ 'ForAllValues:StringEquals': { 'aws:tagkeys': ['env'] } });
  const { actions } = quickFixes(src, 'MISSING_QUALIFIER');
  assert.ok(!actions.some((a) => a.title.startsWith('Use "ForAllValues:StringEquals"')), actions.map((a) => a.title).join(' | '));
  assert.ok(actions.some((a) => a.title.startsWith('Use "ForAnyValue:StringEquals"')));
});

test('FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY: dropping the qualifier merges into an existing plain block too', () => {
  const src = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-abcdefghij' }, StringEquals: { 'aws:PrincipalAccount': '111122223333' } } });
  const { actions, apply, errors } = quickFixes(src, 'FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY');
  const fix = actions.find((a) => a.title.startsWith('Use "StringEquals"'));
  assert.ok(fix, actions.map((a) => a.title).join(' | '));
  const after = apply(fix);
  assert.deepEqual(JSON.parse(after).Statement[0].Condition, { StringEquals: { 'aws:PrincipalAccount': '111122223333', 'aws:PrincipalOrgID': 'o-abcdefghij' } });
  assert.ok(!errors(after).includes('DUPLICATE_KEY'));
});
