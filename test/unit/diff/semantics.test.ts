// Targeted permission-diff cases, confirmed by the evaluation engine: conditions loosened or removed (SourceIp,
// ExternalId, PrincipalOrgID, MFA), NotResource and Deny with NotResource, lost access, SCP allow lists,
// principals in resource policies; and every reported witness re-checked against the engine here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testCatalog } from '../../support/catalog';
import { diffTexts } from '../../support/diff';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { engineEvaluator } from '../../../server/src/service/diff/engineEvaluator';
import type { PolicyType } from '../../../server/src/service/parser/policyModel';

const P = (...st: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: st });
const catalog = testCatalog();

/** The diff, with every gained and lost witness re-evaluated by the engine on both versions. */
function checked(oldText: string, newText: string, type?: PolicyType) {
  const r = diffTexts(catalog, oldText, newText, type);
  const evaluate = engineEvaluator(catalog);
  const doc = (t: string) => parseDocument(t, { forcePolicy: true, ...(type ? { policyType: type } : {}) }).policies[0];
  const [o, n] = [doc(oldText), doc(newText)];
  const t = type ?? n?.policyType ?? 'identity';
  for (const g of r.gained) assert.deepEqual([evaluate(o, t, g.witness) !== 'allowed', evaluate(n, t, g.witness)], [true, 'allowed'], JSON.stringify(g.witness));
  for (const l of r.lost) assert.deepEqual([evaluate(o, t, l.witness), evaluate(n, t, l.witness) !== 'allowed'], ['allowed', true], JSON.stringify(l.witness));
  return r;
}

test('SourceIp loosened: a CIDR added is gained, the condition is reported loosened', () => {
  const cond = (ips: string[]) => ({ IpAddress: { 'aws:SourceIp': ips } });
  const r = checked(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: cond(['203.0.113.0/24']) }), P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: cond(['203.0.113.0/24', '0.0.0.0/0']) }));
  assert.deepEqual(r.gained.map((g) => [g.action, g.kind]), [['s3:GetObject', 'condition-loosened']]);
  assert.deepEqual(r.conditionsRemoved.map((c) => [c.operator, c.key, c.change]), [['IpAddress', 'aws:SourceIp', 'loosened']]);
  assert.deepEqual(r.gained[0]!.conditions, { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } });
});

test('trust policy: ExternalId removed', () => {
  const st = (cond?: object) => ({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', ...(cond ? { Condition: cond } : {}) });
  const r = checked(P(st({ StringEquals: { 'sts:ExternalId': 'abc-123' } })), P(st()), 'trust');
  assert.deepEqual(r.gained.map((g) => g.action), ['sts:AssumeRole']);
  assert.deepEqual(r.conditionsRemoved.map((c) => [c.operator, c.key, c.change]), [['StringEquals', 'sts:ExternalId', 'removed']]);
  assert.match(r.gained[0]!.witness.principal ?? '', /^arn:aws:iam::444455556666:/);
});

test('bucket policy: PrincipalOrgID removed from a "*" grant', () => {
  const st = (cond?: object) => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...(cond ? { Condition: cond } : {}) });
  const r = checked(P(st({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } })), P(st()), 'resource');
  assert.deepEqual(r.conditionsRemoved.map((c) => c.key), ['aws:PrincipalOrgID']);
  assert.equal(r.gained[0]!.principal, '*');
});

test('NotResource: an exclusion removed is gained; a Deny with NotResource narrowed is lost', () => {
  const a = checked(P({ Effect: 'Allow', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::secret/*', 'arn:aws:s3:::hr/*'] }), P({ Effect: 'Allow', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::secret/*'] }));
  assert.equal(a.gained.length, 1);
  assert.match(a.gained[0]!.witness.resource, /^arn:aws:s3:::hr\//);
  const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  const b = checked(P(allow, { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::ok/*', 'arn:aws:s3:::also-ok/*'] }), P(allow, { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::ok/*'] }));
  assert.deepEqual(b.gained, []);
  assert.equal(b.lost.length, 1);
  assert.match(b.lost[0]!.witness.resource, /^arn:aws:s3:::also-ok\//);
});

test('removing an action is lost, never gained; MFA required again is lost', () => {
  const r = checked(P({ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:DeleteQueue'], Resource: '*' }), P({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }));
  assert.deepEqual([r.gained.length, r.lost.map((l) => l.action)], [0, ['sqs:DeleteQueue']]);
  const m = checked(P({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*' }), P({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
  assert.deepEqual([m.gained.length, m.lost.length, m.conditionsRemoved.length], [0, 1, 0]);
});

test('SCP allow list: a service added is newly let through', () => {
  const r = checked(P({ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }), P({ Effect: 'Allow', Action: ['s3:*', 'sqs:*'], Resource: '*' }), 'scp');
  assert.ok(r.gained.length > 10);
  assert.ok(r.gained.every((g) => g.action.startsWith('sqs:')));
});

test('a Deny guarded by MFA removed: gained, and its condition listed as a Deny that no longer applies', () => {
  const allow = { Effect: 'Allow', Action: 'iam:DeleteUser', Resource: '*' };
  const r = checked(P(allow, { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), P(allow));
  assert.deepEqual(r.gained.map((g) => [g.action, g.kind]), [['iam:DeleteUser', 'deny-removed']]);
  assert.deepEqual(r.conditionsRemoved.map((c) => [c.statement, c.key, c.effect]), [[1, 'aws:MultiFactorAuthPresent', 'Deny']]);
});

test('a wildcard widened: s3:Get* to s3:* gains the catalog actions, by access level', () => {
  const r = checked(P({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }), P({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
  const getCount = catalog.expandActions('s3:get*').length;
  assert.equal(r.gained.length, catalog.expandActions('s3:*').length - getCount);
  assert.ok(r.gained.some((g) => g.accessLevel.includes('Permissions management')));
  assert.equal(r.confirmation.mode, 'per-bucket');
});

test('RCP: a Deny removed lets requests through (RCPFullAWSAccess is implied); an unchanged RCP is no change', () => {
  const deny = (actions: string[]) => ({ Effect: 'Deny', Principal: '*', Action: actions, Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123def4' } } });
  const r = checked(P(deny(['s3:GetObject', 'sqs:SendMessage'])), P(deny(['s3:GetObject'])), 'rcp');
  assert.deepEqual(r.gained.map((g) => [g.action, g.kind]), [['sqs:SendMessage', 'deny-removed']]);
  assert.deepEqual(r.gained[0]!.statements.new, []);
  assert.equal(diffTexts(catalog, P(deny(['s3:GetObject'])), P(deny(['s3:GetObject'])), 'rcp').effectiveChange, false);
});
