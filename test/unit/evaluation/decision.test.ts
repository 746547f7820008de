// The decision flow (evaluation/evaluate.ts): checklist items 1-16 of ../shared/research/wave2-anchors.md §2,
// each with the AWS page that states it, both outcomes where possible.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../server/src/service/evaluation';
import { testCatalog } from '../../support/catalog';
import { ALLOW_ALL, OTHER_USER, ROLE, SESSION, USER, pol, req, verdictOf } from './helpers';

const GET = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const OBJ = 'arn:aws:s3:::b/k';

test('item 1: implicit deny by default, explicit Allow allows, explicit Deny overrides every Allow (policy-eval-denyallow)', () => {
  assert.equal(verdictOf({}, req('s3:GetObject', OBJ)), 'implicitly-denied');
  assert.equal(verdictOf({ identity: [pol([GET])] }, req('s3:GetObject', OBJ)), 'allowed');
  const r = evaluate({ identity: [pol([GET]), pol([{ Sid: 'No', Effect: 'Deny', Action: 's3:*', Resource: '*' }], 'identity', undefined, 'deny.json')] }, req('s3:GetObject', OBJ));
  assert.equal(r.verdict, 'explicitly-denied');
  assert.deepEqual(r.decidedBy.map((d) => [d.policy, d.statement, d.sid]), [['deny.json', 0, 'No']]);
  assert.equal(r.decidedBy[0]!.range.start.line, 3);
});

test('item 1: the root user has full access to its own account, without identity policies', () => {
  assert.equal(verdictOf({}, req('s3:GetObject', OBJ, {}, 'arn:aws:iam::111122223333:root')), 'allowed');
  assert.equal(verdictOf({}, req('s3:GetObject', OBJ, {}, '111122223333')), 'allowed');
  // an explicit deny in a resource policy still applies to the root user
  const deny = pol([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }], 'resource');
  assert.equal(verdictOf({ resource: deny }, req('s3:GetObject', OBJ, {}, 'arn:aws:iam::111122223333:root')), 'explicitly-denied');
});

test('items 2-4: every SCP level needs an Allow; omitted SCPs = FullAWSAccess; an empty level denies all (orgs_manage_policies_scps_evaluation)', () => {
  const id = pol([ALLOW_ALL]);
  const allowAll = pol([ALLOW_ALL], 'scp');
  const allowS3 = pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'scp');
  assert.equal(verdictOf({ identity: [id] }, req('s3:GetObject', OBJ)), 'allowed');
  assert.equal(verdictOf({ identity: [id], scp: [[allowAll], [allowS3], [allowAll]] }, req('s3:GetObject', OBJ)), 'allowed');
  const r = evaluate({ identity: [id], scp: [[allowAll], [allowS3], [allowAll]] }, req('ec2:RunInstances', '*'));
  assert.equal(r.verdict, 'implicitly-denied');
  assert.deepEqual(r.blockedBy, { kind: 'scp', level: 1 });
  // the implicit deny of an SCP is a deny even though the identity policy allows
  assert.equal(verdictOf({ identity: [id], scp: [[allowAll], []] }, req('s3:GetObject', OBJ)), 'implicitly-denied');
  // an SCP never grants by itself
  assert.equal(verdictOf({ scp: [[allowAll]] }, req('s3:GetObject', OBJ)), 'implicitly-denied');
});

