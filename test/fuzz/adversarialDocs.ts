// The adversarial documents shared by the reliability test (bounded time) and the benchmark (real figures):
// backtracking wildcards, a 100,000-element action array, 10,000 statements, a condition with 10,000 keys.

function policy(statements: unknown[], compact = false): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, compact ? undefined : 2);
}

export const ADVERSARIAL_CASES: Readonly<Record<string, () => string>> = {
  'backtracking wildcards': () =>
    policy([{ Effect: 'Allow', Action: [`s3:${'*a'.repeat(5000)}`, `${'*?'.repeat(3000)}:*`, `s3:${'a*'.repeat(4000)}b`], Resource: `arn:aws:s3:::${'*a'.repeat(3000)}` }]),
  '100,000-element action array': () =>
    // compact, so that it stays under the 2,000,000-character analysis limit and is really analysed
    policy([{ Effect: 'Allow', Action: Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? 's3:GetObject' : i % 3 === 1 ? `ec2:Describe${i}` : 'sqs:*')), Resource: '*' }], true),
  '10,000 statements': () =>
    policy(Array.from({ length: 10_000 }, (_, i) => ({ Sid: `S${i % 5000}`, Effect: 'Allow', Action: ['s3:GetObject', 'iam:PassRole'], Resource: `arn:aws:s3:::bucket-${i}/*` }))),
  'condition with 10,000 keys': () => {
    const keys: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) keys[i % 2 ? `aws:PrincipalTag/team${i}` : `s3:unknownKey${i}`] = 'x';
    return policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: keys } }]);
  },
};
