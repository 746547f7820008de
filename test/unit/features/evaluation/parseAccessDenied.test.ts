// The AccessDenied parser on message shapes as AWS services print them: the documented formats of the IAM
// User Guide ("Troubleshoot access denied error messages") for every policy type, the policy-ARN enhancement,
// SDK/CLI wrappers, S3's quoted resource and XML body, JSON error bodies, decoded authorization messages,
// line-wrapped pastes, and the shapes that name nothing (which must fail with a reason, never guess).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountOfArn, identityOfPrincipal, parseAccessDenied, type AccessDeniedRequest } from '../../../../server/src/service/features/accessDenied/parseAccessDenied';

function ok(text: string): AccessDeniedRequest {
  const r = parseAccessDenied(text);
  if (!r.ok) assert.fail(`expected a parse, got: ${r.reason}`);
  return r.request;
}

const USER = 'arn:aws:iam::777788889999:user/MaryMajor';

test('implicit deny in an identity-based policy (the documented format)', () => {
  const r = ok(`User: ${USER} is not authorized to perform: codecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action`);
  assert.equal(r.principal, USER);
  assert.equal(r.action, 'codecommit:ListRepositories');
  assert.equal(r.resource, undefined);
  assert.deepEqual(r.denyingPolicy, { denial: 'implicit', kind: 'identity', phrase: 'identity-based policy' });
});

test('every documented policy type, explicit and implicit', () => {
  const cases: Array<[string, string, string]> = [
    ['service control policy', 'scp', 'a'],
    ['resource control policy', 'rcp', 'a'],
    ['VPC endpoint policy', 'vpc-endpoint', 'a'],
    ['permissions boundary', 'boundary', 'a'],
    ['session policy', 'session', 'a'],
    ['resource-based policy', 'resource', 'a'],
    ['identity-based policy', 'identity', 'an'],
  ];
  for (const [phrase, kind, article] of cases) {
    const explicit = ok(`User: ${USER} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::amzn-s3-demo-bucket/object.txt with an explicit deny in ${article} ${phrase}`);
    assert.equal(explicit.denyingPolicy?.kind, kind, phrase);
    assert.equal(explicit.denyingPolicy?.denial, 'explicit');
    assert.equal(explicit.resource, 'arn:aws:s3:::amzn-s3-demo-bucket/object.txt');
    const implicit = ok(`User: ${USER} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::amzn-s3-demo-bucket/object.txt because no ${phrase} allows the s3:GetObject action`);
    assert.equal(implicit.denyingPolicy?.kind, kind, phrase);
    assert.equal(implicit.denyingPolicy?.denial, 'implicit');
  }
});

test('the policy ARN of the 2025 enhancement, after an SDK/CLI prefix', () => {
  const r = ok(
    'An error occurred (AccessDenied) when calling the ListRoles operation: User: arn:aws:iam::123456789012:user/Matt is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/* with an explicit deny in a service control policy: arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd',
  );
  assert.equal(r.operation, 'ListRoles');
  assert.equal(r.principal, 'arn:aws:iam::123456789012:user/Matt');
  assert.equal(r.resource, 'arn:aws:iam::123456789012:role/*');
  assert.deepEqual(r.denyingPolicy, { denial: 'explicit', kind: 'scp', phrase: 'service control policy', policyArn: 'arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd' });
});

test('identity-based policy ARN followed by the authorization-details link and a trailing period', () => {
  const r = ok(
    'User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/EXAMPLE1a2b3c4d5e to learn more.',
  );
  assert.equal(r.denyingPolicy?.policyArn, 'arn:aws:iam::123456789012:policy/ExampleDenyPolicy');
  assert.equal(r.resource, 'arn:aws:iam::123456789012:instance-profile/my-instance-profile');
});

test("S3 quotes the resource; an assumed-role session wrapped over several lines", () => {
  const r = ok(`An error occurred (AccessDenied) when calling the ListObjectsV2 operation:
User: arn:aws:sts::111111111111:assumed-role/MyEC2Role/i-0abc123def456789
is not authorized to perform: s3:ListBucket on resource:
"arn:aws:s3:us-east-1:111111111111:accesspoint/my-fsxn-s3-accesspoint"
with an explicit deny in a resource-based policy`);
  assert.equal(r.principal, 'arn:aws:sts::111111111111:assumed-role/MyEC2Role/i-0abc123def456789');
  assert.equal(r.action, 's3:ListBucket');
  assert.equal(r.resource, 'arn:aws:s3:us-east-1:111111111111:accesspoint/my-fsxn-s3-accesspoint');
  assert.equal(r.denyingPolicy?.kind, 'resource');
  assert.equal(r.operation, 'ListObjectsV2');
});

test('S3 XML error body with entities', () => {
  const r = ok(
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutObject on resource: &quot;arn:aws:s3:::artifacts/app/build.zip&quot; because no identity-based policy allows the s3:PutObject action</Message><RequestId>X</RequestId></Error>',
  );
  assert.equal(r.resource, 'arn:aws:s3:::artifacts/app/build.zip');
  assert.equal(r.action, 's3:PutObject');
  assert.equal(r.denyingPolicy?.kind, 'identity');
});