test('item 5: RCPs only deny (RCPFullAWSAccess implied at every level) (orgs_manage_policies_rcps_evaluation)', () => {
  const id = pol([ALLOW_ALL]);
  const narrowRcp = pol([{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' }], 'rcp');
  assert.equal(verdictOf({ identity: [id], rcp: [[narrowRcp]] }, req('s3:GetObject', OBJ)), 'allowed');
  const denyRcp = pol([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } }], 'rcp');
  assert.equal(verdictOf({ identity: [id], rcp: [[], [denyRcp]] }, req('s3:GetObject', OBJ, { 'aws:PrincipalOrgID': 'o-zzz' })), 'explicitly-denied');
  assert.equal(verdictOf({ identity: [id], rcp: [[], [denyRcp]] }, req('s3:GetObject', OBJ, { 'aws:PrincipalOrgID': 'o-abc' })), 'allowed');
});

test('items 6-8: RCPs skip the management account\'s resources and kms:RetireGrant; SCPs skip the management account and service-linked roles', () => {
  const id = pol([ALLOW_ALL]);
  const denyRcp = pol([{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }], 'rcp');
  assert.equal(verdictOf({ identity: [id], rcp: [[denyRcp]] }, req('s3:GetObject', OBJ)), 'explicitly-denied');
  assert.equal(verdictOf({ identity: [id], rcp: [[denyRcp]] }, req('s3:GetObject', OBJ, {}, USER, { managementAccount: '111122223333' })), 'allowed');
  assert.equal(verdictOf({ identity: [id], rcp: [[denyRcp]], resource: pol([{ Effect: 'Allow', Principal: { AWS: USER }, Action: 'kms:*', Resource: '*' }], 'resource') }, req('kms:RetireGrant', 'arn:aws:kms:us-east-1:111122223333:key/k1')), 'allowed');
  const denyScp = pol([ALLOW_ALL, { Effect: 'Deny', Action: 's3:*', Resource: '*' }], 'scp');
  assert.equal(verdictOf({ identity: [id], scp: [[denyScp]] }, req('s3:GetObject', OBJ)), 'explicitly-denied');
  assert.equal(verdictOf({ identity: [id], scp: [[denyScp]] }, req('s3:GetObject', OBJ, {}, USER, { managementAccount: '111122223333' })), 'allowed');
  const slr = 'arn:aws:iam::111122223333:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing';
  assert.equal(verdictOf({ identity: [id], scp: [[denyScp]] }, req('s3:GetObject', OBJ, {}, slr)), 'allowed');
  // the root user of a member account IS limited by SCPs
  assert.equal(verdictOf({ scp: [[denyScp]] }, req('s3:GetObject', OBJ, {}, 'arn:aws:iam::111122223333:root')), 'explicitly-denied');
});

test('item 6: RCPs only affect RCP-supported services (catalog list)', () => {
  const catalog = testCatalog();
  assert.ok(catalog.rcpServices.has('s3'));
  assert.ok(!catalog.rcpServices.has('ec2'), 'ec2 is not an RCP service in iam-data');
  const id = pol([ALLOW_ALL]);
  const denyRcp = pol([{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }], 'rcp');
  assert.equal(evaluate({ identity: [id], rcp: [[denyRcp]] }, req('ec2:RunInstances', '*'), { catalog }).verdict, 'allowed');
  assert.equal(evaluate({ identity: [id], rcp: [[denyRcp]] }, req('s3:GetObject', OBJ), { catalog }).verdict, 'explicitly-denied');
});

test('item 9: the permissions boundary intersects identity grants (access_policies_boundaries)', () => {
  const id = pol([ALLOW_ALL]);
  const boundary = pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'boundary');
  assert.equal(verdictOf({ identity: [id], boundary }, req('s3:GetObject', OBJ)), 'allowed');
  const r = evaluate({ identity: [id], boundary }, req('iam:CreateUser', '*'));
  assert.equal(r.verdict, 'implicitly-denied');
  assert.deepEqual(r.blockedBy, { kind: 'boundary' });
  // a boundary never grants
  assert.equal(verdictOf({ boundary }, req('s3:GetObject', OBJ)), 'implicitly-denied');
});

test('item 10: session policies: a role session without one is allowed; a federated user without one has nothing; with one, it must allow', () => {
  const id = pol([ALLOW_ALL]);
  const session = pol([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }], 'session');
  assert.equal(verdictOf({ identity: [id] }, req('s3:PutObject', OBJ, {}, SESSION)), 'allowed');
  assert.equal(verdictOf({ identity: [id], session }, req('s3:GetObject', OBJ, {}, SESSION)), 'allowed');
  const r = evaluate({ identity: [id], session }, req('s3:PutObject', OBJ, {}, SESSION));
  assert.equal(r.verdict, 'implicitly-denied');
  assert.deepEqual(r.blockedBy, { kind: 'session' });
  const fed = 'arn:aws:sts::111122223333:federated-user/carol';
  assert.equal(verdictOf({ identity: [id] }, req('s3:GetObject', OBJ, {}, fed)), 'implicitly-denied');
  assert.equal(verdictOf({ identity: [id], session }, req('s3:GetObject', OBJ, {}, fed)), 'allowed');
});

test('item 11: same-account resource-policy grants by principal type vs boundary and session policy', () => {
  const boundary = pol([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], 'boundary');
  const session = pol([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], 'session');
  const grantTo = (aws: string) => pol([{ Effect: 'Allow', Principal: { AWS: aws }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }], 'resource');
  // to the IAM user: not limited by an implicit deny in the boundary
  assert.equal(verdictOf({ boundary, resource: grantTo(USER) }, req('s3:GetObject', OBJ)), 'allowed');
  // to the role session ARN: not limited by boundary or session policy
  assert.equal(verdictOf({ boundary, session, resource: grantTo(SESSION) }, req('s3:GetObject', OBJ, {}, SESSION)), 'allowed');
  // to the role ARN: limited by the boundary, and by the session policy
  assert.equal(verdictOf({ boundary, resource: grantTo(ROLE) }, req('s3:GetObject', OBJ, {}, SESSION)), 'implicitly-denied');
  assert.equal(verdictOf({ session, resource: grantTo(ROLE) }, req('s3:GetObject', OBJ, {}, SESSION)), 'implicitly-denied');
  // …and with neither, the role-level grant needs no identity policy
  assert.equal(verdictOf({ resource: grantTo(ROLE) }, req('s3:GetObject', OBJ, {}, SESSION)), 'allowed');
  const s3Boundary = pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'boundary');
  assert.equal(verdictOf({ boundary: s3Boundary, resource: grantTo(ROLE) }, req('s3:GetObject', OBJ, {}, SESSION)), 'allowed');
  // an explicit deny in the boundary still wins over a direct grant
  const denyBoundary = pol([ALLOW_ALL, { Effect: 'Deny', Action: 's3:*', Resource: '*' }], 'boundary');
  assert.equal(verdictOf({ boundary: denyBoundary, resource: grantTo(USER) }, req('s3:GetObject', OBJ)), 'explicitly-denied');
});

