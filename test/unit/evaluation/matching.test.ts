// Action, Resource and Principal matching (checklist items 17-25 of ../shared/research/wave2-anchors.md §2),
// and the linear wildcard matcher.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../server/src/service/evaluation';
import { actionMatches, resourceMatches } from '../../../server/src/service/evaluation/matchers';
import { RequestContext } from '../../../server/src/service/evaluation/context';
import { parseCaller } from '../../../server/src/service/evaluation/principal';
import { globMatch, tokenGlobMatch } from '../../../server/src/service/knowledge/glob';
import { ALLOW_ALL, USER, pol, req, verdictOf } from './helpers';

const ctx = (): RequestContext => new RequestContext({}, parseCaller(USER), undefined);
const res = (pattern: string, arn: string): boolean => resourceMatches(pattern, arn, true, ctx()).matched;

test('item 17: action names are case-insensitive, prefix and name (reference_policies_elements_action)', () => {
  assert.equal(actionMatches('IAM:listaccesskeys', 'iam:ListAccessKeys'), true);
  assert.equal(actionMatches('s3:Get*', 's3:GetObject'), true);
  assert.equal(actionMatches('s3:*Object', 's3:PutObject'), true);
  assert.equal(actionMatches('s3:?etObject', 's3:GetObject'), true);
  assert.equal(actionMatches('s3:Get*', 's3:PutObject'), false);
  assert.equal(actionMatches('*', 'ec2:RunInstances'), true);
});

test('item 18: Effect is case-sensitive: "allow" is ignored', () => {
  assert.equal(verdictOf({ identity: [pol([{ Effect: 'allow', Action: '*', Resource: '*' }])] }, req('s3:GetObject', '*')), 'implicitly-denied');
  assert.equal(verdictOf({ identity: [pol([ALLOW_ALL, { Effect: 'DENY', Action: '*', Resource: '*' }])] }, req('s3:GetObject', '*')), 'allowed');
});