test('JSON error bodies (DynamoDB/ECR style and a CloudTrail record)', () => {
  const r = ok('{"__type":"com.amazon.coral.service#AccessDeniedException","message":"User: arn:aws:sts::123456789012:assumed-role/app/session is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:GetItem action"}');
  assert.equal(r.action, 'dynamodb:GetItem');
  assert.equal(r.resource, 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders');
  const trail = ok('{"errorCode": "AccessDenied", "errorMessage": "User: arn:aws:iam::123456789012:role/app-role is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-private-bucket/config.json with an explicit deny in a resource-based policy"}');
  assert.equal(trail.principal, 'arn:aws:iam::123456789012:role/app-role');
  assert.equal(trail.denyingPolicy?.denial, 'explicit');
});

test('Java SDK suffix, resource "*", and an exception-name prefix', () => {
  const r = ok('software.amazon.awssdk.services.ecr.model.EcrException: User: arn:aws:sts::123456789012:assumed-role/ci/i-0f00 is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action (Service: Ecr, Status Code: 400, Request ID: 1a2b)');
  assert.equal(r.resource, '*');
  assert.equal(r.action, 'ecr:GetAuthorizationToken');
});

test('older messages without a reason, and sts:AssumeRole on a role', () => {
  const r = ok('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::123456789012:assumed-role/dev/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/deploy');
  assert.equal(r.resource, 'arn:aws:iam::210987654321:role/deploy');
  assert.equal(r.denyingPolicy, undefined);
  const noResource = ok('User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:ListRoles');
  assert.equal(noResource.resource, undefined);
  assert.equal(noResource.action, 'iam:ListRoles');
});

test('"due to an explicit deny in a Service Control Policy" (title case, the SCP wording the guide notes)', () => {
  const r = ok('User: arn:aws:iam::123456789012:user/x is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:123456789012:instance/* due to an explicit deny in a Service Control Policy');
  assert.equal(r.denyingPolicy?.kind, 'scp');
  assert.equal(r.denyingPolicy?.phrase, 'Service Control Policy');
});

test('anonymous callers, and KMS "on the resource associated with this ciphertext"', () => {
  const anon = ok('User: anonymous is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no resource-based policy allows the s3:GetObject action');
  assert.equal(anon.principal, 'anonymous');
  const kms = ok('User: arn:aws:sts::111122223333:assumed-role/x/y is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access');
  assert.equal(kms.action, 'kms:Decrypt');
  assert.equal(kms.resource, undefined);
});

test('decoded authorization message: principal, action, resource and the request context', () => {
  const decoded = JSON.stringify({
    allowed: false,
    explicitDeny: true,
    matchedStatements: { items: [] },
    failures: { items: [] },
    context: {
      principal: { id: 'AIDAEXAMPLE', arn: 'arn:aws:iam::123456789012:user/dev' },
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
      conditions: { items: [{ key: 'aws:Region', values: { items: [{ value: 'us-east-1' }] } }, { key: 'ec2:InstanceType', values: { items: [{ value: 'p4d.24xlarge' }] } }] },
    },
  });
  const r = ok(decoded);
  assert.equal(r.source, 'decoded-authorization-message');
  assert.equal(r.principal, 'arn:aws:iam::123456789012:user/dev');
  assert.equal(r.action, 'ec2:RunInstances');
  assert.equal(r.explicitDeny, true);
  assert.deepEqual(r.context, { 'aws:Region': ['us-east-1'], 'ec2:InstanceType': ['p4d.24xlarge'] });
  // the CLI's whole answer wraps the same JSON in a string
  const wrapped = ok(JSON.stringify({ DecodedMessage: decoded }));
  assert.equal(wrapped.action, 'ec2:RunInstances');
});

test('messages that name nothing fail with a reason (never a guess)', () => {
  for (const text of ['Access Denied', '', 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied', '{"foo": 1}']) {
    const r = parseAccessDenied(text);
    assert.equal(r.ok, false, text);
  }
  const encoded = parseAccessDenied('An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: 4Gkl...');
  assert.equal(encoded.ok, false);
  assert.match(encoded.ok ? '' : encoded.reason, /decode-authorization-message/);
  const noAction = parseAccessDenied('User: arn:aws:iam::1:user/x is not authorized to perform this operation');
  assert.equal(noAction.ok, false);
});

test('a long paste stays a linear scan (a 200 KB message is read, not rejected)', () => {
  const r = ok(`${'x '.repeat(100_000)}User: ${USER} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action`);
  assert.equal(r.principal, USER);
});

test('accountOfArn and identityOfPrincipal', () => {
  assert.equal(accountOfArn('arn:aws:iam::111122223333:role/x'), '111122223333');
  assert.equal(accountOfArn('arn:aws:s3:::bucket'), undefined);
  assert.deepEqual(identityOfPrincipal('arn:aws:sts::111122223333:assumed-role/deploy/session-1'), { kind: 'role-session', name: 'deploy', arn: 'arn:aws:iam::111122223333:role/deploy' });
  assert.deepEqual(identityOfPrincipal('arn:aws:iam::111122223333:user/team/alice'), { kind: 'user', name: 'alice', arn: 'arn:aws:iam::111122223333:user/team/alice' });
  assert.equal(identityOfPrincipal('anonymous').kind, 'anonymous');
  assert.equal(identityOfPrincipal('arn:aws:iam::111122223333:root').kind, 'root');
});
