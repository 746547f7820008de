// Deterministic generator of realistic and slightly broken IAM policies (seeded PRNG) for property and
// fuzz tests: real actions and wildcards, typos, odd casing, ARNs, conditions, principals, layouts.

const ACTIONS = [
  's3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 's3:Get*', 's3:*', 's3:PutBucketPolicy',
  'ec2:DescribeInstances', 'ec2:StartInstances', 'ec2:Describe*', 'iam:PassRole', 'iam:CreateUser', 'iam:*', 'iam:Get*',
  'sqs:SendMessage', 'sqs:*', 'kms:Decrypt', 'kms:Encrypt', 'secretsmanager:GetSecretValue', 'lambda:InvokeFunction',
  'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'logs:CreateLogStream', 'logs:PutLogEvents', 'sts:AssumeRole',
  's3:GetObjekt', 'ec2:DescribeInstance', 's3:getobject', 'S3:ListBucket', 'dynamodb:getitem', 'iam:passrole', '*',
  'sns:Publish', 'cloudwatch:PutMetricData', 'organizations:LeaveOrganization', 'ssm:GetParameter', 'sqs:Get*',
];
const RESOURCES = [
  '*', 'arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*', 'arn:aws:iam::111122223333:role/app', 'arn:aws:sqs:us-east-1:111122223333:queue',
  'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:dynamodb:us-east-1:111122223333:table/T',
  'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn:*', 'arn:aws:s3:::my-bucket/${aws:username}/*', 'arn:aws:ec2:*:*:instance/*',
];
const CONDITIONS: Array<Record<string, Record<string, unknown>>> = [
  { Bool: { 'aws:SecureTransport': 'true' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } },
  { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
  { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
  { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } },
  { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
  { Bool: { 'aws:MultiFactorAuthPresent': false } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
];

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

export function generatePolicies(count: number, seed: number): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const statements: Record<string, unknown>[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < n; j++) {
      const s: Record<string, unknown> = {};
      if (rand() < 0.5) s['Sid'] = rand() < 0.2 ? 'Same' : `S${j}`;
      s['Effect'] = rand() < 0.85 ? 'Allow' : 'Deny';
      const actions = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(ACTIONS));
      s[rand() < 0.1 ? 'NotAction' : 'Action'] = actions.length === 1 && rand() < 0.5 ? actions[0] : actions;
      const resources = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(RESOURCES));
      s['Resource'] = resources.length === 1 ? resources[0] : resources;
      if (rand() < 0.4) s['Condition'] = pick(CONDITIONS);
      statements.push(s);
    }
    const policy: Record<string, unknown> = {};
    if (rand() < 0.85) policy['Version'] = rand() < 0.9 ? '2012-10-17' : '2008-10-17';
    policy['Statement'] = statements.length === 1 && rand() < 0.3 ? statements[0] : statements;
    const style = rand();
    out.push(style < 0.4 ? JSON.stringify(policy, null, 2) : style < 0.7 ? JSON.stringify(policy, null, 4) : style < 0.85 ? JSON.stringify(policy) : JSON.stringify(policy, null, '\t').replace(/\n/g, '\r\n'));
  }
  return out;
}
