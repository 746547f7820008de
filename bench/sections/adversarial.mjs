// Adversarial documents (the reliability test asserts only a generous bound): parse + validate + hover +
// completion + code actions at the middle, wall time per document, as in test/unit/reliability/adversarial.test.ts.

function policy(statements) {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

const CASES = {
  'backtracking wildcards': () => policy([{ Effect: 'Allow', Action: [`s3:${'*a'.repeat(5000)}`, `${'*?'.repeat(3000)}:*`, `s3:${'a*'.repeat(4000)}b`], Resource: `arn:aws:s3:::${'*a'.repeat(3000)}` }]),
  '100,000-element action array': () =>
    policy([{ Effect: 'Allow', Action: Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? 's3:GetObject' : i % 3 === 1 ? `ec2:Describe${i}` : 'sqs:*')), Resource: '*' }]),
  '10,000 statements': () => policy(Array.from({ length: 10_000 }, (_, i) => ({ Sid: `S${i % 5000}`, Effect: 'Allow', Action: ['s3:GetObject', 'iam:PassRole'], Resource: `arn:aws:s3:::bucket-${i}/*` }))),
  'condition with 10,000 keys': () => {
    const keys = {};
    for (let i = 0; i < 10_000; i++) keys[i % 2 ? `aws:PrincipalTag/team${i}` : `s3:unknownKey${i}`] = 'x';
    return policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: keys } }]);
  },
};

export async function run(ctx) {
  const rows = [];
  for (const [name, make] of Object.entries(CASES)) {
    const text = make();
    const service = ctx.createService();
    const doc = ctx.TextDocument.create('file:///bench/adversarial.json', 'json', 1, text);
    const ms = ctx.measure(
      () => {
        const parsed = service.parse(doc);
        const diagnostics = service.validate(doc, parsed);
        const mid = doc.positionAt(Math.floor(text.length / 2));
        service.hover(doc, parsed, mid);
        service.complete(doc, parsed, mid);
        service.codeActions(doc, parsed, { start: mid, end: mid }, { diagnostics: diagnostics.slice(0, 20) });
      },
      { iterations: 3, warmup: 1 },
    );
    rows.push({ name: `${name} (${(text.length / 1e6).toFixed(2)} MB), all features`, value: ms, unit: 'ms', target: '<= 5000' });
  }
  return rows;
}
