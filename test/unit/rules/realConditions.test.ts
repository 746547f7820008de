// All condition rules together over real policies from the IAM User Guide (awsdocs/iam-user-guide,
// doc_source/*.md, quoted verbatim apart from the placeholders noted) and common identity-provider trust
// policies: valid policies must give zero condition findings. A false positive here costs us a user.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { conditionRules } from '../../../server/src/service/rules/condition';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { classifyKey } from '../../../server/src/service/rules/condition/conditionUtil';

const REAL: Record<string, unknown> = {
  // reference_policies_examples_aws_mfa-dates.md (service placeholders replaced by real services)
  'mfa-dates': {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Action: ['cloudwatch:*', 'ec2:DescribeInstances', 'ec2:DescribeImages'],
      Resource: '*',
      Condition: {
        Bool: { 'aws:MultiFactorAuthPresent': true },
        DateGreaterThan: { 'aws:CurrentTime': '2017-07-01T00:00:00Z' },
        DateLessThan: { 'aws:CurrentTime': '2017-12-31T23:59:59Z' },
      },
    },
  },
  // reference_policies_examples_aws_deny-requested-region.md
  'deny-requested-region': {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyAllOutsideEU',
        Effect: 'Deny',
        NotAction: ['cloudfront:*', 'iam:*', 'route53:*', 'support:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } },
      },
    ],
  },
  // reference_policies_examples_s3_home-directory-console.md
  's3-home-directory': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::bucket-name',
        Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
      },
      { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::bucket-name/home/${aws:username}', 'arn:aws:s3:::bucket-name/home/${aws:username}/*'] },
    ],
  },
  // reference_policies_examples_ec2_tag-owner.md
  'ec2-tag-owner': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ec2:StartInstances', 'ec2:StopInstances'],
        Resource: 'arn:aws:ec2:*:*:instance/*',
        Condition: { StringEquals: { 'ec2:ResourceTag/Owner': '${aws:username}' } },
      },
      { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
    ],
  },
  // reference_policies_examples_aws_deny-ip.md
  'deny-ip': {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } },
    },
  },
  // reference_policies_examples_aws_my-sec-creds-self-manage.md (last statement)
  'mfa-self-manage': {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  },
  // reference_policies_examples_ec2_securitygroups-vpc.md
  'ec2-securitygroups-vpc': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ec2:AuthorizeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:DeleteSecurityGroup', 'ec2:RevokeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress', 'ec2:ModifySecurityGroupRules'],
        Resource: 'arn:aws:ec2:*:*:security-group/*',
        Condition: { ArnEquals: { 'ec2:Vpc': 'arn:aws:ec2:*:*:vpc/vpc-vpc-id' } },
      },
    ],
  },
  // reference_policies_examples_iam-passrole-service.md
  'passrole-service': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'cloudwatch.amazonaws.com' } } }],
  },
  // reference_policies_examples_dynamodb_rows.md
  'dynamodb-rows': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        Resource: ['arn:aws:dynamodb:*:*:table/MyTable'],
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] } },
      },
    ],
  },
  // reference_policies_multi-value-conditions.md (action prefix added; the 2013 page's key
  // "dynamodb:requestedAttributes" no longer exists, we rightly report it: the current key is dynamodb:Attributes)
  'dynamodb-attributes': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Thread', Condition: { 'ForAllValues:StringLike': { 'dynamodb:Attributes': ['PostDateTime', 'Message', 'Tags'] } } },
      { Effect: 'Deny', Action: 'dynamodb:PutItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Thread', Condition: { 'ForAnyValue:StringLike': { 'dynamodb:Attributes': ['ID', 'PostDateTime'] } } },
    ],
  },
  // reference_policies_elements_condition_operators.md: one statement per operator family
  'operators-page': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::111122223333:user/*', Condition: { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } } },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::BUCKET-NAME', Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } } },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket', Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } } },
      { Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::111122223333:user/*', Condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } } },
      { Sid: 'BooleanExample', Action: 's3:*', Effect: 'Deny', Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::111122223333:user/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
      { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } } },
      { Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'SQS:SendMessage', Resource: 'arn:aws:sqs:us-east-2:123456789012:QUEUE-ID', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-2:123456789012:TOPIC-ID' } } },
      { Sid: 'RunInstance', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } } },
      { Action: 'ec2:*', Effect: 'Allow', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'true' } } },
    ],
  },
  // confused-deputy.md (account placeholder replaced)
  'external-id': {
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '111122223333' }, Condition: { StringEquals: { 'sts:ExternalId': '12345' } } },
  },
  // id_roles_create_for-idp_oidc.md: GitHub Actions trust policy
  'github-oidc-trust': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' },
        },
      },
    ],
  },
  // id_roles_providers_oidc_cognito.md: Cognito identity pool trust policy
  'cognito-trust': {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456789012' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
      },
    },
  },
  // id_roles_providers_create_for-idp_saml.md: SAML trust policy
  'saml-trust': {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithSAML',
      Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' },
      Condition: { StringEquals: { 'saml:aud': 'https://signin.aws.amazon.com/saml' } },
    },
  },
  // EKS IAM roles for service accounts, and a custom OIDC provider: provider keys are never unknown
  'eks-irsa-and-custom-oidc': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub': 'system:serviceaccount:default:my-service-account',
            'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud': 'sts.amazonaws.com',
          },
        },
      },
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/my-idp.example.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'my-idp.example.com:aud': 'my-client', 'accounts.google.com:aud': 'x.apps.googleusercontent.com', 'www.amazon.com:user_id': 'amzn1.account.X' } },
      },
    ],
  },
  // reference_policies_condition-keys.md: tag-on-create with a Null guard, PrincipalOrgID, SourceVpce, CalledVia
  'global-keys-page': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ec2:CreateTags', 'ec2:RunInstances'],
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:RequestTag/environment': ['preprod', 'production'] },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'webserver'] },
          Null: { 'aws:TagKeys': 'false' },
        },
      },
      { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxxx' } } },
      { Effect: 'Deny', Action: 's3:*', Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['athena.amazonaws.com'] } } },
      { Effect: 'Allow', Action: 'sns:Publish', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::DOC-EXAMPLE-BUCKET' }, StringEquals: { 'aws:SourceAccount': '111122223333' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'] } } },
      { Effect: 'Deny', Action: 'ec2:*', Resource: '*', Condition: { StringNotEquals: { 'ec2:Region': ['us-east-1', 'us-west-2'] } } },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } },
      { Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*', Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } } },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:EpochTime': '1767225600' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' }, StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } } },
    ],
  },
  // amazon-s3-userguide doc_source/example-bucket-policies.md
  's3-bucket-policies': {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AddCannedAcl', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] }, Action: ['s3:PutObject', 's3:PutObjectAcl'], Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*', Condition: { StringEquals: { 's3:x-amz-acl': ['public-read'] } } },
      { Sid: 'IPAllow', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'], Condition: { NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } } },
      { Sid: 'AllowIPmix', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'], Condition: { IpAddress: { 'aws:SourceIp': ['54.240.143.0/24', '2001:DB8:1234:5678::/64'] }, NotIpAddress: { 'aws:SourceIp': ['54.240.143.128/30', '2001:DB8:1234:5678:ABCD::/80'] } } },
      { Sid: 'Referer', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*', Condition: { StringLike: { 'aws:Referer': ['http://www.example.com/*', 'http://example.com/*'] } } },
      { Sid: 'MfaNull', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/taxdocuments/*', Condition: { Null: { 'aws:MultiFactorAuthAge': true } } },
      { Sid: 'MfaAge', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/taxdocuments/*', Condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': 3600 } } },
      { Sid: 'Inventory', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 's3:PutObject', Resource: ['arn:aws:s3:::destinationbucket/*'], Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::sourcebucket' }, StringEquals: { 'aws:SourceAccount': '123456789012', 's3:x-amz-acl': 'bucket-owner-full-control' } } },
    ],
  },
  // AWS IoT Core developer guide, thing and certificate policy variables (IoT policies share the IAM grammar)
  'iot-policy-variables': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iot:Connect', Resource: 'arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}', Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } } },
      { Effect: 'Allow', Action: 'iot:Publish', Resource: 'arn:aws:iot:us-east-1:123456789012:topic/${iot:ClientId}/${iot:Certificate.Subject.CommonName}' },
    ],
  },
  // reference_policies_variables.md: default values and escapes
  'variables-page': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: "arn:aws:s3:::DOC-EXAMPLE-BUCKET/${aws:PrincipalTag/team, 'company-wide'}/*" },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET', Condition: { StringLike: { 's3:prefix': ['${aws:username}/${*}literal-star'] } } },
    ],
  },
};

/**
 * Security warnings that are true of a valid example, by "name: CODE": the S3 guide's Referer example carries
 * AWS's own caution ("We recommend extreme caution when using the aws:Referer condition key"), and the IAM
 * User Guide says aws:Referer should not be used to keep unauthorized parties out (UNTRUSTWORTHY_CONDITION_KEY).
 */
const TRUE_WARNINGS = new Set(['s3-bucket-policies: UNTRUSTWORTHY_CONDITION_KEY']);

test('condition rules give no finding on real valid policies (but the listed true security warnings)', () => {
  const service = createIamLanguageService({ catalog: testCatalog(), rules: conditionRules, rethrow: true });
  const problems: string[] = [];
  const warned = new Set<string>();
  for (const [name, policy] of Object.entries(REAL)) {
    const doc = TextDocument.create(`file:///${name}.json`, 'json', 1, JSON.stringify(policy, null, 2));
    const findings = service.findings(service.parse(doc, {}), {});
    for (const f of findings) {
      if (TRUE_WARNINGS.has(`${name}: ${f.code}`) && f.severity === 'warning') warned.add(`${name}: ${f.code}`);
      else problems.push(`${name}: ${f.code} ${f.message}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual([...warned].sort(), [...TRUE_WARNINGS].sort());
});

test('the condition rules give no error or warning on the real-policy corpus (test/fixtures/policies/aws)', () => {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'policies', 'aws');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 20);
  const service = createIamLanguageService({ catalog: testCatalog(), rules: conditionRules, rethrow: true });
  const problems: string[] = [];
  for (const file of files) {
    const doc = TextDocument.create(`file:///${file}`, 'json', 1, readFileSync(join(dir, file), 'utf8'));
    for (const f of service.findings(service.parse(doc, {}), {})) {
      // the Organizations SCP example writes "aws:PrincipalARN": a casing hint (info), not a defect
      if (f.severity === 'error' || f.severity === 'warning') problems.push(`${file}: ${f.code} ${f.message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('identity-provider keys are never unknown; service and global keys are classified', () => {
  const catalog = testCatalog();
  const kind = (key: string) => classifyKey(catalog, key).kind;
  for (const key of [
    'token.actions.githubusercontent.com:sub',
    'token.actions.githubusercontent.com:aud',
    'accounts.google.com:aud',
    'cognito-identity.amazonaws.com:amr',
    'www.amazon.com:user_id',
    'graph.facebook.com:id',
    'saml:aud',
    'saml:edupersonaffiliation',
    'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub',
    'my-idp.example.com:aud',
    'login.microsoftonline.com/tenant-id/v2.0:sub',
  ]) {
    assert.equal(kind(key), 'provider', key);
  }
  assert.equal(kind('sts:ExternalId'), 'service');
  assert.equal(kind('s3:prefix'), 'service');
  assert.equal(kind('aws:RequestTag/Env'), 'global');
  assert.equal(kind('aws:requesttag/Env'), 'global');
  assert.equal(kind('aws:NoSuchKey'), 'unknown-global');
  assert.equal(kind('s3:prefixes'), 'unknown-service');
  assert.equal(kind('s4:prefix'), 'unknown-prefix');
  assert.equal(kind('SourceIp'), 'malformed');
  assert.equal(kind('aws:'), 'malformed');
});

test('the same rules do report a broken copy (the test can fail)', () => {
  const service = createIamLanguageService({ catalog: testCatalog(), rules: conditionRules, rethrow: true });
  const broken = {
    Version: '2012-10-17',
    Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddres: { 'aws:SourceIP4': ['192.0.2.0/24'] } } },
  };
  const doc = TextDocument.create('file:///broken.json', 'json', 1, JSON.stringify(broken, null, 2));
  const codes = service.findings(service.parse(doc, {}), {}).map((f) => f.code).sort();
  assert.deepEqual(codes, ['INVALID_CONDITION_OPERATOR', 'INVALID_GLOBAL_CONDITION_KEY']);
});

test('findings carry what quick fixes need in data (suggestion = replacement for the reported string)', () => {
  const service = createIamLanguageService({ catalog: testCatalog(), rules: conditionRules, rethrow: true });
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/*', 's3:prefixes': 'x' } } },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIP4': '203.0.113.0/24' }, Bool: { 'aws:securetransport': 'false' } } },
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'aws:PrincipleTag/team': 'a' } } },
    ],
  };
  const text = JSON.stringify(policy, null, 2);
  const doc = TextDocument.create('file:///data.json', 'json', 1, text);
  const findings = service.findings(service.parse(doc, {}), {});
  const by = (code: string, written: string) => {
    const f = findings.find((x) => x.code === code && text.slice(x.span.offset, x.span.offset + x.span.length) === JSON.stringify(written));
    assert.ok(f, `${code} on ${written}`);
    return f;
  };
  assert.equal(by('INVALID_SERVICE_CONDITION_KEY', 's3:prefixes').data?.['suggestion'], 's3:prefix');
  assert.equal(by('INVALID_GLOBAL_CONDITION_KEY', 'aws:SourceIP4').data?.['suggestion'], 'aws:SourceIp');
  assert.equal(by('INVALID_GLOBAL_CONDITION_KEY', 'aws:PrincipleTag/team').data?.['suggestion'], 'aws:PrincipalTag/team');
  assert.equal(by('NON_CANONICAL_CONDITION_KEY_CASE', 'aws:securetransport').data?.['canonical'], 'aws:SecureTransport');
  const unsupported = by('UNSUPPORTED_ACTION_FOR_CONDITION_KEY', 's3:prefix');
  assert.equal(unsupported.message, '"s3:prefix" is not supported by "s3:GetObject"; the condition does not apply to it. Split the statement or remove the key.');
  assert.deepEqual(unsupported.data?.['actions'], ['s3:GetObject']);
  // no finding may offer a `suggestion` that is not a replacement for the reported JSON string
  for (const f of findings) {
    if (typeof f.data?.['suggestion'] !== 'string') continue;
    const reported = text.slice(f.span.offset, f.span.offset + f.span.length);
    assert.ok(reported.startsWith('"') && reported.endsWith('"'), `${f.code}: suggestion on a non-string span`);
  }
});
