// The log reader blanks every record field outside RECORD_FIELDS before JSON.parse, so the folding must never
// read another one. The records of the shipped examples (both filters) go through the aggregator behind
// Proxies that note each field path it reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { GenerateAggregator, generateResult } from '../../../server/src/service/generate';
import { RECORD_FIELDS, type RecordFieldTree } from '../../../server/src/service/generate/recordFields';

function exampleRecords(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
    else if (/\.json(\.gz)?$/.test(p)) {
      const raw = readFileSync(p);
      const doc = JSON.parse((p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as { Records?: Record<string, unknown>[]; Events?: { CloudTrailEvent: string }[] };
      out.push(...(doc.Records ?? []), ...(doc.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent) as Record<string, unknown>));
    }
  };
  walk(join(REPO_ROOT, 'examples', 'cloudtrail'));
  // the fallbacks: a call by a service (invokedBy), an account without recipientAccountId, a bare user ARN
  out.push(
    { eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventTime: '2026-01-15T02:00:00Z', userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' }, requestParameters: { bucketName: 'b', key: 'k' } },
    { eventSource: 'iam.amazonaws.com', eventName: 'ListRoles', eventTime: '2026-01-15T02:00:00Z', userIdentity: { type: 'AWSAccount', accountId: '111122223333' }, awsRegion: 'us-east-1' },
    { eventSource: 'sqs.amazonaws.com', eventName: 'GetQueueUrl', eventTime: '2026-01-15T02:00:00Z', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/Alice', accountId: '111122223333' }, requestParameters: { queueName: 'q' }, awsRegion: 'us-east-1' },
  );
  return out;
}

/** Whether a field path is inside the tree: a prefix kept whole, or a path to one of its nodes. */
function allowed(path: readonly string[]): boolean {
  let node: true | RecordFieldTree = RECORD_FIELDS;
  for (const key of path) {
    if (node === true) return true;
    const next: true | RecordFieldTree | undefined = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === undefined) return false;
    node = next;
  }
  return true;
}

test('the aggregator reads no record field outside RECORD_FIELDS, at any depth', () => {
  const records = exampleRecords();
  assert.ok(records.length >= 10, `${records.length} example records`);
  const read = new Set<string>();
  const watched = (value: unknown, path: readonly string[]): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const target = value as Record<string, unknown>;
    return new Proxy(target, {
      get: (t, key) => {
        if (typeof key !== 'string') return t[key as unknown as string];
        read.add([...path, key].join('.'));
        return watched(t[key], [...path, key]);
      },
      has: (t, key) => {
        if (typeof key === 'string') read.add([...path, key].join('.'));
        return key in t;
      },
      ownKeys: (t) => {
        read.add([...path, '(every key)'].join('.'));
        return Reflect.ownKeys(t);
      },
    });
  };
  for (const filter of [{}, { principal: 'arn:aws:iam::111122223333:role/deploy-role' }]) {
    const agg = new GenerateAggregator(testCatalog(), filter);
    for (const r of records) agg.add(watched(r, []));
    generateResult(testCatalog(), agg, { minimize: true });
  }
  const outside = [...read].filter((k) => !allowed(k.split('.')));
  assert.deepEqual(outside, [], `read outside RECORD_FIELDS: ${outside.join(', ')}`);
  // the check sees the reads it should (a Proxy that saw nothing would pass the line above)
  for (const k of ['eventSource', 'eventName', 'userIdentity', 'userIdentity.arn', 'userIdentity.invokedBy', 'userIdentity.accountId', 'userIdentity.sessionContext.sessionIssuer.arn', 'requestParameters']) assert.ok(read.has(k), k);
});
