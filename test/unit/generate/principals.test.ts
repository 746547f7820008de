// Roles with a path: the assumed-role session ARN CloudTrail logs has no path, the sessionIssuer's role ARN
// has it. --principal matches the role however it is written (with or without its path, in any case, as a
// session ARN without session), and ARNs rebuilt from a bare roleName get the path the logs showed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { testCatalog } from '../../support/catalog';
import { GenerateAggregator, generateResult, parsePrincipalArn } from '../../../server/src/service/generate';
import { readLogFile, type ReadStats } from '../../../server/src/cli/generate/readLogs';

const ACCOUNT = '111122223333';
const ROLE_WITH_PATH = `arn:aws:iam::${ACCOUNT}:role/service-role/app`;

function call(name: string, source: string, session: string, extra: Record<string, unknown> = {}, role = 'app', rolePath = '/service-role/', account = ACCOUNT): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROAEXAMPLE:${session}`,
      arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
      accountId: account,
      sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLE', arn: `arn:aws:iam::${account}:role${rolePath}${role}`, accountId: account, userName: role } },
    },
    eventTime: '2026-02-01T10:00:00Z',
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    requestParameters: null,
    responseElements: null,
    eventType: 'AwsApiCall',
    recipientAccountId: account,
    ...extra,
  };
}

const RECORDS = [
  call('ListBuckets', 's3.amazonaws.com', 's1'),
  call('GetRole', 'iam.amazonaws.com', 's2', { requestParameters: { roleName: 'app' } }),
  call('DescribeInstances', 'ec2.amazonaws.com', 's2'),
  // the same name in another account, and another role of this account
  call('ListQueues', 'sqs.amazonaws.com', 's3', {}, 'app', '/service-role/', '444455556666'),
  call('ListTopics', 'sns.amazonaws.com', 's4', {}, 'other', '/'),
];

function usedBy(principal: string): string[] {
  const agg = new GenerateAggregator(testCatalog(), { principal });
  for (const r of RECORDS) agg.add(structuredClone(r));
  return [...agg.usage.keys()].sort();
}

test('ARNs of roles, users and sessions are split into account, path and name', () => {
  assert.deepEqual(parsePrincipalArn(ROLE_WITH_PATH), { kind: 'role', partition: 'aws', account: ACCOUNT, path: '/service-role/', name: 'app' });
  assert.deepEqual(parsePrincipalArn(`arn:aws:iam::${ACCOUNT}:user/division/eng/Alice`), { kind: 'user', partition: 'aws', account: ACCOUNT, path: '/division/eng/', name: 'Alice' });
  assert.deepEqual(parsePrincipalArn(`arn:aws-cn:sts::${ACCOUNT}:assumed-role/app/s1`), { kind: 'role', partition: 'aws-cn', account: ACCOUNT, path: undefined, name: 'app', session: 's1' });
  assert.equal(parsePrincipalArn(`arn:aws:iam::${ACCOUNT}:policy/p`), undefined);
  assert.equal(parsePrincipalArn('lambda.amazonaws.com'), undefined);
});

test('--principal: the role with its path, without it, in another case or as a session ARN without session', () => {
  const all = ['ec2:DescribeInstances', 'iam:GetRole', 's3:ListAllMyBuckets'];
  assert.deepEqual(usedBy(ROLE_WITH_PATH), all);
  assert.deepEqual(usedBy(`arn:aws:iam::${ACCOUNT}:role/app`), all, 'the assumed-role ARN has no path: the name decides');
  assert.deepEqual(usedBy(`arn:aws:iam::${ACCOUNT}:role/APP`), all, 'IAM role names are not distinguished by case');
  assert.deepEqual(usedBy(`arn:aws:sts::${ACCOUNT}:assumed-role/app`), all);
  assert.deepEqual(usedBy(`arn:aws:sts::${ACCOUNT}:assumed-role/app/s2`), ['ec2:DescribeInstances', 'iam:GetRole'], 'one session');
  assert.deepEqual(usedBy(`arn:aws:iam::444455556666:role/app`), ['sqs:ListQueues'], 'the account is part of the name');
  assert.deepEqual(usedBy(`arn:aws:iam::${ACCOUNT}:role/other`), ['sns:ListTopics']);
  assert.deepEqual(usedBy(`arn:aws-cn:iam::${ACCOUNT}:role/app`), [], 'another partition is another role');
  assert.deepEqual(usedBy(`arn:aws:iam::${ACCOUNT}:role/ap`), []);
});

test('a role ARN rebuilt from roleName gets the path the logs showed for that role', () => {
  const catalog = testCatalog();
  const agg = new GenerateAggregator(catalog, { principal: ROLE_WITH_PATH });
  for (const r of RECORDS) agg.add(structuredClone(r));
  const result = generateResult(catalog, agg);
  const getRole = result.report.usage.find((u) => u.action === 'iam:GetRole');
  assert.deepEqual(getRole?.resources, [ROLE_WITH_PATH]);
  // a role the logs never showed with a path keeps the default path
  const other = new GenerateAggregator(catalog, {});
  other.add(call('GetRole', 'iam.amazonaws.com', 's9', { requestParameters: { roleName: 'lonely' } }, 'app', '/'));
  assert.deepEqual(generateResult(catalog, other).report.usage.find((u) => u.action === 'iam:GetRole')?.resources, [`arn:aws:iam::${ACCOUNT}:role/lonely`]);
});

test('the CLI prefilter keeps the records of a role named without its path (or in another case)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-principals-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'log.json.gz');
  writeFileSync(file, gzipSync(JSON.stringify({ Records: RECORDS })));
  for (const [principal, kept] of [
    [`arn:aws:iam::${ACCOUNT}:role/App`, 3],
    [`arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`, 1],
  ] as const) {
    const agg = new GenerateAggregator(testCatalog(), { principal });
    const stats: ReadStats = { records: 0, badRecords: 0, bytes: 0, skipped: 0 };
    await readLogFile(file, (r) => agg.add(r), stats, principal);
    assert.equal(agg.events, kept, principal);
  }
});
