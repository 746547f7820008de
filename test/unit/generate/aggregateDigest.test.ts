// The folding of CloudTrail records (GenerateAggregator.add/merge and generateResult) must give exactly the same
// answers when it is made faster: a varied, deterministic log set (examples/cloudtrail, the bench generator's
// logs, and synthetic records over every (eventSource, eventName) row of the mapping fixture with varied
// parameters, resources, identities, regions, errors and malformed records) is folded under several filters, and
// the whole aggregator state (insertion order included) and the JSON report are hashed and compared with the
// checked-in digest test/fixtures/generate/aggregate-digest.json. Nothing depends on the clock.
//
// The CLI reader parses only the fields of RECORD_FIELDS (recordFields.ts): the same digest must come out of
// records cut down to them (the folding reads no other field, at any depth; recordFields.test.ts checks the
// reads themselves on the examples).
//
// A deliberate change of generation output: regenerate with
//   npm run build && npm run build:tests && UPDATE_GENERATE_DIGEST=1 node scripts/runTests.mjs aggregateDigest
// and say in the commit why the output changed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { GenerateAggregator, generateResult, type GenerateFilter } from '../../../server/src/service/generate';
import { RECORD_FIELDS, type RecordFieldTree } from '../../../server/src/service/generate/recordFields';
import { prng } from '../../support/policyGenerator';

const DIGEST = join(REPO_ROOT, 'test', 'fixtures', 'generate', 'aggregate-digest.json');
const update = process.env['UPDATE_GENERATE_DIGEST'] === '1';

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (/\.json(\.gz)?$/.test(name)) out.push(p);
  }
  return out;
}