test('item 12: role trust policies and KMS key policies must allow explicitly, even in the same account', () => {
  const id = pol([ALLOW_ALL]);
  const roleArn = 'arn:aws:iam::111122223333:role/target';
  const r = evaluate({ identity: [id] }, req('sts:AssumeRole', roleArn));
  assert.equal(r.verdict, 'implicitly-denied');
  assert.deepEqual(r.blockedBy, { kind: 'trust' });
  const trustAccount = pol([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }], 'resource');
  assert.equal(verdictOf({ identity: [id], resource: trustAccount }, req('sts:AssumeRole', roleArn)), 'allowed');
  // account delegation: the identity policy must allow too
  assert.equal(verdictOf({ resource: trustAccount }, req('sts:AssumeRole', roleArn)), 'implicitly-denied');
  // a trust policy naming the user directly needs no identity grant in the same account
  const trustUser = pol([{ Effect: 'Allow', Principal: { AWS: USER }, Action: 'sts:AssumeRole' }], 'resource');
  assert.equal(verdictOf({ resource: trustUser }, req('sts:AssumeRole', roleArn)), 'allowed');
  const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd';
  assert.equal(verdictOf({ identity: [id] }, req('kms:Decrypt', key)), 'implicitly-denied');
  const keyPolicy = pol([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:*', Resource: '*' }], 'resource');
  assert.equal(verdictOf({ identity: [id], resource: keyPolicy }, req('kms:Decrypt', key)), 'allowed');
  // the root user too needs the key policy
  assert.equal(verdictOf({}, req('kms:Decrypt', key, {}, 'arn:aws:iam::111122223333:root')), 'implicitly-denied');
});

test('item 13: an account principal delegates to the account (identity must allow); it does not mean "only root"', () => {
  const grantAccount = pol([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' }], 'resource');
  assert.equal(verdictOf({ resource: grantAccount }, req('s3:GetObject', OBJ)), 'implicitly-denied');
  assert.equal(verdictOf({ resource: grantAccount, identity: [pol([GET])] }, req('s3:GetObject', OBJ)), 'allowed');
  // cross-account: the account grant plus the caller's identity policy
  const grantOther = pol([{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:GetObject', Resource: '*' }], 'resource');
  assert.equal(verdictOf({ resource: grantOther, identity: [pol([GET])] }, req('s3:GetObject', OBJ, {}, OTHER_USER, { resourceAccount: '111122223333' })), 'allowed');
});

test('item 14: Principal "*" includes anonymous callers; same account needs nothing else; cross-account needs an identity Allow', () => {
  const pub = pol([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }], 'resource');
  assert.equal(verdictOf({ resource: pub }, req('s3:GetObject', OBJ, {}, 'anonymous')), 'allowed');
  assert.equal(verdictOf({ resource: pub }, req('s3:GetObject', OBJ, {}, '*')), 'allowed');
  assert.equal(verdictOf({ resource: pub }, req('s3:GetObject', OBJ)), 'allowed');
  assert.equal(verdictOf({ resource: pub }, req('s3:GetObject', OBJ, {}, OTHER_USER, { resourceAccount: '111122223333' })), 'implicitly-denied');
  assert.equal(verdictOf({ resource: pub, identity: [pol([GET])] }, req('s3:GetObject', OBJ, {}, OTHER_USER, { resourceAccount: '111122223333' })), 'allowed');
  // anonymous callers get nothing from identity policies or without a resource policy
  assert.equal(verdictOf({ identity: [pol([ALLOW_ALL])] }, req('s3:GetObject', OBJ, {}, 'anonymous')), 'implicitly-denied');
});

test('item 15: Principal "*" with aws:PrincipalArn is not limited by boundaries or session policies', () => {
  const grant = pol([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE } } }], 'resource');
  const boundary = pol([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], 'boundary');
  assert.equal(verdictOf({ boundary, resource: grant }, req('s3:GetObject', OBJ, {}, SESSION)), 'allowed');
  // the engine derives aws:PrincipalArn of a role session as the role ARN; another role does not match
  assert.equal(verdictOf({ boundary, resource: grant }, req('s3:GetObject', OBJ, {}, 'arn:aws:sts::111122223333:assumed-role/other/s')), 'implicitly-denied');
});

test('item 16: cross-account requests need both sides; names the keys of either side', () => {
  const res = pol([{ Effect: 'Allow', Principal: { AWS: OTHER_USER }, Action: 's3:GetObject', Resource: '*' }], 'resource');
  const r1 = evaluate({ resource: res }, req('s3:GetObject', OBJ, {}, OTHER_USER, { resourceAccount: '111122223333' }));
  assert.equal(r1.verdict, 'implicitly-denied');
  assert.deepEqual(r1.blockedBy, { kind: 'identity' });
  const r2 = evaluate({ identity: [pol([GET])] }, req('s3:GetObject', 'arn:aws:sqs:us-east-1:111122223333:q', {}, OTHER_USER));
  assert.equal(r2.verdict, 'implicitly-denied');
  assert.equal(verdictOf({ identity: [pol([GET])], resource: res }, req('s3:GetObject', OBJ, {}, OTHER_USER, { resourceAccount: '111122223333' })), 'allowed');
  // the resource account comes from the ARN when it has one
  const q = 'arn:aws:sqs:us-east-1:111122223333:q';
  const qp = pol([{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sqs:SendMessage', Resource: q }], 'resource');
  const idq = pol([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: q }]);
  assert.equal(verdictOf({ identity: [idq], resource: qp }, req('sqs:SendMessage', q, {}, OTHER_USER)), 'allowed');
});

test('verdict: every other statement reports the first element that did not match', () => {
  const p = pol(
    [
      { Sid: 'A', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
      { Sid: 'R', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' },
      { Sid: 'C', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } },
      { Sid: 'E', Effect: 'allow', Action: '*', Resource: '*' },
    ],
    'identity',
    undefined,
    'p.json',
  );
  const r = evaluate({ identity: [p] }, req('s3:GetObject', OBJ, { 'aws:PrincipalTag/team': 'red' }));
  assert.equal(r.verdict, 'implicitly-denied');
  assert.deepEqual(
    r.statements.map((s) => [s.sid, s.matched, s.mismatch?.element]),
    [
      ['A', false, 'action'],
      ['R', false, 'resource'],
      ['C', false, 'condition'],
      ['E', false, 'effect'],
    ],
  );
  const c = r.statements[2]!.mismatch!;
  assert.equal(c.key, 'aws:PrincipalTag/team');
  assert.equal(c.value, '"red"');
  assert.equal(c.operator, 'StringEquals');
  // the range points at the condition key in the policy text
  assert.equal(p.text.split('\n')[c.range.start.line]!.slice(c.range.start.character, c.range.end.character), '"aws:PrincipalTag/team"');
  const principalMiss = evaluate({ resource: pol([{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: '*', Resource: '*' }], 'resource') }, req('s3:GetObject', OBJ));
  assert.equal(principalMiss.statements[0]!.mismatch!.element, 'principal');
});

test('item 2: the order — an explicit Deny anywhere first, then RCPs, SCPs, resource policy, identity, boundary, session', () => {
  const id = pol([ALLOW_ALL]);
  const resAllow = pol([{ Effect: 'Allow', Principal: { AWS: USER }, Action: 's3:*', Resource: '*' }], 'resource');
  const rcpDeny = pol([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }], 'rcp');
  const scpNone = pol([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], 'scp');
  const boundaryNone = pol([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], 'boundary');
  // an RCP deny beats a direct resource-policy grant and the identity grant
  assert.equal(verdictOf({ identity: [id], resource: resAllow, rcp: [[rcpDeny]] }, req('s3:GetObject', OBJ)), 'explicitly-denied');
  // an SCP without an Allow beats a direct resource-policy grant (it is checked before the resource policy)
  const r = evaluate({ identity: [id], resource: resAllow, scp: [[scpNone]] }, req('s3:GetObject', OBJ));
  assert.equal(r.verdict, 'implicitly-denied');
  assert.deepEqual(r.blockedBy, { kind: 'scp', level: 0 });
  // the direct resource-policy grant is final before the boundary is consulted
  assert.equal(verdictOf({ resource: resAllow, boundary: boundaryNone }, req('s3:GetObject', OBJ)), 'allowed');
  // identity then boundary: the boundary's implicit deny names the boundary
  assert.deepEqual(evaluate({ identity: [id], boundary: boundaryNone }, req('s3:GetObject', OBJ)).blockedBy, { kind: 'boundary' });
});
