// unconditionalDenies (evaluation/reachability.ts): only a Deny without Condition, on "*", whose Action/NotAction
// matches by the engine's rules, blocks an action everywhere; anything narrower never does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unconditionalDenies } from '../../../server/src/service/evaluation';
import { pol } from './helpers';

const denies = (statements: object[]) => unconditionalDenies(pol(statements).doc);

test('a Deny on "*" without Condition blocks the actions it matches (wildcards, case, NotAction)', () => {
  const d = denies([{ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoIam', Effect: 'Deny', Action: 'IAM:Create*', Resource: '*' }])!;
  assert.equal(d.blocking('iam:CreateAccessKey')?.sid?.value, 'NoIam');
  assert.equal(d.blocking('iam:DeleteUser'), undefined);
  const n = denies([{ Effect: 'Deny', NotAction: ['s3:*'], Resource: '*' }])!;
  assert.ok(n.blocking('iam:PassRole'));
  assert.equal(n.blocking('s3:GetObject'), undefined);
  assert.ok(denies([{ Effect: 'Deny', Action: 'sts:*', Resource: '*', Condition: {} }])!.blocking('sts:AssumeRole'));
});

test('conditions, named resources, NotResource and Principal never count as blocking everywhere', () => {
  assert.equal(denies([{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }]), undefined);
  assert.equal(denies([{ Effect: 'Deny', Action: '*', Resource: 'arn:aws:iam::*:user/*' }]), undefined);
  assert.equal(denies([{ Effect: 'Deny', Action: '*', NotResource: 'arn:aws:s3:::x' }]), undefined);
  assert.equal(denies([{ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: '*', Resource: '*' }]), undefined);
  assert.equal(denies([{ Effect: 'Allow', Action: '*', Resource: '*' }]), undefined);
});

test('in a resource policy, a Deny to "*" without Condition blocks everyone', () => {
  const d = unconditionalDenies(pol([{ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' }], 'resource').doc)!;
  assert.ok(d.blocking('sqs:SendMessage'));
  assert.ok(unconditionalDenies(pol([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: '*' }], 'resource').doc));
  assert.equal(unconditionalDenies(pol([{ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sqs:*', Resource: '*' }], 'resource').doc), undefined);
});
