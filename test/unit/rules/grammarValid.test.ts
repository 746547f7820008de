// Realistic valid policies (AWS documentation examples of every policy type) must give zero findings from
// the grammar, policy-type and size-limit rules together, both with the type inferred from the file name or
// content and with the type set explicitly. Guards against false positives, the costliest kind of bug.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, type PolicyType, type ServiceSettings } from '../../../server/src/service';
import { grammarRules } from '../../../server/src/service/rules/grammar';
import { policyTypeRules } from '../../../server/src/service/rules/policyType';
import { limitsRules } from '../../../server/src/service/rules/limits';
import { testCatalog } from '../../support/catalog';

interface Example {
  readonly name: string;
  readonly file: string;
  readonly type: PolicyType;
  readonly policy: unknown;
  readonly settings?: ServiceSettings;
}

const ORG_CONDITION = { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } };

const EXAMPLES: readonly Example[] = [
  {
    name: 'identity: S3 home folder with policy variables',
    file: 'home-folder.json',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowListingOfUserFolder', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket', Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } } },
        { Sid: 'AllowAllS3ActionsInUserFolder', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*' },
      ],
    },
  },
  {
    name: 'identity: EC2 start/stop by tag, MFA age, region deny with NotAction',
    file: 'ec2-operators.json',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances'], Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringEquals: { 'aws:ResourceTag/Owner': '${aws:username}' } } },
        { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
        { Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetUser'], Resource: 'arn:aws:iam::*:user/${aws:username}', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
        { Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'support:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } },
      ],
    },
  },
  {
    name: 'identity: DynamoDB fine-grained access with ForAllValues',
    file: 'dynamodb.json',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowAccessToOnlyItemsMatchingUserID',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
          Resource: ['arn:aws:dynamodb:us-west-2:123456789012:table/GameScores'],
          Condition: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${www.amazon.com:user_id}'], 'dynamodb:Attributes': ['UserId', 'GameTitle', 'Wins', 'Losses', 'TopScore', 'TopScoreDateTime'] },
            StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
          },
        },
      ],
    },
  },
  {
    name: 'permission boundary: delegated admin',
    file: 'developer-boundary.json',
    type: 'boundary',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ServiceBoundaries', Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*', 'ec2:*', 'lambda:*'], Resource: '*' },
        { Sid: 'DenyBoundaryChange', Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary'], Resource: '*' },
      ],
    },
  },
  {
    name: 'resource: S3 bucket policy enforcing TLS and granting a role',
    file: 'amzn-s3-demo-bucket-policy.json',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'BucketPolicy',
      Statement: [
        { Sid: 'AllowRoleRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Reader' }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'] },
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        {
          Sid: 'AllowCloudFrontServicePrincipal',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
          Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE' } },
        },
        { Sid: 'AllowELBLogs', Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/111122223333/*' },
      ],
    },
  },
  {
    name: 'resource: KMS default key policy',
    file: 'my-key-policy.json',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/ExampleRole' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'resource: SQS queue policy for an SNS topic',
    file: 'orders-queue-policy.json',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'QueuePolicy',
      Statement: [
        {
          Sid: 'AllowSnsTopic',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-2:123456789012:MyQueue',
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-2:123456789012:MyTopic' } },
        },
      ],
    },
  },
  {
    name: 'resource: SNS topic policy for S3 event notifications',
    file: 'topic-policy.json',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'example-ID',
      Statement: [
        {
          Sid: 'Example SNS topic policy',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: ['SNS:Publish'],
          Resource: 'arn:aws:sns:us-east-1:111122223333:example-sns-topic',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' }, StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
      ],
    },
  },
  {
    name: 'trust: EC2 service role',
    file: 'ec2-role-trust-policy.json',
    type: 'trust',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  },
  {
    name: 'trust: cross-account with ExternalId and MFA',
    file: 'cross-account-trust.json',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'Unique-ID-1234' } } },
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::444455556666:role/Deployer', '777788889999'] }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      ],
    },
  },
  {
    name: 'trust: GitHub Actions OIDC',
    file: 'github-oidc-trust.json',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' },
          },
        },
      ],
    },
  },
  {
    name: 'trust: SAML federation and Cognito',
    file: 'saml-trust.json',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'], Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456790ab' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        },
      ],
    },
  },
  {
    name: 'trust: IAM Roles Anywhere',
    file: 'rolesanywhere-trust.json',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'rolesanywhere.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' } },
        },
      ],
    },
  },
  {
    name: 'scp: deny leaving the org, region guard with NotAction, full-language Allow with a condition',
    file: 'guardrails-scp.json',
    type: 'scp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DenyLeaveOrg', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
        {
          Sid: 'DenyAllOutsideEU',
          Effect: 'Deny',
          NotAction: ['a4b:*', 'budgets:*', 'ce:*', 'cloudfront:*', 'iam:*', 'organizations:*', 'route53:*', 'sts:*', 'support:*'],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] }, ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/Role1AllowedToBypassThisSCP'] } },
        },
        { Sid: 'AllowS3InOwnBuckets', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::corp-*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
        { Sid: 'DenyIamExceptAdmin', Effect: 'Deny', Action: 'iam:*Role*', NotResource: 'arn:aws:iam::*:role/Admin' },
      ],
    },
  },
  {
    name: 'scp: FullAWSAccess under legacy mode',
    file: 'full-access-scp.json',
    type: 'scp',
    settings: { legacyScp: true },
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:Run*', Resource: 'arn:aws:ec2:*:*:instance/*' }] },
  },
  {
    name: 'rcp: data perimeter and TLS enforcement',
    file: 'data-perimeter-rcp.json',
    type: 'rcp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'EnforceOrgIdentities', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'], Resource: '*', Condition: ORG_CONDITION },
        { Sid: 'EnforceSecureTransport', Effect: 'Deny', Principal: '*', Action: ['sts:*', 's3:*', 'sqs:*', 'secretsmanager:*', 'kms:*'], Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } },
      ],
    },
  },
  {
    name: 'rcp: the AWS-managed RCPFullAWSAccess',
    file: 'RCPFullAWSAccess.rcp.json',
    type: 'rcp',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
  },
];

const OUR_RULES = [...grammarRules, ...policyTypeRules, ...limitsRules];
const service = createIamLanguageService({ catalog: testCatalog(), rules: OUR_RULES, rethrow: true });

function findings(example: Example, explicitType: boolean): string[] {
  const text = JSON.stringify(example.policy, null, 2);
  const doc = TextDocument.create(`file:///work/policies/${example.file}`, 'json', 1, text);
  const parsed = service.parse(doc, explicitType ? { policyType: example.type } : {});
  assert.equal(parsed.policies.length, 1, `${example.name}: parsed as one policy`);
  return service.findings(parsed, example.settings ?? {}).map((f) => `${f.code} at ${f.span.offset}: ${f.message}`);
}

for (const example of EXAMPLES) {
  test(`valid: ${example.name} (type set)`, () => {
    assert.deepEqual(findings(example, true), []);
  });
  test(`valid: ${example.name} (type inferred)`, () => {
    const text = JSON.stringify(example.policy);
    const parsed = service.parse(TextDocument.create(`file:///work/policies/${example.file}`, 'json', 1, text));
    assert.equal(parsed.policies[0]?.policyType, example.type, `${example.file} should be inferred as ${example.type}`);
    assert.deepEqual(findings(example, false), []);
  });
}

test('the same rules do report on a broken policy (the examples above are not vacuous)', () => {
  const text = JSON.stringify({ Statement: [{ effect: 'Allow', Action: 's3:GetObject' }] });
  const parsed = service.parse(TextDocument.create('file:///work/policies/broken.json', 'json', 1, text));
  const codes = service.findings(parsed).map((f) => f.code);
  assert.deepEqual(codes.sort(), ['INVALID_POLICY_ELEMENT', 'MISSING_RESOURCE', 'MISSING_VERSION']);
});
