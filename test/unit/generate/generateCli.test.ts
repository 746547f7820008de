// End to end: `node dist/cli.js generate` on log files written after the CloudTrail User Guide's event
// examples (examples/cloudtrail/: gzip files in an AWSLogs/ tree, lookup-events output), on damaged files
// (corrupt gzip, truncated JSON), with the filters, --compare, --minimize and the size split; and the
// generated policies checked by our own rules. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { createIamLanguageService } from '../../../server/src/service';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const EXAMPLES = join(REPO_ROOT, 'examples', 'cloudtrail');
const ROLE = 'arn:aws:iam::111122223333:role/deploy-role';
const ALICE = 'arn:aws:iam::111122223333:user/Alice';

function cli(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'generate', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Statement {
  Sid: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}
interface Policy {
  Version: string;
  Statement: Statement[];
}
const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
const grants = (p: Policy): Map<string, string[]> => {
  const m = new Map<string, string[]>();
  for (const s of p.Statement) for (const a of list(s.Action)) m.set(a, [...(m.get(a) ?? []), ...list(s.Resource)].sort());
  return m;
};

function tmp(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-generate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function record(name: string, source: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', arn: ALICE, accountId: '111122223333', userName: 'Alice' },
    eventTime: '2026-02-01T10:00:00Z',
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    requestParameters: null,
    responseElements: null,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    ...extra,
  };
}

test('the examples folder (an AWSLogs/ tree of .json.gz plus lookup-events output) for the deploy role', () => {
  const r = cli([EXAMPLES, '--principal', ROLE]);
  assert.equal(r.status, 0, r.stderr);
  const policy = JSON.parse(r.stdout) as Policy;
  const g = grants(policy);
  assert.deepEqual([...g.keys()].sort(), [
    'cloudformation:CreateStack',
    'cloudformation:DescribeStacks',
    'kms:ReEncryptFrom',
    'kms:ReEncryptTo',
    'lambda:CreateFunction',
    'lambda:GetFunction',
    'lambda:UpdateFunctionCode',
    'logs:CreateLogGroup',
    's3:GetBucketLocation',
    's3:ListAllMyBuckets',
    's3:ListBucket',
    's3:PutObject',
    'secretsmanager:GetSecretValue',
    'sqs:SendMessage',
    'sts:GetCallerIdentity',
  ]);
  assert.deepEqual(g.get('s3:PutObject'), ['arn:aws:s3:::amzn-s3-demo-artifacts/builds/app-1.4.2.zip']);
  assert.deepEqual(g.get('s3:ListBucket'), ['arn:aws:s3:::amzn-s3-demo-artifacts']);
  assert.deepEqual(g.get('s3:ListAllMyBuckets'), ['*']);
  assert.deepEqual(g.get('lambda:CreateFunction'), ['arn:aws:lambda:us-east-1:111122223333:function:app-fn']);
  assert.deepEqual(g.get('sqs:SendMessage'), ['arn:aws:sqs:us-east-1:111122223333:app-events']);
  assert.deepEqual(g.get('logs:CreateLogGroup'), ['arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/app-fn']);
  assert.deepEqual(g.get('secretsmanager:GetSecretValue'), ['arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/app/db-??????']);
  // CreateStack returned the stack's ARN; DescribeStacks named the stack but not its id: a placeholder, not "*"
  assert.ok(g.get('cloudformation:CreateStack')!.includes('arn:aws:cloudformation:us-east-1:111122223333:stack/app/0a1b2c3d-EXAMPLE'));
  assert.deepEqual(g.get('cloudformation:DescribeStacks'), ['arn:aws:cloudformation:us-east-1:111122223333:stack/app/${Id}']);
  // denied iam:CreateRole, unlogged iam:PassRole and the unmapped PartiQL call are not granted
  assert.ok(!g.has('iam:CreateRole') && !g.has('iam:PassRole'));
  assert.match(r.stderr, /3 files/);
});

test('--format json: the fixed shape, denied, not logged (PassRole), unmapped', () => {
  const r = cli([EXAMPLES, '--principal', ROLE, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { policy: Policy; report: Record<string, unknown> };
  assert.equal(out.policy.Version, '2012-10-17');
  const report = out.report as { events: number; used: string[]; denied: string[]; notLogged: { action: string; why: string; resource?: string }[]; unmapped: { eventSource: string; eventName: string; count: number }[]; unusedGrants: string[]; usage: { action: string; count: number; firstSeen: string; lastSeen: string }[] };
  for (const key of ['events', 'used', 'denied', 'notLogged', 'unmapped', 'unusedGrants']) assert.ok(key in report, key);
  assert.equal(report.events, 16);
  assert.deepEqual(report.denied, ['iam:CreateRole']);
  assert.deepEqual(report.unmapped, [{ eventSource: 'dynamodb.amazonaws.com', eventName: 'ExecuteStatement', count: 1 }]);
  assert.deepEqual(report.notLogged.map((n) => [n.action, n.resource]), [
    ['iam:PassRole', 'arn:aws:iam::111122223333:role/app-fn-exec'],
    ['iam:PassRole', 'arn:aws:iam::111122223333:role/cfn-deploy'],
  ]);
  assert.deepEqual(report.unusedGrants, []);
  const lambda = report.usage.find((u) => u.action === 'lambda:CreateFunction')!;
  assert.deepEqual([lambda.count, lambda.firstSeen, lambda.lastSeen], [1, '2026-01-15T09:01:00Z', '2026-01-15T09:01:00Z']);
  assert.ok(report.used.includes('kms:ReEncryptFrom') && report.used.includes('kms:ReEncryptTo'));
});

test('one IAM user from one gzip file; AccessDenied reported, another error code still counts as used', () => {
  const file = join(EXAMPLES, 'AWSLogs/111122223333/CloudTrail/us-east-2/2026/01/15/111122223333_CloudTrail_us-east-2_20260115T0215Z_Mu0KsOhtH1ar15ZZ.json.gz');
  const r = cli([file, '--principal', ALICE, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { policy: Policy; report: { denied: string[]; used: string[] } };
  const g = grants(out.policy);
  assert.deepEqual(g.get('ec2:StartInstances'), ['arn:aws:ec2:us-east-2:111122223333:instance/i-ebeaf9e2']);
  assert.deepEqual(g.get('ec2:DescribeInstances'), ['*']);
  assert.deepEqual(g.get('iam:CreateUser'), ['arn:aws:iam::111122223333:user/Bob']);
  assert.ok(g.has('cloudtrail:UpdateTrail'), 'TrailNotFoundException: the call was authorized');
  assert.deepEqual(out.report.denied, ['iam:DeleteUser']);
  assert.ok(!out.report.used.some((a) => a.startsWith('signin:')), 'console sign-in is not an API call');
});

test('lookup-events output alone, and --since/--until', () => {
  const lookup = join(EXAMPLES, 'lookup-events.json');
  const all = JSON.parse(cli([lookup, '--format', 'json']).stdout) as { report: { used: string[] } };
  assert.deepEqual(all.report.used, ['cloudformation:CreateStack', 'cloudformation:DescribeStacks', 'secretsmanager:GetSecretValue']);
  const window = JSON.parse(cli([lookup, '--format', 'json', '--since', '2026-01-16T10:04:00Z', '--until', '2026-01-16T10:05:30Z']).stdout) as { report: { used: string[]; events: number } };
  assert.deepEqual(window.report.used, ['cloudformation:DescribeStacks']);
  assert.equal(window.report.events, 1);
  const bad = cli([lookup, '--since', 'yesterday']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--since must be an ISO 8601 date/);
});

test('a corrupt gzip file and a truncated JSON file: named errors, exit 2, everything else kept', (t) => {
  const dir = tmp(t);
  cpSync(EXAMPLES, join(dir, 'logs'), { recursive: true });
  const good = readFileSync(join(EXAMPLES, 'lookup-events.json'));
  // a gzip member whose deflate data is damaged in the middle
  const records = { Records: Array.from({ length: 400 }, (_, i) => record('GetUser', 'iam.amazonaws.com', { requestParameters: { userName: `u${i}` } })) };
  const gz = gzipSync(JSON.stringify(records));
  for (let i = 200; i < 260; i++) gz[i] = gz[i]! ^ 0x5a;
  writeFileSync(join(dir, 'logs', 'broken.json.gz'), gz);
  // a gzip file cut short (an interrupted download)
  writeFileSync(join(dir, 'logs', 'half.json.gz'), gzipSync(JSON.stringify({ Records: [record('ListPolicies', 'iam.amazonaws.com')] })).subarray(0, 40));
  // a file cut in the middle of its third record
  const text = JSON.stringify({ Records: [record('ListUsers', 'iam.amazonaws.com'), record('ListRoles', 'iam.amazonaws.com'), record('ListGroups', 'iam.amazonaws.com')] });
  writeFileSync(join(dir, 'logs', 'cut.json'), text.slice(0, text.lastIndexOf('ListGroups')));
  assert.ok(good.length > 0);
  const r = cli([join(dir, 'logs'), '--format', 'json']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /broken\.json\.gz: error: damaged gzip data/);
  assert.match(r.stderr, /half\.json\.gz: error: damaged gzip data \(Z_BUF_ERROR: unexpected end of file\)/);
  assert.match(r.stderr, /cut\.json: error: truncated JSON: the file ends inside the Records array \(after 2 complete records\)/);
  const out = JSON.parse(r.stdout) as { report: { used: string[] } };
  // the truncated file's two complete records and every other file still count
  for (const a of ['iam:ListUsers', 'iam:ListRoles', 'lambda:CreateFunction', 'ec2:StartInstances', 'cloudformation:CreateStack']) assert.ok(out.report.used.includes(a), a);
  assert.ok(!out.report.used.includes('iam:ListGroups'));
  // a missing path is an unreadable input too
  const missing = cli([join(dir, 'nope.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.json: error: no such file or folder/);
});

test('--compare lists the grants of an existing policy that were never used', (t) => {
  const dir = tmp(t);
  const current = join(dir, 'current.json');
  writeFileSync(current, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:DeleteQueue', 'lambda:Get*'], Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }] }));
  const r = cli([EXAMPLES, '--principal', ROLE, '--format', 'json', '--compare', current]);
  assert.equal(r.status, 0, r.stderr);
  const unused = (JSON.parse(r.stdout) as { report: { unusedGrants: string[] } }).report.unusedGrants;
  assert.ok(unused.includes('sqs:DeleteQueue') && unused.includes('lambda:GetPolicy'));
  assert.ok(!unused.includes('sqs:SendMessage') && !unused.includes('lambda:GetFunction'), 'used actions are not unused');
  assert.ok(!unused.some((a) => a.startsWith('s3:')), 'Deny statements grant nothing');
});

test('generated policies get no error and no warning from our own checks except about placeholders', (t) => {
  const catalog = testCatalog();
  const service = createIamLanguageService({ catalog });
  const dir = tmp(t);
  // a wide log: many services and resource kinds, including placeholders
  const wide = { Records: [
    record('AssumeRole', 'sts.amazonaws.com', { requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/assumed', roleSessionName: 's' } }),
    record('RunInstances', 'ec2.amazonaws.com', { requestParameters: { instanceType: 't3.micro' } }),
    record('GetObject', 's3.amazonaws.com', { requestParameters: { bucketName: 'b1', key: 'k/1.txt' } }),
    record('HeadObject', 's3.amazonaws.com', { requestParameters: { bucketName: 'b1' } }),
    record('PutItem', 'dynamodb.amazonaws.com', { requestParameters: { tableName: 'orders' } }),
    record('Publish', 'sns.amazonaws.com', { requestParameters: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } }),
    record('AttachRolePolicy', 'iam.amazonaws.com', { requestParameters: { roleName: 'app', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }),
    record('PutMetricData', 'monitoring.amazonaws.com'),
    record('GetRestApis', 'apigateway.amazonaws.com'),
    record('Decrypt', 'kms.amazonaws.com', { requestParameters: { keyId: 'alias/app' } }),
    record('CreateFunction20150331', 'lambda.amazonaws.com', { requestParameters: { functionName: 'fn', role: 'arn:aws:iam::111122223333:role/r' } }),
  ] };
  writeFileSync(join(dir, 'wide.json'), JSON.stringify(wide));
  for (const [args, name] of [[[EXAMPLES, '--principal', ROLE], 'role'], [[EXAMPLES, '--principal', ALICE], 'alice'], [[join(dir, 'wide.json')], 'wide'], [[join(dir, 'wide.json'), '--minimize'], 'wide-min']] as const) {
    const r = cli([...args]);
    assert.equal(r.status, 0, r.stderr);
    const doc = TextDocument.create(`file:///${name}.json`, 'json', 1, r.stdout);
    if (name === 'wide') {
      const report = JSON.parse(cli([...args, '--format', 'json']).stdout) as { report: { notLogged: { action: string; resource?: string }[] } };
      // the role passed to Lambda, not the one assumed through STS
      assert.deepEqual(report.report.notLogged.filter((n) => n.action === 'iam:PassRole').map((n) => n.resource), ['arn:aws:iam::111122223333:role/r']);
    }
    const findings = service.findings(service.parse(doc, { policyType: 'identity' }));
    const bad = findings
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => ({ code: f.code, text: r.stdout.slice(f.span.offset, f.span.offset + f.span.length) }))
      .filter((f) => !(f.code === 'UNKNOWN_POLICY_VARIABLE' && f.text.includes('${')));
    assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad)}`);
    // never "*" for an action that accepts a resource
    for (const s of (JSON.parse(r.stdout) as Policy).Statement) {
      if (!list(s.Resource).includes('*')) continue;
      for (const a of list(s.Action)) for (const info of catalog.expandActions(a)) assert.equal(info.resources.length, 0, `${info.fullName} on "*"`);
    }
  }
});

test('--minimize never grants an action that was not used (checked by expansion)', (t) => {
  const catalog = testCatalog();
  const dir = tmp(t);
  const names = catalog.getService('sqs')!.actions.map((a) => a.name);
  // every sqs action but one: a wildcard over them must not cover the missing one
  const used = names.filter((n) => n !== 'DeleteQueue');
  writeFileSync(join(dir, 'sqs.json'), JSON.stringify({ Records: used.map((n) => record(n, 'sqs.amazonaws.com')) }));
  const r = cli([join(dir, 'sqs.json'), '--minimize']);
  assert.equal(r.status, 0, r.stderr);
  const policy = JSON.parse(r.stdout) as Policy;
  const written = policy.Statement.flatMap((s) => list(s.Action));
  assert.ok(written.some((a) => a.includes('*')), `some wildcard: ${written.join(', ')}`);
  assert.ok(written.length < used.length);
  const granted = new Set(written.flatMap((a) => catalog.expandActions(a).map((i) => i.fullName)));
  assert.deepEqual([...granted].sort(), used.map((n) => `sqs:${n}`).sort());
});

test('a policy over 6,144 characters is split into documents within the limit that together grant the same', (t) => {
  const catalog = testCatalog();
  const dir = tmp(t);
  const ec2 = catalog.getService('ec2')!.actions.slice(0, 400).map((a) => a.name);
  writeFileSync(join(dir, 'big.json'), JSON.stringify({ Records: ec2.map((n, i) => record(n, 'ec2.amazonaws.com', { requestParameters: { instanceId: `i-${i.toString(16).padStart(8, '0')}` } })) }));
  const r = cli([join(dir, 'big.json'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { policy: Policy; policies: Policy[]; report: { policies: number; sizes: number[] } };
  assert.ok(out.policies.length > 1, `${out.policies.length} documents`);
  for (const p of out.policies) assert.ok(JSON.stringify(p).length <= 6144, String(JSON.stringify(p).length));
  const whole = grants(out.policy);
  const parts = new Map<string, string[]>();
  for (const p of out.policies) for (const [a, res] of grants(p)) parts.set(a, [...(parts.get(a) ?? []), ...res].sort());
  assert.deepEqual([...parts].sort(), [...whole].sort());
  // the default format prints every document
  const plain = cli([join(dir, 'big.json')]);
  assert.match(plain.stderr, /split into \d+ documents/);
});

test('resources per action stay bounded: many object keys are generalised and the report says so', (t) => {
  const dir = tmp(t);
  const recs = Array.from({ length: 1000 }, (_, i) => record('GetObject', 's3.amazonaws.com', { requestParameters: { bucketName: 'data', key: `day/${i % 5}/part-${i}.parquet` } }));
  writeFileSync(join(dir, 'objects.json'), JSON.stringify({ Records: recs }));
  const r = cli([join(dir, 'objects.json'), '--format', 'json']);
  const out = JSON.parse(r.stdout) as { policy: Policy; report: { usage: { action: string; generalised: boolean; count: number }[] } };
  assert.deepEqual(grants(out.policy).get('s3:GetObject'), ['0', '1', '2', '3', '4'].map((d) => `arn:aws:s3:::data/day/${d}/*`));
  const u = out.report.usage.find((x) => x.action === 's3:GetObject')!;
  assert.deepEqual([u.count, u.generalised], [1000, true]);
});

test('--list-principals and the usage errors', (t) => {
  const r = cli([EXAMPLES, '--list-principals']);
  assert.equal(r.status, 0);
  assert.deepEqual(r.stdout.trim().split('\n'), [`16\t${ROLE}`, `6\t${ALICE}`, '1\tlambda.amazonaws.com']);
  assert.equal(cli([]).status, 2);
  assert.equal(cli([EXAMPLES, '--format', 'yaml']).status, 2);
  assert.match(cli([EXAMPLES, '--jobs', '0']).stderr, /--jobs must be "auto" or a whole number from 1 to 16/);
  const dir = tmp(t);
  mkdirSync(join(dir, 'empty'));
  const none = cli([join(dir, 'empty')]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no \.json or \.json\.gz log files found/);
  writeFileSync(join(dir, 'policy.json'), '{"Version":"2012-10-17","Statement":[]}');
  const foreign = cli([join(dir, 'policy.json')]);
  assert.equal(foreign.status, 2);
  assert.match(foreign.stderr, /policy\.json: error: no "Records" or "Events" array/);
});

test('--jobs auto (a log-reader thread), --jobs 1 and --jobs 3 give the same result, damaged files included', (t) => {
  // over 4 MB of logs, so auto starts the reader thread: records cross the 1 MB batch boundaries, some are not
  // ASCII, one is not JSON, one file is lookup-events output, one is cut short and one is corrupt gzip
  const dir = tmp(t);
  cpSync(EXAMPLES, join(dir, 'logs'), { recursive: true });
  const roles = ['arn:aws:iam::111122223333:role/deploy-role', 'arn:aws:iam::111122223333:role/app/reader'];
  const call = (i: number): Record<string, unknown> =>
    record(['GetObject', 'PutObject', 'ListBuckets', 'DescribeInstances', 'Decrypt'][i % 5]!, ['s3.amazonaws.com', 's3.amazonaws.com', 's3.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com'][i % 5]!, {
      eventTime: new Date(Date.UTC(2026, 1, 1) + i * 1000).toISOString(),
      userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/${i % 3 ? 'deploy-role' : 'reader'}/s${i}`, accountId: '111122223333', sessionContext: { sessionIssuer: { type: 'Role', arn: roles[i % 3 ? 0 : 1] } } },
      requestParameters: i % 5 < 2 ? { bucketName: `bucket-${i % 4}`, key: i % 7 === 0 ? `données/é-${i}.txt` : `k/${i}` } : i % 5 === 4 ? { keyId: `arn:aws:kms:us-east-1:111122223333:key/k-${i % 2}` } : null,
      userAgent: 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.debian.12 prompt/off command/s3.cp'.repeat(3),
      tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 's3.amazonaws.com' },
      ...(i % 97 === 0 ? { errorCode: 'AccessDenied', errorMessage: 'Access Denied' } : {}),
    });
  for (let f = 0; f < 4; f++) {
    const records = Array.from({ length: 1500 }, (_, k) => JSON.stringify(call(f * 1500 + k)));
    if (f === 2) records[700] = '{"eventName": broken}';
    writeFileSync(join(dir, 'logs', `big-${f}.json`), `{"Records":[${records.join(',')}]}`);
  }
  writeFileSync(join(dir, 'logs', 'big-lookup.json'), JSON.stringify({ Events: Array.from({ length: 300 }, (_, k) => ({ EventId: String(k), EventName: 'GetObject', CloudTrailEvent: JSON.stringify(call(k)) })) }, null, 2));
  const text = JSON.stringify({ Records: [record('ListUsers', 'iam.amazonaws.com'), record('ListRoles', 'iam.amazonaws.com')] });
  writeFileSync(join(dir, 'logs', 'cut.json'), text.slice(0, text.length - 30));
  const gz = gzipSync(JSON.stringify({ Records: Array.from({ length: 400 }, (_, k) => call(k)) }));
  writeFileSync(join(dir, 'logs', 'corrupt.json.gz'), Buffer.concat([gz.subarray(0, 3000), Buffer.alloc(64, 7), gz.subarray(3064)]));
  // which threads each run starts, seen from outside: a preloaded hook names every Worker's script at exit
  const hook = join(dir, 'workers.cjs');
  // (the hook runs in the worker threads too: only the main thread reports)
  writeFileSync(hook, `const wt = require('node:worker_threads'); if (wt.isMainThread) { const seen = []; const W = wt.Worker; wt.Worker = class extends W { constructor(f, o) { super(f, o); seen.push(require('node:path').basename(String(f))); } }; process.on('exit', () => process.stderr.write('WORKERS=' + seen.join(',') + '\\n')); }`);
  const run = (args: string[]): { status: number | null; stdout: string; stderr: string; workers: string } => {
    const r = cli(args, { NODE_OPTIONS: `--require ${hook}` });
    const reports = [...r.stderr.matchAll(/WORKERS=(.*)\n/g)];
    assert.equal(reports.length, 1, r.stderr);
    return { ...r, stderr: r.stderr.replace(/WORKERS=.*\n/, ''), workers: reports[0]![1]! };
  };
  for (const args of [[join(dir, 'logs'), '--format', 'json'], [join(dir, 'logs'), '--format', 'json', '--principal', roles[1]!]]) {
    const auto = run(args);
    assert.equal(auto.workers, availableParallelism() >= 2 ? 'logReader.js' : '');
    assert.equal(auto.status, 2);
    // with --principal, a record whose text lacks the principal is skipped unparsed, the broken one included
    if (!args.includes('--principal')) assert.match(auto.stderr, /big-2\.json: error: 1 record with invalid JSON skipped/);
    assert.match(auto.stderr, /cut\.json: error: truncated JSON/);
    assert.match(auto.stderr, /corrupt\.json\.gz: error: damaged gzip data/);
    const report = (JSON.parse(auto.stdout) as { report: { records: number; used: unknown[] } }).report;
    assert.equal(report.records, 6325 - (args.includes('--principal') ? 0 : 1));
    assert.ok(report.used.length >= 3);
    for (const jobs of ['1', '3']) {
      const other = run([...args, '--jobs', jobs]);
      assert.equal(other.workers, jobs === '1' ? '' : 'cli.js,cli.js,cli.js');
      assert.equal(other.status, 2);
      assert.equal(other.stdout, auto.stdout, `--jobs ${jobs}`);
      assert.equal(other.stderr, auto.stderr, `--jobs ${jobs}`);
    }
  }
});

test('--jobs 3 (worker threads) gives the same result as one thread, damaged files included', (t) => {
  const dir = tmp(t);
  cpSync(EXAMPLES, join(dir, 'logs'), { recursive: true });
  const text = JSON.stringify({ Records: [record('ListUsers', 'iam.amazonaws.com'), record('ListRoles', 'iam.amazonaws.com')] });
  writeFileSync(join(dir, 'logs', 'cut.json'), text.slice(0, text.length - 30));
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, 'logs', `extra-${i}.json.gz`), gzipSync(JSON.stringify({ Records: Array.from({ length: 50 }, (_, k) => record(k % 2 ? 'GetObject' : 'PutObject', 's3.amazonaws.com', { requestParameters: { bucketName: `b${i}`, key: `k${k}` } })) })));
  for (const args of [[join(dir, 'logs'), '--format', 'json'], [join(dir, 'logs'), '--format', 'json', '--principal', ROLE]]) {
    const one = cli(args);
    const two = cli([...args, '--jobs', '3']);
    assert.equal(one.status, 2);
    assert.equal(two.status, 2);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(two.stderr, /cut\.json: error: truncated JSON/);
  }
});
