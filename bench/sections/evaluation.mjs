// The evaluation engine (service/evaluation): p95 time per request on a 10-statement policy set (identity
// policies, a permissions boundary and an SCP with a condition), as a ratio to a same-run baseline (JSON.parse of
// the same policy texts), and the pathological wildcard (`a*` ten times then `b` against 200 characters).
// Policies are parsed once (as the test runner does); each request is a full evaluate() with statement traces.

const IDENTITY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: ['arn:aws:s3:::artifacts', 'arn:aws:s3:::artifacts/*'] },
    { Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::artifacts/${aws:username}/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:*:111122223333:log-group:/app/*' },
    { Sid: 'Tagged', Effect: 'Allow', Action: 'ec2:*Instances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } } },
    { Sid: 'Office', Effect: 'Allow', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } } },
    { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  ],
};
const BOUNDARY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Services', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
    { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
  ],
};
const SCP = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: '*', Resource: '*' },
    { Sid: 'Regions', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } },
  ],
};

const PRINCIPAL = 'arn:aws:iam::111122223333:user/alice';
const REQUESTS = [
  ['s3:GetObject', 'arn:aws:s3:::artifacts/app/build.zip', { 'aws:RequestedRegion': 'eu-west-1' }],
  ['s3:PutObject', 'arn:aws:s3:::artifacts/alice/x', { 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'true' }],
  ['s3:PutObject', 'arn:aws:s3:::artifacts/bob/x', { 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'true' }],
  ['logs:PutLogEvents', 'arn:aws:logs:eu-west-1:111122223333:log-group:/app/web:log-stream:1', { 'aws:RequestedRegion': 'eu-west-1' }],
  ['ec2:RunInstances', 'arn:aws:ec2:eu-west-1:111122223333:instance/*', { 'aws:RequestedRegion': 'eu-west-1', 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'blue', 'aws:TagKeys': ['team'] }],
  ['dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', { 'aws:RequestedRegion': 'eu-west-1', 'aws:SourceIp': '203.0.113.9' }],
  ['dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', { 'aws:RequestedRegion': 'us-east-1', 'aws:SourceIp': '198.51.100.1' }],
  ['iam:CreateUser', 'arn:aws:iam::111122223333:user/x', { 'aws:MultiFactorAuthPresent': 'true' }],
  ['s3:DeleteBucket', 'arn:aws:s3:::artifacts', { 'aws:RequestedRegion': 'eu-west-1' }],
  ['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:q', {}],
];

function percentile(samples, p) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Per-call milliseconds of fn(i) over `n` calls after a warm-up. */
function samplesOf(fn, n) {
  for (let i = 0; i < 2000; i++) fn(i);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  return out;
}

export async function run(ctx) {
  const E = ctx.service.evaluation;
  const texts = [JSON.stringify(IDENTITY, null, 2), JSON.stringify(BOUNDARY, null, 2), JSON.stringify(SCP, null, 2)];
  const identity = E.policyFromText('identity.json', texts[0], 'identity').policy;
  const boundary = E.policyFromText('boundary.json', texts[1], 'boundary').policy;
  const scp = E.policyFromText('scp.json', texts[2], 'scp').policy;
  const set = { identity: [identity], boundary, scp: [[scp]] };
  const statements = identity.doc.statements.length + boundary.doc.statements.length + scp.doc.statements.length;
  const requests = REQUESTS.map(([action, resource, context]) => ({ principal: PRINCIPAL, action, resource, context }));
  const options = { catalog: ctx.catalog };
  let sink = 0;
  const n = 20000;
  const evalSamples = samplesOf((i) => {
    sink += E.evaluate(set, requests[i % requests.length], options).statements.length;
  }, n);
  // baseline: reading the same policies' JSON once per request
  const baseSamples = samplesOf(() => {
    for (const t of texts) sink += JSON.parse(t).Statement.length;
  }, n);
  const p95 = percentile(evalSamples, 95);
  const base95 = percentile(baseSamples, 95);

  // pathological wildcard: a*×10 then b, against 200 characters (no match: the worst case for backtracking)
  const wild = E.policyFromText('wild.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b/${'a*'.repeat(10)}b`, Condition: { StringLike: { 's3:prefix': `${'a*'.repeat(10)}b` } } }] }), 'identity').policy;
  const longKey = 'a'.repeat(200);
  const wildReq = { principal: PRINCIPAL, action: 's3:GetObject', resource: `arn:aws:s3:::b/${longKey}`, context: { 's3:prefix': longKey } };
  const wildMs = ctx.median(samplesOf(() => {
    sink += E.evaluate({ identity: [wild] }, wildReq).statements.length;
  }, 2000));
  if (sink === 42) console.log('');
  return [
    { name: `evaluate: p95 per request, ${statements} statements (identity + boundary + SCP), ${requests.length} requests`, value: p95, unit: 'ms', target: '<= 0.5' },
    { name: 'evaluate: p95 as a ratio to JSON.parse of the same policies (same run)', value: p95 / base95, unit: 'x', target: 'note' },
    { name: 'evaluate: median per request', value: ctx.median(evalSamples), unit: 'ms' },
    { name: 'evaluate: pathological wildcard (a* x10 then b vs 200 chars, Resource + StringLike)', value: wildMs, unit: 'ms', target: '<= 1' },
  ];
}
