// The byte-level record splitter: the same records as JSON.parse of the whole file, whatever the chunk
// boundaries (inside strings, escapes, multi-byte characters, the "Records" key), and clear errors for
// truncated or foreign JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DROP, FieldMatcher, RecordSplitter, LogFormatError, type ArrayKind } from '../../../server/src/cli/generate/recordSplitter';
import type { RecordFieldTree as FieldTree } from '../../../server/src/service/generate/recordFields';

function split(text: string, chunkSize: number): { records: unknown[]; kinds: Set<ArrayKind> } {
  const records: unknown[] = [];
  const kinds = new Set<ArrayKind>();
  const s = new RecordSplitter((t, k) => {
    records.push(JSON.parse(t));
    kinds.add(k);
  });
  const buf = Buffer.from(text, 'utf8');
  for (let i = 0; i < buf.length; i += chunkSize) s.push(buf.subarray(i, i + chunkSize));
  s.end();
  return { records, kinds };
}

const tricky = {
  Records: [
    { eventName: 'PutObject', requestParameters: { key: 'a "quoted" key with } and ] and {', bucketName: 'b' } },
    { eventName: 'X', s: 'back\\slash\\', t: '\\"', u: 'ünïcödé ✓ 𝄞', nested: [[{ a: [1, 2, { b: null }] }], true, false, -1.5e3] },
    { eventName: 'Y', empty: {}, arr: [], str: '' },
  ],
};

test('records are the same as JSON.parse of the whole document for every chunk size', () => {
  const text = JSON.stringify(tricky, null, 1);
  for (const size of [1, 2, 3, 5, 7, 13, 64, 4096]) {
    const { records, kinds } = split(text, size);
    assert.deepEqual(records, tricky.Records, `chunk size ${size}`);
    assert.deepEqual([...kinds], ['Records']);
  }
});

test('the Records array is found after other keys, and keys inside records do not confuse it', () => {
  const doc = { meta: { Records: 'not this' }, other: [{ Records: [1] }], Records: [{ eventName: 'A' }] };
  for (const size of [1, 4, 100]) assert.deepEqual(split(JSON.stringify(doc), size).records, [{ eventName: 'A' }]);
});

test('lookup-events output: Events entries, with NextToken after the array', () => {
  const doc = { Events: [{ EventId: '1', CloudTrailEvent: JSON.stringify({ eventName: 'A', p: '"}' }) }], NextToken: 'abc' };
  const { records, kinds } = split(JSON.stringify(doc, null, 4), 3);
  assert.deepEqual(records, doc.Events);
  assert.deepEqual([...kinds], ['Events']);
});

test('a top-level array of records and a UTF-8 byte order mark', () => {
  assert.deepEqual(split('\ufeff[{"eventName":"A"},{"eventName":"B"}]', 2).records, [{ eventName: 'A' }, { eventName: 'B' }]);
});

test('a truncated file is an error that says so, after the complete records were delivered', () => {
  const text = JSON.stringify(tricky);
  const cut = text.slice(0, text.indexOf('"Y"'));
  const delivered: string[] = [];
  const s = new RecordSplitter((t) => delivered.push(t));
  s.push(Buffer.from(cut));
  assert.throws(() => s.end(), (e: unknown) => e instanceof LogFormatError && /truncated JSON/.test(e.message) && /after 2 complete records/.test(e.message));
  assert.equal(delivered.length, 2);
});

test('foreign JSON: no Records array, not JSON at all, empty', () => {
  const run = (t: string): void => {
    const s = new RecordSplitter(() => {});
    s.push(Buffer.from(t));
    s.end();
  };
  assert.throws(() => run('{"Version":"2012-10-17","Statement":[]}'), /no "Records" or "Events" array/);
  assert.throws(() => run('hello'), /not a JSON object or array/);
  assert.throws(() => run('   '), /empty file/);
  assert.throws(() => run('{"Records":[{"a":1}]}}'), /unbalanced/);
});

// Blanking: with a FieldMatcher, the members not kept become spaces before JSON.parse sees them.
const KEPT: FieldTree = { eventName: true, userIdentity: true, requestParameters: true };

