// Long editing sessions must not accumulate document texts: the per-catalog memos are keyed by strings taken
// from policies, and a JSON parser's strings are slices that share the whole document's memory. Each memo
// copies what it keeps (util/detach.ts); without that, every edit's 20 KB text stayed alive. The check counts
// document-sized strings in a heap snapshot: objects, not bytes, so GC timing and machine load do not matter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { detach } from '../../../server/src/service/util/detach';
import { testCatalog } from '../../support/catalog';

/** A full garbage collection, without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** One action per statement, each a long name, over about 20 KB. */
function policyText(typed: string): string {
  const statements = Array.from({ length: 120 }, (_, i) => ({
    Effect: 'Allow',
    Action: i === 60 ? [typed] : [`ec2:DescribeInstanceAttribute`, `s3:GetObjectVersionTagging`],
    Resource: `arn:aws:s3:::example-bucket-${i}/*`,
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

test('detach returns an equal string', () => {
  for (const s of ['', 'a', 's3:GetObject', 's3:GetObjectVersionTagging', 'x'.repeat(1000), 'caf\u00e9 \ud83d\ude00 long enough to slice']) {
    assert.equal(detach(s), s);
  }
});

/**
 * How many strings of about `length` characters the heap holds, counted in a heap snapshot. Counting objects
 * (not bytes) keeps the check independent of GC timing and machine load: a kept document text is one whole
 * string of the document's length (slices of it point at that same parent string). Other large strings, such
 * as module sources, have other lengths.
 */
async function countStringsOfLength(length: number): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
  const snapshot = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const stringType = typeNames.indexOf('string');
  let count = 0;
  // a one-byte sequential string's self size is its length plus a small header, rounded up; the typed action
  // name makes each version's length differ by a few characters
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const size = snapshot.nodes[i + sizeAt]!;
    if (snapshot.nodes[i + typeAt] === stringType && size >= length && size <= length + 64) count++;
  }
  return count;
}

test('200 edits of a 20 KB policy, each typing a new action name, keep no document texts alive', async () => {
  const service = createIamLanguageService({ catalog: testCatalog() });
  const validate = (version: number): void => {
    // every version has a new string where the user types, as a real editing session does
    const doc = TextDocument.create('file:///policy.json', 'json', version, policyText(`sqs:GetQueue${version.toString(36)}Attributes`));
    service.validate(doc, service.parse(doc));
  };
  const edits = 200;
  for (let v = 0; v < edits; v++) validate(v);
  collectGarbage();
  const kept = await countStringsOfLength(policyText('x').length);
  // without detach every edit's text stayed reachable through a memo key (one string per edit); the
  // allowance covers strings the runtime may still hold, such as the last document
  assert.ok(kept <= 3, `${kept} document-sized strings are still alive after ${edits} edits`);
});