/** Records of a Records file or a lookup-events file (each CloudTrailEvent string parsed). */
function recordsOf(path: string): unknown[] {
  const buf = readFileSync(path);
  const doc = JSON.parse((path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')) as { Records?: unknown[]; Events?: { CloudTrailEvent: string }[] };
  return doc.Records ?? doc.Events!.map((e) => JSON.parse(e.CloudTrailEvent) as unknown);
}

function benchLogRecords(): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), 'iam-aggregate-digest-'));
  try {
    const script = `import(${JSON.stringify(join(REPO_ROOT, 'bench', 'generate.mjs'))}).then((m) => m.writeLogs(${JSON.stringify(dir)}, { targetBytes: 0, distinct: 2, recordsPerFile: 3000, seed: 11 }))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return filesUnder(dir).flatMap(recordsOf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


const A = '111122223333';
const B = '444455556666';

/** Synthetic records: every mapping-fixture row several times, with varied identities, parameters and resources. */
function syntheticRecords(): unknown[] {
  const rand = prng(20260105);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rows = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'generate', 'mapping.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]);
  const extraKinds: [string, string][] = [
    ['s3.amazonaws.com', 'GetObject'],
    ['s3.amazonaws.com', 'ListObjectsV2'],
    ['lambda.amazonaws.com', 'CreateFunction20150331'],
    ['lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2'],
    ['cloudfront.amazonaws.com', 'UpdateDistribution2017_03_25'],
    ['apigateway.amazonaws.com', 'GetRestApis'],
    ['apigateway.amazonaws.com', 'Getaway'],
    ['apigateway.amazonaws.com', 'CreateDeployment'],
    ['kms.amazonaws.com', 'ReEncrypt'],
    ['ec2.amazonaws.com', 'RunInstances'],
    ['ecs.amazonaws.com', 'RunTask'],
    ['nosuch.amazonaws.com', 'DoThing'],
    ['s3.amazonaws.com', 'NoSuchOperation'],
    ['s3.amazonaws.com', 'Get-Object'],
    ['example.com', 'GetObject'],
    ['S3.AMAZONAWS.COM', 'GetObject'],
    ['monitoring.amazonaws.com', 'PutMetricAlarm'],
    ['secretsmanager.amazonaws.com', 'GetSecretValue'],
    ['sqs.amazonaws.com', 'SendMessage'],
    ['iam.amazonaws.com', 'CreateRole'],
    ['iam.amazonaws.com', 'GetRole'],
    ['sts.amazonaws.com', 'AssumeRole'],
  ];
  const kinds = [...rows, ...extraKinds];
  const identities: unknown[] = [
    { type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/app/s1`, accountId: A, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${A}:role/service-role/app`, accountId: A, userName: 'app' } } },
    { type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/app/s2`, accountId: A, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${A}:role/service-role/app`, accountId: A, userName: 'app' } } },
    { type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/Deployer/ci`, accountId: A, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${A}:role/Deployer`, accountId: A } } },
    { type: 'AssumedRole', arn: `arn:aws-cn:sts::${B}:assumed-role/app/s1`, accountId: B, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws-cn:iam::${B}:role/a/b/app`, accountId: B } } },
    // same account, name and session as the first roles, another partition
    { type: 'AssumedRole', arn: `arn:aws-cn:sts::${A}:assumed-role/app/s2`, accountId: A, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws-cn:iam::${A}:role/service-role/app`, accountId: A } } },
    // the issuer's ARN is not a role's: the caller is the session's role
    { type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/App/s2`, accountId: A, sessionContext: { sessionIssuer: { type: 'Role', arn: 'not-an-arn' } } },
    { type: 'IAMUser', arn: `arn:aws:iam::${A}:user/Alice`, accountId: A, userName: 'Alice' },
    { type: 'IAMUser', arn: `arn:aws:iam::${A}:user/division/ALICE2`, accountId: A },
    { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A },
    { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
    { type: 'AWSAccount', accountId: B },
    { type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/app/s1`, sessionContext: { sessionIssuer: 'not an object' } },
    { type: 'Unknown' },
    'not an object',
    undefined,
  ];
  const regions = ['us-east-1', 'us-east-1', 'eu-west-1', 'cn-north-1', 'cn-northwest-9', 'us-gov-west-1', 'us-gov-east-7', 'xx-nowhere-1', undefined, 42];
  const names = ['alpha', 'beta', 'Gamma-1', 'with space', 'star*', 'colon:x', 'dollar$', '', 'a/b/c', 'q?'];
  const roleArns = [`arn:aws:iam::${A}:role/service-role/app`, `arn:aws:iam::${A}:role/Deployer`, `arn:aws:iam::${A}:role/ecsTaskRole`, `arn:aws:iam::${A}:instance-profile/web`, `arn:aws:iam::12345:role/bad`, `arn:aws:iam::${A}:role/with space`];
  const paramKeys = ['bucketName', 'BucketName', 'key', 'roleName', 'RoleName', 'userName', 'groupName', 'policyName', 'instanceProfileName', 'functionName', 'FunctionName', 'tableName', 'TableName', 'secretId', 'name', 'Name', 'logGroupName', 'logStreamName', 'stackName', 'clusterName', 'repositoryName', 'topicName', 'queueName', 'keyId', 'alias', 'distributionId', 'id', 'restApiId', 'instanceId', 'volumeId', 'vpcId', 'streamName', 'ruleName', 'stateMachineName', 'parameterName', 'hostedZoneId', 'certificateArn', 'resourceArn'];
  const records: unknown[] = [null, 42, 'text', [], {}, { eventSource: 's3.amazonaws.com' }, { eventName: 'GetObject' }, { eventSource: 7, eventName: 'GetObject' }];
  let t = Date.parse('2026-01-01T00:00:00Z');
  const arnFor = (source: string, region: string): string => {
    const svc = source.split('.')[0]!;
    return pick([`arn:aws:${svc}:${region}:${A}:thing/${pick(names)}`, `arn:aws:s3:::bucket-${Math.floor(rand() * 5)}/key/${Math.floor(rand() * 400)}`, `arn:aws:s3:::bucket-${Math.floor(rand() * 5)}`, `arn:aws:iam::${A}:role/path/r${Math.floor(rand() * 3)}`, `arn:aws:${svc}:${region}:${A}:*`, `arn:aws:kms:${region}:${A}:key/k-${Math.floor(rand() * 4)}`]);
  };
  for (let round = 0; round < 4; round++) {
    for (const [source, name] of kinds) {
      const region = pick(regions);
      const regionText = typeof region === 'string' ? region : 'us-east-1';
      const params: Record<string, unknown> = {};
      const n = Math.floor(rand() * 4);
      for (let i = 0; i < n; i++) params[pick(paramKeys)] = rand() < 0.15 ? arnFor(source, regionText) : `${pick(names)}${rand() < 0.5 ? Math.floor(rand() * 300) : ''}`;
      if (rand() < 0.2) params['instancesSet'] = { items: Array.from({ length: Math.floor(rand() * 4) }, (_, i) => ({ instanceId: `i-0${i}${Math.floor(rand() * 9)}`, tags: [{ key: 'k', value: 'v' }] })) };
      if (rand() < 0.15) params['queueUrl'] = `https://sqs.${regionText}.amazonaws.com/${A}/queue-${Math.floor(rand() * 3)}`;
      if (rand() < 0.15) params['roleArn'] = pick(roleArns);
      if (rand() < 0.1) params['iamInstanceProfile'] = { arn: pick(roleArns), executionRoleArn: pick(roleArns) };
      if (rand() < 0.1) params['containerDefinitions'] = [{ taskRoleArn: pick(roleArns), environment: [{ name: 'ROLE', value: pick(roleArns) }] }];
      if (rand() < 0.1) params['arns'] = [arnFor(source, regionText), arnFor(source, regionText), 7];
      if (rand() < 0.05) params['deep'] = { a: { b: { c: { d: { e: { f: { g: { roleArn: pick(roleArns), secretId: 'deep' } } } } } } } };
      const record: Record<string, unknown> = {
        eventVersion: '1.09',
        userIdentity: pick(identities),
        eventTime: rand() < 0.03 ? 'not a time' : new Date((t += Math.floor(rand() * 90_000))).toISOString().replace(/\.\d+Z$/, 'Z'),
        eventSource: source,
        eventName: name,
        awsRegion: region,
        sourceIPAddress: '198.51.100.1',
        requestParameters: rand() < 0.1 ? null : rand() < 0.03 ? 'text' : params,
        responseElements:
          rand() < 0.2
            ? { role: { arn: `arn:aws:iam::${A}:role/created/r${Math.floor(rand() * 3)}` }, stackId: `arn:aws:cloudformation:${regionText}:${A}:stack/s${Math.floor(rand() * 3)}/guid`, nested: { resourceArn: arnFor(source, regionText) } }
            : rand() < 0.1
              ? { user: { arn: `arn:aws:iam::${A}:user/people/u${Math.floor(rand() * 3)}` } }
              : null,
        eventType: pick(['AwsApiCall', 'AwsApiCall', 'AwsApiCall', 'AwsConsoleSignIn', 'AwsServiceEvent', undefined]),
        managementEvent: rand() < 0.9,
        eventCategory: pick(['Management', 'Management', 'Data', undefined]),
        recipientAccountId: rand() < 0.8 ? A : undefined,
      };
      if (rand() < 0.25) record['resources'] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => (rand() < 0.05 ? 'junk' : { type: pick(['AWS::S3::Object', 'AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::Lambda::Function', undefined]), ARN: arnFor(source, regionText), ...(rand() < 0.2 ? { accountId: A } : {}) }));
      if (rand() < 0.12) record['errorCode'] = pick(['AccessDenied', 'AccessDeniedException', 'Client.UnauthorizedOperation', 'accessdenied', 'ThrottlingException', 'NoSuchKey']);
      records.push(record);
    }
  }
  // one action with many distinct resources: generalised ARNs, then ARNs they cover
  for (let i = 0; i < 700; i++) {
    records.push({ userIdentity: identities[0], eventTime: new Date((t += 1000)).toISOString(), eventSource: 's3.amazonaws.com', eventName: i % 3 === 0 ? 'PutObject' : 'GetObject', awsRegion: 'us-east-1', requestParameters: { bucketName: `bucket-${i % 4}`, key: `logs/${i % 9}/day-${i % 31}/obj-${i}.gz` }, eventType: 'AwsApiCall', recipientAccountId: A });
  }
  // then, generalised: new parents (added, generalised again), parents of other lengths, ":" in keys and in
  // log-stream ARNs, logged ARNs and ARNs rebuilt from parameters
  for (let i = 0; i < 1500; i++) {
    const shape = Math.floor(rand() * 5);
    const key = shape === 0 ? `logs/${i % 9}/day-${i % 31}/late-${i}` : shape === 1 ? `new/${Math.floor(rand() * 40)}/x${i}` : shape === 2 ? `a:b/${i % 3}:c/${i}` : shape === 3 ? `deep/${i % 2}/${i % 5}/${i % 7}/${i % 11}/${i}` : `top-${i}`;
    const bucket = `bucket-${Math.floor(rand() * 6)}`;
    const logged = rand() < 0.5;
    records.push({
      userIdentity: identities[4],
      eventTime: new Date((t += 1000)).toISOString(),
      eventSource: 's3.amazonaws.com',
      eventName: pick(['GetObject', 'PutObject', 'DeleteObject']),
      awsRegion: 'us-east-1',
      requestParameters: { bucketName: bucket, key },
      ...(logged ? { resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` }, { type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }] } : {}),
      eventType: 'AwsApiCall',
      recipientAccountId: A,
    });
    if (i % 2 === 0) {
      const stream = `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/fn-${i % 6}:log-stream:2026/01/${i % 28}/[$LATEST]${i}`;
      records.push({ userIdentity: identities[4], eventTime: new Date((t += 500)).toISOString(), eventSource: 'logs.amazonaws.com', eventName: 'PutLogEvents', awsRegion: 'us-east-1', requestParameters: { logGroupName: `/aws/lambda/fn-${i % 6}`, logStreamName: `s-${i}` }, resources: [{ ARN: stream }], eventType: 'AwsApiCall', recipientAccountId: A });
    }
  }
  return records;
}

/** A record as the CLI reader parses it: only the fields of RECORD_FIELDS, at every depth. */
function project(value: unknown, tree: RecordFieldTree = RECORD_FIELDS): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of Object.entries(tree)) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    out[k] = sub === true ? v : project(v, sub);
  }
  return out;
}

/** Everything the aggregator holds, in insertion order. */
function stateJson(agg: GenerateAggregator): unknown {
  const s = agg.state();
  return {
    counts: [s.records, s.events, s.malformed, s.sawDataEvents],
    usage: [...s.usage].map(([k, u]) => [k, u.count, u.firstSeen, u.lastSeen, [...u.events], [...u.resources], u.placeholder, u.generalised]),
    denied: [...s.denied].map(([k, d]) => [k, d.count, d.firstSeen, d.lastSeen, [...d.errorCodes]]),
    unmapped: [...s.unmapped],
    passedRoles: [...s.passedRoles].map(([k, p]) => [k, p.count, [...p.events]]),
    principals: [...s.principals],
    paths: s.paths,
  };
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);

const FILTERS: Record<string, GenerateFilter> = {
  all: {},
  roleWithoutPath: { principal: `arn:aws:iam::${A}:role/APP` },
  session: { principal: `arn:aws:sts::${A}:assumed-role/app/s2` },
  user: { principal: `arn:aws:iam::${A}:user/Alice` },
  service: { principal: 'lambda.amazonaws.com' },
  window: { since: Date.parse('2026-01-01T06:00:00Z'), until: Date.parse('2026-01-02T12:00:00Z') },
  // the bench logs' roles and times, the examples' role and times
  benchRole: { principal: `arn:aws:iam::${A}:role/role-3` },
  benchWindow: { since: Date.parse('2026-01-01T00:20:00Z'), until: Date.parse('2026-01-01T00:50:00Z') },
  examplesRole: { principal: `arn:aws:iam::${A}:role/deploy-role` },
  examplesWindow: { since: Date.parse('2026-01-15T00:15:00Z'), until: Date.parse('2026-01-15T09:05:00Z') },
};

function agg0(catalog: ReturnType<typeof testCatalog>, records: unknown[]): GenerateAggregator {
  const agg = new GenerateAggregator(catalog);
  for (const r of records) agg.add(r);
  return agg;
}

/** Readable counts, so that a digest change shows what moved and a weak log set shows up in review. */
function summary(agg: GenerateAggregator): string {
  const u = [...agg.usage.values()];
  return `records ${agg.records} events ${agg.events} malformed ${agg.malformed} actions ${u.length} resources ${u.reduce((n, x) => n + x.resources.size, 0)} placeholder ${u.filter((x) => x.placeholder).length} generalised ${u.filter((x) => x.generalised).length} denied ${agg.denied.size} unmapped ${agg.unmapped.size} passedRoles ${agg.passedRoles.size} principals ${agg.principals.size} paths ${[...agg.paths.entries()].length}`;
}

function digests(sets: Record<string, unknown[]>, view: (r: unknown) => unknown): Record<string, string> {
  const catalog = testCatalog();
  const out: Record<string, string> = {};
  for (const [setName, records] of Object.entries(sets)) {
    for (const [filterName, filter] of Object.entries(FILTERS)) {
      const agg = new GenerateAggregator(catalog, filter);
      for (const r of records) agg.add(view(r));
      const state = stateJson(agg);
      const result = generateResult(catalog, agg, { minimize: filterName === 'all' });
      out[`${setName} ${filterName}`] = hash({ state, after: stateJson(agg), policy: result.policy, policies: result.policies, report: result.report });
    }
    if (setName === 'synthetic') out['synthetic summary'] = summary(agg0(catalog, records));
    // the worker-thread path: halves folded apart, their states cloned and merged
    const halves = [new GenerateAggregator(catalog), new GenerateAggregator(catalog)];
    records.forEach((r, i) => halves[i % 2]!.add(view(r)));
    const merged = new GenerateAggregator(catalog);
    for (const h of halves) merged.merge(structuredClone(h.state()));
    const result = generateResult(catalog, merged);
    out[`${setName} merged`] = hash({ state: stateJson(merged), policies: result.policies, report: result.report });
  }
  return out;
}

test('folding a varied log set gives the checked-in digest, also from records cut down to the folded fields', () => {
  const examples = filesUnder(join(REPO_ROOT, 'examples', 'cloudtrail')).flatMap(recordsOf);
  assert.ok(examples.length >= 20);
  const sets = { examples, bench: benchLogRecords(), synthetic: syntheticRecords() };
  const actual = digests(sets, (r) => r);
  if (update) {
    writeFileSync(DIGEST, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  const expected = JSON.parse(readFileSync(DIGEST, 'utf8')) as Record<string, string>;
  assert.deepEqual(actual, expected, 'generation output changed; if intended: UPDATE_GENERATE_DIGEST=1 node scripts/runTests.mjs aggregateDigest');
  assert.deepEqual(digests(sets, project), expected, 'the folding read a record field outside RECORD_FIELDS');
});
