// Long editing sessions must not accumulate document texts: the per-catalog memos are keyed by strings taken
// from policies, and a JSON parser's strings are slices that share the whole document's memory. Each memo
// copies what it keeps (util/detach.ts); without that, 1,500 edits of a 20 KB policy kept ~30 MB alive.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
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

test('1,500 edits of a 20 KB policy, each typing a new action name, keep no document texts alive', () => {
  const service = createIamLanguageService({ catalog: testCatalog() });
  const validate = (version: number): void => {
    // every version has a new string where the user types, as a real editing session does
    const doc = TextDocument.create('file:///policy.json', 'json', version, policyText(`sqs:GetQueue${version.toString(36)}Attributes`));
    service.validate(doc, service.parse(doc));
  };
  for (let v = 0; v < 50; v++) validate(v);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const edits = 1500;
  for (let v = 50; v < 50 + edits; v++) validate(v);
  collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  const textBytes = policyText('x').length * edits;
  // each new name may leave a few small memo entries (~1 KB); a kept document would be 20 KB or more
  assert.ok(grown < textBytes / 6, `heap grew by ${(grown / 1e6).toFixed(1)} MB over ${edits} edits (${(textBytes / 1e6).toFixed(1)} MB of text)`);
});