test('item 19: NotAction + Allow grants the rest; NotAction + Deny denies the rest and still needs an Allow', () => {
  const notIam = pol([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
  assert.equal(verdictOf({ identity: [notIam] }, req('s3:GetObject', '*')), 'allowed');
  assert.equal(verdictOf({ identity: [notIam] }, req('iam:CreateUser', '*')), 'implicitly-denied');
  const denyRest = pol([{ Effect: 'Deny', NotAction: 's3:*', Resource: '*' }]);
  assert.equal(verdictOf({ identity: [denyRest] }, req('ec2:RunInstances', '*')), 'explicitly-denied');
  assert.equal(verdictOf({ identity: [denyRest] }, req('s3:GetObject', '*')), 'implicitly-denied');
  assert.equal(verdictOf({ identity: [denyRest, pol([ALLOW_ALL])] }, req('s3:GetObject', '*')), 'allowed');
  // NotResource
  const notRes = pol([{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' }]);
  assert.equal(verdictOf({ identity: [notRes] }, req('s3:GetObject', 'arn:aws:s3:::public/a')), 'allowed');
  assert.equal(verdictOf({ identity: [notRes] }, req('s3:GetObject', 'arn:aws:s3:::secret/a')), 'implicitly-denied');
});

test('item 20: resource wildcards within segments; * in the resource part spans "/" (reference_policies_elements_resource)', () => {
  assert.equal(res('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c.txt'), true);
  assert.equal(res('arn:aws:s3:::bucket/*/c.txt', 'arn:aws:s3:::bucket/a/b/c.txt'), true);
  assert.equal(res('arn:aws:ec2:*:111122223333:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1'), true);
  assert.equal(res('arn:aws:ec2:*:111122223333:instance/*', 'arn:aws:ec2:us-east-1:444455556666:instance/i-1'), false);
  assert.equal(res('arn:aws:ec2:us-east-?:*:instance/*', 'arn:aws:ec2:us-east-2:1:instance/i'), true);
  // a wildcard inside a segment does not reach into the next one in a six-segment pattern…
  assert.equal(res('arn:aws:ec2:us*:111122223333:instance/*', 'arn:aws:ec2:us-east-1:444455556666:instance/i'), false);
  // …but a pattern cut short by a trailing * spans the remaining segments (checks catalogue, Resource/ARN)
  assert.equal(res('arn:aws:ec2:us*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i'), true);
  assert.equal(res('*', 'arn:aws:s3:::x'), true);
  assert.equal(res('arn:aws:s3:*', 'arn:aws:s3:::bucket/key'), true);
  assert.equal(res('arn:aws:logs:us-east-1:*:log-group:app:*', 'arn:aws:logs:us-east-1:1:log-group:app:log-stream:s'), true);
  assert.equal(res('arn:aws:s3:::my.bucket/*', 'arn:aws:s3:::myXbucket/f'), false);
});

test('item 22: a resource pattern with fewer than six segments and no trailing * matches nothing (observed)', () => {
  assert.equal(res('arn:aws:s3', 'arn:aws:s3:::b'), false);
  assert.equal(res('bucket', 'bucket'), false);
});

test('item 23: actions with spaces or commas never match; as NotAction they exclude nothing (observed)', () => {
  assert.equal(verdictOf({ identity: [pol([{ Effect: 'Allow', Action: ' s3:GetObject', Resource: '*' }])] }, req('s3:GetObject', '*')), 'implicitly-denied');
  assert.equal(verdictOf({ identity: [pol([{ Effect: 'Allow', Action: 's3:GetObject,s3:PutObject', Resource: '*' }])] }, req('s3:GetObject', '*')), 'implicitly-denied');
  assert.equal(verdictOf({ identity: [pol([{ Effect: 'Allow', NotAction: 's3:GetObject ', Resource: '*' }])] }, req('s3:GetObject', '*')), 'allowed');
});

test('item 24: no partial wildcards in Principal; "*" alone matches everyone; user ARNs compare exactly', () => {
  const mk = (p: unknown) => pol([{ Effect: 'Allow', Principal: p, Action: 's3:GetObject', Resource: '*' }], 'resource');
  assert.equal(verdictOf({ resource: mk({ AWS: 'arn:aws:iam::111122223333:user/*' }) }, req('s3:GetObject', '*')), 'implicitly-denied');
  assert.equal(verdictOf({ resource: mk({ AWS: '*' }) }, req('s3:GetObject', '*')), 'allowed');
  assert.equal(verdictOf({ resource: mk({ AWS: USER }) }, req('s3:GetObject', '*')), 'allowed');
  assert.equal(verdictOf({ resource: mk({ AWS: 'arn:aws:iam::111122223333:user/Alice' }) }, req('s3:GetObject', '*')), 'implicitly-denied');
  // service principals
  assert.equal(verdictOf({ resource: mk({ Service: 'sns.amazonaws.com' }) }, req('s3:GetObject', '*', {}, 'sns.amazonaws.com')), 'allowed');
  assert.equal(verdictOf({ resource: mk({ Service: 'sns.amazonaws.com' }) }, req('s3:GetObject', '*', {}, 'sqs.amazonaws.com')), 'implicitly-denied');
  // federated identity providers (AssumeRoleWithWebIdentity trust)
  const trust = pol([{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }], 'resource');
  assert.equal(verdictOf({ resource: trust }, req('sts:AssumeRoleWithWebIdentity', 'arn:aws:iam::111122223333:role/web', {}, 'cognito-identity.amazonaws.com')), 'allowed');
});

test('NotPrincipal: applies to everyone it does not name', () => {
  const deny = pol([{ Effect: 'Deny', NotPrincipal: { AWS: USER }, Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }], 'resource');
  assert.equal(verdictOf({ resource: deny }, req('s3:GetObject', '*')), 'allowed');
  assert.equal(verdictOf({ resource: deny }, req('s3:GetObject', '*', {}, 'arn:aws:iam::111122223333:user/eve')), 'explicitly-denied');
});

test('item 25: resource ARNs match case-sensitively (observed, recorded as such)', () => {
  assert.equal(res('arn:aws:s3:::MyBucket/*', 'arn:aws:s3:::mybucket/f'), false);
  assert.equal(res('arn:aws:s3:::mybucket/*', 'arn:aws:s3:::mybucket/f'), true);
});

test('wildcards stay linear: "a*" ten times then "b" against 200 characters (counted work, not time)', () => {
  const pattern = `arn:aws:s3:::b/${'a*'.repeat(10)}b`;
  const text = `arn:aws:s3:::b/${'a'.repeat(200)}`;
  // an exponential matcher never returns here; ours answers, and correctly
  assert.equal(globMatch(pattern, text, false), false);
  assert.equal(globMatch(pattern, `${text}b`, false), true);
  assert.equal(res(pattern, text), false);
  assert.equal(res(pattern, `${text}b`), true);
  // the work is bounded by |pattern|·|text|: count steps through a wrapped text
  let reads = 0;
  const tokens = Array.from(`${'a*'.repeat(10)}b`, (c) => (c === '*' ? -1 : c.charCodeAt(0)));
  const t = 'a'.repeat(200);
  const wrapped = { length: t.length, charCodeAt: (i: number) => (reads++, t.charCodeAt(i)) } as unknown as string;
  assert.equal(tokenGlobMatch(tokens, wrapped), false);
  assert.ok(reads <= tokens.length * t.length, `${reads} character reads`);
});

test('decidedBy names the statement and policy that decided; ranges are 0-based lines in the policy text', () => {
  const p = pol([{ Sid: 'First', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }, { Sid: 'Second', Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'identity', undefined, 'two.json');
  const r = evaluate({ identity: [p] }, req('s3:GetObject', '*'));
  assert.deepEqual(r.decidedBy.map((d) => [d.policy, d.statement, d.sid, d.kind]), [['two.json', 1, 'Second', 'identity']]);
  const lines = p.text.split('\n');
  assert.match(lines[r.decidedBy[0]!.range.start.line]!, /^\s*\{$/);
  assert.match(lines[r.decidedBy[0]!.range.start.line + 1]!, /"Sid": "Second"/);
});

test('NotPrincipal names only the exact entity: an account or role ARN there does not cover the principals inside (notprincipal page)', () => {
  const bob = 'arn:aws:iam::444455556666:user/Bob';
  const deny = pol(
    [
      { Effect: 'Deny', NotPrincipal: { AWS: [bob, 'arn:aws:iam::444455556666:root'] }, Action: 's3:*', Resource: ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*'] },
      { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' },
    ],
    'resource',
  );
  const id = pol([ALLOW_ALL]);
  const more = { resourceAccount: '111122223333' };
  assert.equal(verdictOf({ identity: [id], resource: deny }, req('s3:GetObject', 'arn:aws:s3:::bucket/x', {}, bob, more)), 'allowed');
  assert.equal(verdictOf({ identity: [id], resource: deny }, req('s3:GetObject', 'arn:aws:s3:::bucket/x', {}, 'arn:aws:iam::444455556666:user/carol', more)), 'explicitly-denied');
  const session = 'arn:aws:sts::444455556666:assumed-role/ro/audit';
  const denyS = pol(
    [
      { Effect: 'Deny', NotPrincipal: { AWS: [session, 'arn:aws:iam::444455556666:role/ro', 'arn:aws:iam::444455556666:root'] }, Action: 's3:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:*', Resource: '*' },
    ],
    'resource',
  );
  assert.equal(verdictOf({ identity: [id], resource: denyS }, req('s3:GetObject', 'arn:aws:s3:::bucket/x', {}, session, more)), 'allowed');
  assert.equal(verdictOf({ identity: [id], resource: denyS }, req('s3:GetObject', 'arn:aws:s3:::bucket/x', {}, 'arn:aws:sts::444455556666:assumed-role/ro/other', more)), 'explicitly-denied');
});

test('NotPrincipal + Deny always denies a caller with a permissions boundary (access_policies_boundaries, Important box)', () => {
  const bob = 'arn:aws:iam::444455556666:user/Bob';
  const resource = pol(
    [
      { Effect: 'Deny', NotPrincipal: { AWS: [bob, 'arn:aws:iam::444455556666:root'] }, Action: 's3:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: ['444455556666'] }, Action: 's3:GetObject', Resource: '*' },
    ],
    'resource',
  );
  const s3 = pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
  const more = { resourceAccount: '111122223333' };
  assert.equal(verdictOf({ identity: [s3], resource }, req('s3:GetObject', 'arn:aws:s3:::b/x', {}, bob, more)), 'allowed');
  assert.equal(verdictOf({ identity: [s3], boundary: pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'boundary'), resource }, req('s3:GetObject', 'arn:aws:s3:::b/x', {}, bob, more)), 'explicitly-denied');
});
