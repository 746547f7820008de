// All principal and security rules together over real policies from the AWS documentation (bucket, KMS, SQS,
// SNS, Lambda resource policies; EC2, Lambda, GitHub, EKS, SAML, Cognito and cross-account trust policies;
// SCP, RCP and identity examples): none may give an error-severity finding, and the findings they do give are
// the intended, explainable ones (listed per policy, so a new noisy finding fails the test).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, type PolicyType, type ServiceSettings } from '../../../server/src/service';
import { principalRules } from '../../../server/src/service/rules/principal';
import { securityRules } from '../../../server/src/service/rules/security';
import { testCatalog } from '../../support/catalog';

interface RealPolicy {
  readonly name: string;
  readonly type: PolicyType;
  readonly policy: unknown;
  /** the exact set of "CODE severity" findings expected (order-insensitive) */
  readonly expect: readonly string[];
  readonly settings?: ServiceSettings;
}

const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';

const POLICIES: readonly RealPolicy[] = [
  {
    name: 'S3: CloudFront origin access control (OAC)',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: {
        Sid: 'AllowCloudFrontServicePrincipalReadOnly',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE' } },
      },
    },
    expect: ['MISSING_SECURE_TRANSPORT_DENY warning'],
  },
  {
    name: 'S3: legacy CloudFront origin access identity (OAI)',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'PolicyForCloudFrontPrivateContent',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity EH1HDMB1FH2TC' },
          Action: 's3:GetObject',
          Resource: `${BUCKET}/*`,
        },
      ],
    },
    expect: ['MISSING_SECURE_TRANSPORT_DENY warning'],
  },
  {
    name: 'S3: public read for a static website',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [`${BUCKET}/*`] }],
    },
    expect: ['PUBLIC_RESOURCE_POLICY warning', 'MISSING_SECURE_TRANSPORT_DENY warning'],
  },
  {
    name: 'S3: Elastic Load Balancing access logs (Region account principal) plus TLS-only deny',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::127311923021:root' }, Action: 's3:PutObject', Resource: `${BUCKET}/prefix/AWSLogs/111122223333/*` },
        {
          Sid: 'AllowSSLRequestsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [BUCKET, `${BUCKET}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'S3: server access logging service principal',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'S3ServerAccessLogsPolicy',
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: ['s3:PutObject'],
          Resource: `${BUCKET}-logs/*`,
          Condition: { ArnLike: { 'aws:SourceArn': BUCKET }, StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
      ],
    },
    expect: ['MISSING_SECURE_TRANSPORT_DENY warning'],
  },
  {
    name: 'KMS: default key policy with administrators, users and grants',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'key-consolepolicy-3',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'Allow access for Key Administrators',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/KMSAdminRole' },
          Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
          Resource: '*',
        },
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/KMSUserRole' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
        },
        {
          Sid: 'Allow attachment of persistent resources',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/KMSUserRole' },
          Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'SQS: allow an SNS topic to send messages',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-2:123456789012:MyQueue',
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-2:123456789012:MyTopic' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'SNS: default topic policy (owner condition)',
    type: 'resource',
    policy: {
      Version: '2008-10-17',
      Id: '__default_policy_ID',
      Statement: [
        {
          Sid: '__default_statement_ID',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
          Resource: 'arn:aws:sns:us-east-2:123456789012:MyTopic',
          Condition: { StringEquals: { 'AWS:SourceOwner': '123456789012' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Lambda: resource policy for S3 event notifications',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Id: 'default',
      Statement: [
        {
          Sid: 'lambda-allow-s3-my-function',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: 'arn:aws:lambda:us-east-2:123456789012:function:my-function',
          Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Trust: EC2 instance role',
    type: 'trust',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    expect: ['TRUSTED_BY_COMPUTE_SERVICE info'],
  },
  {
    name: 'Trust: Lambda execution role',
    type: 'trust',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
    expect: ['TRUSTED_BY_COMPUTE_SERVICE info'],
  },
  {
    name: 'Trust: GitHub Actions OIDC (aud + repository-wide sub)',
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
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
          },
        },
      ],
    },
    expect: ['SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED info'],
  },
  {
    name: 'Trust: EKS IAM roles for service accounts',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub': 'system:serviceaccount:default:my-service-account',
              'oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud': 'sts.amazonaws.com',
            },
          },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Trust: SAML 2.0 federation',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Trust: Cognito identity pool (authenticated)',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456790ab' },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Trust: third-party account with ExternalId',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'Unique ID Assigned by Example Corp' } },
      },
    },
    expect: [],
  },
  {
    name: 'Trust: cross-account role requiring MFA',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    },
    expect: [],
  },
  {
    name: 'Trust: plain cross-account (account of unknown owner, no setting)',
    type: 'trust',
    policy: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' } },
    expect: ['CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID info'],
  },
  {
    name: 'Trust: same trust with the account configured as ours',
    type: 'trust',
    settings: { accountIds: ['123456789012'] },
    policy: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' } },
    expect: [],
  },
  {
    name: 'Trust: IAM Roles Anywhere with a trust-anchor condition',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'rolesanywhere.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/0123abcd-0123-abcd-0123-0123456789ab' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Trust: Step Functions with confused-deputy conditions',
    type: 'trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'states.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:states:us-east-1:111122223333:stateMachine:*' }, StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'S3: access for the whole organization, TLS only',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowOrg', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${BUCKET}/*`, Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-xxxxxxxxxxx'] } } },
        { Sid: 'DenyHttp', Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`], Condition: { Bool: { 'aws:SecureTransport': false } } },
      ],
    },
    expect: [],
  },
  {
    name: 'ECR: cross-account pull (repository policies have no Resource)',
    type: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowPull',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:role/ci'] },
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
        },
      ],
    },
    expect: [],
  },
  {
    name: 'SCP: FullAWSAccess',
    type: 'scp',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    expect: [],
  },
  {
    name: 'SCP: deny outside approved Regions, with NotAction for global services',
    type: 'scp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyAllOutsideEU',
          Effect: 'Deny',
          NotAction: ['a4b:*', 'budgets:*', 'ce:*', 'cloudfront:*', 'iam:*', 'organizations:*', 'route53:*', 'sts:*', 'support:*'],
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] },
            ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/Role1AllowedToBypassThisSCP', 'arn:aws:iam::*:role/Role2AllowedToBypassThisSCP'] },
          },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'SCP: deny the root user, and leaving the organization',
    type: 'scp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'RestrictEC2ForRoot', Effect: 'Deny', Action: ['ec2:*'], Resource: ['*'], Condition: { StringLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:root'] } } },
        { Effect: 'Deny', Action: ['organizations:LeaveOrganization'], Resource: '*' },
      ],
    },
    expect: [],
  },
  {
    name: 'RCP: enforce secure transport',
    type: 'rcp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnforceSecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: ['sts:*', 's3:*', 'sqs:*', 'secretsmanager:*', 'kms:*'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
    expect: [],
  },
  {
    name: 'Identity: let IAM users manage their own credentials with MFA',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowViewAccountInfo', Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'], Resource: '*' },
        {
          Sid: 'AllowManageOwnPasswords',
          Effect: 'Allow',
          Action: ['iam:ChangePassword', 'iam:GetUser'],
          Resource: 'arn:aws:iam::*:user/${aws:username}',
        },
        {
          Sid: 'AllowManageOwnAccessKeys',
          Effect: 'Allow',
          Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'],
          Resource: 'arn:aws:iam::*:user/${aws:username}',
        },
        {
          Sid: 'DenyAllExceptListedIfNoMFA',
          Effect: 'Deny',
          NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
    },
    // the Deny-unless-MFA statement (NotAction) guards the password and access-key actions: nothing to report
    expect: [],
  },
  {
    name: 'Identity: AWSLambdaBasicExecutionRole',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }],
    },
    expect: ['WRITE_UNCONSTRAINED info', 'WRITE_UNCONSTRAINED info', 'WRITE_UNCONSTRAINED info'],
  },
  {
    name: 'Identity: AWS managed PowerUserAccess',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['account:GetAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'],
          Resource: '*',
        },
      ],
    },
    // what cloudsplaining reports for it too: NotAction reaches lambda:UpdateFunctionCode, glue:UpdateDevEndpoint, …
    expect: [
      'ALLOW_NOT_ACTION warning',
      'PRIVILEGE_ESCALATION warning',
      'CREATE_SLR_WITH_STAR_IN_RESOURCE warning',
      'SENSITIVE_ACTION_WITHOUT_CONDITION info',
      'SENSITIVE_ACTION_WITHOUT_CONDITION info',
      'WRITE_UNCONSTRAINED info',
      'WRITE_UNCONSTRAINED info',
    ],
  },
  {
    name: 'Identity: AWS managed AmazonS3ReadOnlyAccess',
    type: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' }],
    },
    expect: ['DATA_EXFILTRATION warning'],
  },
  {
    name: 'Permission boundary: allow everything but IAM, with a Deny',
    type: 'boundary',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:DeleteRolePermissionsBoundary', Resource: '*' },
      ],
    },
    expect: [],
  },
];

const service = createIamLanguageService({ catalog: testCatalog(), rules: [...principalRules, ...securityRules], rethrow: true });

function run(p: RealPolicy) {
  const text = JSON.stringify(p.policy, null, 2);
  const doc = TextDocument.create('file:///real.json', 'json', 1, text);
  return service.findings(service.parse(doc, { policyType: p.type }), p.settings ?? {});
}

for (const p of POLICIES) {
  test(`real policy: ${p.name}`, () => {
    const findings = run(p);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), [], 'no error-severity finding on a valid real policy');
    assert.deepEqual(findings.map((f) => `${f.code} ${f.severity}`).sort(), [...p.expect].sort(), findings.map((f) => f.message).join('\n'));
  });
}

test('the policies above run every principal and security rule at least once without crashing', () => {
  // rethrow:true makes a crashing rule fail the per-policy tests; here, check the rule set is the full one
  const codes = new Set([...principalRules, ...securityRules].map((r) => r.code));
  assert.ok(codes.has('PRIVILEGE_ESCALATION') && codes.has('INVALID_AWS_PRINCIPAL') && codes.size >= 38, `only ${codes.size} rules`);
});

// ---- data payloads: quick fixes dispatch on code + data, so the data is part of the contract ----

function findingsOf(type: PolicyType, statements: unknown[], settings: ServiceSettings = {}) {
  return run({ name: '', type, policy: { Version: '2012-10-17', Statement: statements }, expect: [], settings });
}

test('PASS_ROLE_WITH_STAR_IN_RESOURCE names the Access Analyzer variant and the condition to add', () => {
  const shapes: Array<[unknown, string]> = [
    [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }, 'PASS_ROLE_WITH_STAR_IN_RESOURCE'],
    [{ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::111122223333:role/admin' }, 'PASS_ROLE_WITH_NOT_RESOURCE'],
    [{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' }, 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE'],
    [{ Effect: 'Allow', NotAction: 's3:*', NotResource: 'arn:aws:s3:::b' }, 'PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE'],
    [{ Effect: 'Allow', Action: '*', Resource: '*' }, 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE'],
    [{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }, 'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION'],
  ];
  for (const [statement, variant] of shapes) {
    const f = findingsOf('identity', [statement]).filter((x) => x.code === 'PASS_ROLE_WITH_STAR_IN_RESOURCE');
    assert.equal(f.length, 1, variant);
    assert.equal(f[0]!.data?.['accessAnalyzerCode'], variant);
    assert.equal(f[0]!.data?.['conditionKey'], 'iam:PassedToService');
    assert.equal(f[0]!.data?.['statementIndex'], 0);
  }
});

test('PRIVILEGE_ESCALATION lists every minimal method with its actions, across statements, and only unconstrained grants count', () => {
  const f = findingsOf('identity', [
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' },
    { Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' },
  ]).filter((x) => x.code === 'PRIVILEGE_ESCALATION');
  assert.equal(f.length, 1);
  const combos = f[0]!.data?.['combos'] as Array<{ name: string; actions: string[] }>;
  assert.deepEqual(combos.map((c) => c.name), ['PassExistingRoleToNewLambdaThenInvoke']);
  assert.deepEqual(combos[0]!.actions, ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']);
  assert.match(f[0]!.message, /"PassExistingRoleToNewLambdaThenInvoke" \(iam:PassRole \+ lambda:CreateFunction \+ lambda:InvokeFunction\)/);
  // the same actions with a condition on one of them: no complete unconstrained path
  const conditioned = findingsOf('identity', [
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
    { Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' },
  ]).filter((x) => x.code === 'PRIVILEGE_ESCALATION');
  assert.deepEqual(conditioned, []);
});

test('Action "*" on "*" reports the admin grant and the escalation, but not every table rule on the same token', () => {
  const codes = findingsOf('identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }]).map((f) => f.code).sort();
  assert.deepEqual(codes, ['CREATE_SLR_WITH_STAR_IN_RESOURCE', 'FULL_ADMIN', 'PASS_ROLE_WITH_STAR_IN_RESOURCE', 'PRIVILEGE_ESCALATION']);
});

test('settings.accountIds turns the cross-account trust finding from a question into a warning', () => {
  const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' };
  const unknown = findingsOf('trust', [statement]).filter((f) => f.code === 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID');
  assert.deepEqual(unknown.map((f) => [f.severity, f.data?.['known']]), [['info', false]]);
  const known = findingsOf('trust', [statement], { accountIds: ['111122223333'] }).filter((f) => f.code === 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID');
  assert.deepEqual(known.map((f) => [f.severity, f.data?.['known'], f.data?.['account']]), [['warning', true, '444455556666']]);
  const ours = findingsOf('trust', [statement], { accountIds: ['444455556666'] }).filter((f) => f.code === 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID');
  assert.deepEqual(ours, []);
});

test('a large identity policy goes through all principal and security rules (speed: npm run bench)', () => {
  const actions = testCatalog().expandActions('ec2:*').slice(0, 400).map((a) => a.fullName);
  const statements = Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: i % 10 === 0 ? '*' : actions.slice(i * 10, i * 10 + 10), Resource: '*' }));
  const first = findingsOf('identity', statements);
  // the second run goes through the expansion caches and must agree with the first
  const second = findingsOf('identity', statements);
  assert.ok(first.length > 0, 'a policy with four "*" statements has findings');
  assert.deepEqual(second.map((f) => [f.code, f.span.offset]), first.map((f) => [f.code, f.span.offset]));
});