function splitKept(text: string, chunkSize: number, keep: FieldTree = KEPT): unknown[] {
  const records: unknown[] = [];
  const s = new RecordSplitter((t) => records.push(JSON.parse(t)), { keep: new FieldMatcher(keep) });
  const buf = Buffer.from(text, 'utf8');
  for (let i = 0; i < buf.length; i += chunkSize) s.push(Buffer.from(buf.subarray(i, i + chunkSize)));
  s.end();
  return records;
}

const only = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => k in KEPT));

test('unkept top-level fields are left out, whatever their place, nesting and the chunk boundaries', () => {
  const records: Record<string, unknown>[] = [
    { eventVersion: '1.0', eventName: 'A', userAgent: 'x, "y" }', requestParameters: { eventVersion: 'nested keys stay', userAgent: [1, { a: ',' }] } },
    { eventName: 'B' },
    { userAgent: 'first and last unkept', eventName: 'C', tlsDetails: { v: 1 } },
    { a: 1, b: [2], c: { d: null } },
    {},
    { eventName: 'D', userIdentity: { arn: 'ünï ✓' }, extra: true, more: -1.5e3, last: null },
  ];
  const expected = records.map(only);
  for (const text of [JSON.stringify({ Records: records }), JSON.stringify({ Records: records }, null, 3), JSON.stringify(records)]) {
    // in one chunk: exactly the kept fields
    assert.deepEqual(splitKept(text, 1 << 16), expected);
    // a record that spans chunks is kept whole from the boundary on: still valid JSON with every kept field
    for (const size of [1, 2, 3, 7, 16, 64, 100]) assert.deepEqual((splitKept(text, size) as Record<string, unknown>[]).map(only), expected, `chunk size ${size}`);
  }
});

test('a key written with an escape is kept (its bytes do not spell its name); lookup-events entries are not blanked', () => {
  assert.deepEqual(splitKept('{"Records":[{"\\u0065ventName":"A","userAgent":"u","e\\"x":1}]}', 1 << 16), [{ eventName: 'A', 'e"x': 1 }]);
  const doc = { Events: [{ EventId: '1', CloudTrailEvent: JSON.stringify({ eventName: 'A', userAgent: 'u' }) }] };
  assert.deepEqual(splitKept(JSON.stringify(doc), 5), doc.Events);
});

test('FieldMatcher: exact names only', () => {
  const m = new FieldMatcher({ eventName: true, eventTime: true });
  const has = (key: string): boolean => {
    const b = Buffer.from(`"${key}"`);
    return m.match(b, 1, b.length - 1) !== DROP;
  };
  assert.equal(has('eventName'), true);
  assert.equal(has('eventTime'), true);
  assert.equal(has('eventType'), false);
  assert.equal(has('eventNam'), false);
  assert.equal(has('EventName'), false);
  assert.equal(has(''), false);
});

test('nested fields: only the listed fields of a kept object value stay, at every level', () => {
  const tree: FieldTree = { userIdentity: { arn: true, sessionContext: { sessionIssuer: { arn: true } } }, eventName: true };
  const pick = (v: unknown, t: FieldTree | true): unknown => {
    if (t === true || typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => k in t).map(([k, x]) => [k, pick(x, t[k]!)]));
  };
  const records = [
    { eventName: 'A', userIdentity: { type: 'AssumedRole', arn: 'arn:1', principalId: 'P', sessionContext: { attributes: { mfa: 'false' }, sessionIssuer: { type: 'Role', arn: 'arn:role', userName: 'r' } } } },
    { userIdentity: { sessionContext: { sessionIssuer: { userName: 'only unkept' } }, x: [{ arn: 'in an array: not a field of userIdentity' }] }, eventName: 'B' },
    { userIdentity: 'not an object', eventName: 'C' },
    { userIdentity: [{ arn: 'an array is kept whole' }], other: { arn: 'dropped' } },
    { userIdentity: { arn: 'arn:2', sessionContext: null }, eventName: 'D', after: { userIdentity: { type: 'nested under a dropped field' } } },
    { userIdentity: {}, eventName: 'E' },
  ];
  const expected = records.map((r) => pick(r, tree));
  const run = (text: string, size: number): unknown[] => splitKept(text, size, tree);
  for (const text of [JSON.stringify({ Records: records }), JSON.stringify({ Records: records }, null, 2)]) {
    assert.deepEqual(run(text, 1 << 16), expected);
    for (const size of [1, 5, 33, 100]) assert.deepEqual(run(text, size).map((r) => pick(r, tree)), expected, `chunk size ${size}`);
  }
});
