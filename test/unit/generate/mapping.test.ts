// Measures the eventSource/eventName -> IAM action mapping against a hand-labelled fixture
// (test/fixtures/generate/mapping.tsv: real CloudTrail event names, the IAM actions AWS documents for them,
// the page that says so). Precision counts every action the mapper proposes; recall every labelled action.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { EVENT_MISMATCHES, EVENT_SOURCE_EXCEPTIONS, mapEvent, serviceForEventSource } from '../../../server/src/service/generate';

interface Row {
  eventSource: string;
  eventName: string;
  expected: string[];
  source: string;
}

function rows(): Row[] {
  return readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'generate', 'mapping.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [eventSource, eventName, expected, source] = l.split('\t') as [string, string, string, string];
      return { eventSource, eventName, expected: expected === '-' ? [] : expected.split(','), source };
    });
}

test('the fixture is large and sourced: ≥ 500 rows over ≥ 40 services, every row cites a documentation page', () => {
  const all = rows();
  assert.ok(all.length >= 500, `${all.length} rows`);
  const services = new Set(all.map((r) => r.eventSource));
  assert.ok(services.size >= 40, `${services.size} services`);
  for (const r of all) assert.match(r.source, /^https:\/\/docs\.aws\.amazon\.com\//, `${r.eventSource} ${r.eventName}`);
  const keys = new Set(all.map((r) => `${r.eventSource} ${r.eventName}`));
  assert.equal(keys.size, all.length, 'no duplicate rows');
});

test('every labelled action is a catalogue action (a label the catalogue lacks would be a fixture error)', () => {
  const catalog = testCatalog();
  const missing = rows().flatMap((r) => r.expected.filter((a) => !catalog.getAction(a)).map((a) => `${r.eventName} -> ${a}`));
  assert.deepEqual(missing, []);
});

test('mapping precision ≥ 99% and recall ≥ 97% on the labelled fixture', () => {
  const catalog = testCatalog();
  let proposed = 0;
  let labelled = 0;
  let correct = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const r of rows()) {
    const m = mapEvent(catalog, r.eventSource, r.eventName);
    const got = m.mapped ? m.actions.map((a) => a.toLowerCase()) : [];
    const want = new Set(r.expected.map((a) => a.toLowerCase()));
    proposed += got.length;
    labelled += want.size;
    for (const a of got) {
      if (want.has(a)) correct++;
      else wrong.push(`${r.eventSource} ${r.eventName} -> ${a}`);
    }
    for (const a of want) if (!got.includes(a)) missed.push(`${r.eventSource} ${r.eventName} -/-> ${a}`);
  }
  const precision = correct / proposed;
  const recall = correct / labelled;
  console.log(`mapping: ${rows().length} rows, precision ${(precision * 100).toFixed(2)}% (${correct}/${proposed}), recall ${(recall * 100).toFixed(2)}% (${correct}/${labelled})`);
  if (wrong.length) console.log(`wrong: ${wrong.join('; ')}`);
  if (missed.length) console.log(`missed: ${missed.join('; ')}`);
  assert.ok(precision >= 0.99, `precision ${precision}: ${wrong.join('; ')}`);
  assert.ok(recall >= 0.97, `recall ${recall}: ${missed.join('; ')}`);
});

test('every mismatch-table entry targets catalogue actions, and none shadows an action of the same name', () => {
  const catalog = testCatalog();
  for (const m of EVENT_MISMATCHES) {
    for (const a of m.actions) assert.ok(catalog.getAction(a), `${m.event} -> ${a} is not in the catalogue`);
    // an eventName that IS an action would normally map to itself: the table must not silently override it
    assert.equal(catalog.getAction(m.event), undefined, `${m.event} is itself a catalogue action`);
  }
  for (const e of EVENT_SOURCE_EXCEPTIONS) assert.ok(catalog.getService(e.prefix), e.prefix);
});

test('the documented exceptions: eventSource → prefix and the known mismatches', () => {
  const catalog = testCatalog();
  assert.equal(serviceForEventSource(catalog, 'monitoring.amazonaws.com')?.prefix, 'cloudwatch');
  assert.equal(serviceForEventSource(catalog, 'tagging.amazonaws.com')?.prefix, 'tag');
  assert.equal(serviceForEventSource(catalog, 's3.amazonaws.com')?.prefix, 's3');
  assert.equal(serviceForEventSource(catalog, 'nosuchservice.amazonaws.com'), undefined);
  assert.equal(serviceForEventSource(catalog, 'example.com'), undefined);
  const actions = (src: string, name: string): readonly string[] => {
    const m = mapEvent(catalog, src, name);
    return m.mapped ? m.actions : [];
  };
  assert.deepEqual(actions('s3.amazonaws.com', 'ListBuckets'), ['s3:ListAllMyBuckets']);
  assert.deepEqual(actions('s3.amazonaws.com', 'ListObjectsV2'), ['s3:ListBucket']);
  assert.deepEqual(actions('s3.amazonaws.com', 'HeadObject'), ['s3:GetObject']);
  assert.deepEqual(actions('kms.amazonaws.com', 'ReEncrypt'), ['kms:ReEncryptFrom', 'kms:ReEncryptTo']);
  assert.deepEqual(actions('lambda.amazonaws.com', 'CreateFunction20150331'), ['lambda:CreateFunction']);
  assert.deepEqual(actions('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2'), ['lambda:UpdateFunctionConfiguration']);
  assert.deepEqual(actions('s3.amazonaws.com', 'CopyObject'), ['s3:GetObject', 's3:PutObject']);
  // never guessed: a plausible name that is no action, a suffix on a service without versioned names
  assert.equal(mapEvent(catalog, 'lambda.amazonaws.com', 'FrobnicateFunction20150331').mapped, false);
  assert.equal(mapEvent(catalog, 's3.amazonaws.com', 'GetObject20060301').mapped, false);
  assert.equal(mapEvent(catalog, 'dynamodb.amazonaws.com', 'ExecuteStatement').mapped, false);
  assert.equal(mapEvent(catalog, 'ec2.amazonaws.com', 'Describe*').mapped, false);
});
