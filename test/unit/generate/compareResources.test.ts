// --compare per resource: Resource entries of an existing policy that no logged call of a used action fell
// under, reported only when certain (variables, placeholders and generalised ARNs count as possibly used).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testCatalog } from '../../support/catalog';
import { GenerateAggregator, generateResult } from '../../../server/src/service/generate';

const ACCOUNT = '111122223333';
const USER = `arn:aws:iam::${ACCOUNT}:user/Alice`;

function call(name: string, source: string, requestParameters: Record<string, unknown> | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', arn: USER, accountId: ACCOUNT, userName: 'Alice' },
    eventTime: '2026-02-01T10:00:00Z',
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    requestParameters,
    responseElements: null,
    eventType: 'AwsApiCall',
    recipientAccountId: ACCOUNT,
    ...extra,
  };
}

function compare(records: Record<string, unknown>[], policy: unknown): { unused: string[]; perResource: string[] } {
  const catalog = testCatalog();
  const agg = new GenerateAggregator(catalog, {});
  for (const r of records) agg.add(r);
  const { report } = generateResult(catalog, agg, { compare: policy });
  return { unused: report.unusedGrants, perResource: report.unusedResourceGrants.map((g) => `${g.action} ${g.resource}`) };
}

test('grants on resources no call used are listed per action and resource', () => {
  const records = [
    call('GetObject', 's3.amazonaws.com', { bucketName: 'bucket-a', key: 'data/1.json' }, { eventCategory: 'Data', resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::bucket-a/data/1.json' }] }),
    call('ListBuckets', 's3.amazonaws.com', null),
    call('GetQueueUrl', 'sqs.amazonaws.com', { queueName: 'jobs' }),
  ];
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::bucket-a/*', 'arn:aws:s3:::bucket-b/*', 'arn:aws:s3:::bucket-a/data/*'] },
      // an action without resource types is only granted by "*": a specific ARN there grants nothing
      { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: ['*', 'arn:aws:s3:::bucket-a'] },
      { Effect: 'Allow', Action: ['sqs:GetQueueUrl', 'sqs:DeleteQueue'], Resource: [`arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`, `arn:aws:sqs:us-east-1:${ACCOUNT}:old-*`] },
      // a policy variable: which resource it names depends on the caller, so it is never called unused
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-c/*' },
      { Effect: 'Allow', NotAction: 's3:*', Resource: 'arn:aws:s3:::bucket-d' },
    ],
  };
  const { unused, perResource } = compare(records, policy);
  assert.deepEqual(perResource, [
    's3:GetObject arn:aws:s3:::bucket-b/*',
    's3:ListAllMyBuckets arn:aws:s3:::bucket-a',
    `sqs:GetQueueUrl arn:aws:sqs:us-east-1:${ACCOUNT}:old-*`,
  ]);
  assert.ok(unused.includes('sqs:DeleteQueue'), 'an action never used is listed by action');
  assert.ok(!perResource.some((g) => g.startsWith('sqs:DeleteQueue')), 'and not again per resource');
});

test('a call whose resource the logs did not name leaves every grant of its action possibly used', () => {
  // GetQueueUrl without a queue name: the ARN is a placeholder
  const { perResource } = compare([call('GetQueueUrl', 'sqs.amazonaws.com', {})], {
    Statement: { Effect: 'Allow', Action: 'sqs:GetQueueUrl', Resource: [`arn:aws:sqs:us-east-1:${ACCOUNT}:a`, `arn:aws:sqs:us-east-1:${ACCOUNT}:b`] },
  });
  assert.deepEqual(perResource, []);
});

test('without --compare the list is empty', () => {
  const catalog = testCatalog();
  const agg = new GenerateAggregator(catalog, {});
  agg.add(call('ListBuckets', 's3.amazonaws.com', null));
  assert.deepEqual(generateResult(catalog, agg).report.unusedResourceGrants, []);
});
