// Realistic identity policies of a requested size for the benchmark: real actions from the catalog, service
// ARNs with account and region, condition blocks. Deterministic (seeded), so runs compare.

const SERVICES = {
  s3: (r) => [`arn:aws:s3:::acme-${r.word()}-bucket`, `arn:aws:s3:::acme-${r.word()}-bucket/${r.word()}/*`],
  dynamodb: (r) => [`arn:aws:dynamodb:${r.region()}:111122223333:table/${r.word()}`, `arn:aws:dynamodb:${r.region()}:111122223333:table/${r.word()}/index/*`],
  sqs: (r) => [`arn:aws:sqs:${r.region()}:111122223333:${r.word()}-queue`],
  sns: (r) => [`arn:aws:sns:${r.region()}:111122223333:${r.word()}-topic`],
  lambda: (r) => [`arn:aws:lambda:${r.region()}:111122223333:function:${r.word()}-*`],
  logs: (r) => [`arn:aws:logs:${r.region()}:111122223333:log-group:/aws/lambda/${r.word()}:*`],
  kms: (r) => [`arn:aws:kms:${r.region()}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  ec2: (r) => [`arn:aws:ec2:${r.region()}:111122223333:instance/*`, `arn:aws:ec2:${r.region()}::image/ami-*`],
  secretsmanager: (r) => [`arn:aws:secretsmanager:${r.region()}:111122223333:secret:${r.word()}-??????`],
  ssm: (r) => [`arn:aws:ssm:${r.region()}:111122223333:parameter/${r.word()}/*`],
};

const CONDITIONS = [
  () => ({ Bool: { 'aws:SecureTransport': 'true' } }),
  (r) => ({ StringEquals: { 'aws:RequestedRegion': [r.region(), r.region()] } }),
  () => ({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
  (r) => ({ StringEquals: { 'aws:ResourceTag/project': r.word() } }),
  () => ({ IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '198.51.100.0/24'] } }),
  () => ({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['project', 'owner', 'env'] } }),
];

const WORDS = ['orders', 'billing', 'reports', 'audit', 'ingest', 'media', 'users', 'events', 'search', 'payments'];
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = (a) => a[Math.floor(next() * a.length)];
  return { next, pick, word: () => pick(WORDS), region: () => pick(REGIONS) };
}

export function generatePolicy(catalog, bytes, seed = 1) {
  const r = rng(seed);
  const prefixes = Object.keys(SERVICES).filter((p) => catalog.getService(p));
  const statements = [];
  const policy = { Version: '2012-10-17', Statement: statements };
  let text = JSON.stringify(policy, null, 2);
  for (let i = 0; text.length < bytes; i++) {
    const prefix = r.pick(prefixes);
    const actions = catalog.getService(prefix).actions;
    const count = 3 + Math.floor(r.next() * 10);
    const chosen = new Set();
    for (let k = 0; k < count; k++) chosen.add(r.pick(actions).fullName);
    if (r.next() < 0.2) chosen.add(`${prefix}:${r.pick(['Get', 'List', 'Describe'])}*`);
    const statement = { Sid: `Stmt${i}`, Effect: r.next() < 0.85 ? 'Allow' : 'Deny', Action: [...chosen].sort(), Resource: SERVICES[prefix](r) };
    if (r.next() < 0.6) statement.Condition = r.pick(CONDITIONS)(r);
    statements.push(statement);
    text = JSON.stringify(policy, null, 2);
  }
  return text;
}
