// The log reader blanks every top-level record field outside RECORD_FIELDS before JSON.parse, so the folding
// must never read another one. The records of the shipped examples (both filters) go through the
// aggregator behind a Proxy that notes each top-level field it reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { GenerateAggregator, generateResult } from '../../../server/src/service/generate';
import { RECORD_FIELDS } from '../../../server/src/service/generate/recordFields';

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
  return out;
}

test('the aggregator reads no top-level record field outside RECORD_FIELDS', () => {
  const records = exampleRecords();
  assert.ok(records.length >= 10, `${records.length} example records`);
  const read = new Set<string>();
  const watched = (r: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(r, {
      get: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
      has: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return key in target;
      },
      ownKeys: (target) => {
        read.add('(every key)');
        return Reflect.ownKeys(target);
      },
    });
  for (const filter of [{}, { principal: 'arn:aws:iam::111122223333:role/deploy-role' }]) {
    const agg = new GenerateAggregator(testCatalog(), filter);
    for (const r of records) agg.add(watched(r));
    generateResult(testCatalog(), agg, { minimize: true });
  }
  const outside = [...read].filter((k) => !RECORD_FIELDS.includes(k));
  assert.deepEqual(outside, [], `read outside RECORD_FIELDS: ${outside.join(', ')}`);
  // the check sees the reads it should (a Proxy that saw nothing would pass the line above)
  for (const k of ['eventSource', 'eventName', 'userIdentity', 'requestParameters']) assert.ok(read.has(k), k);
});
