// editDistance reuses its rows between calls (the typo suggestions compare one word with hundreds of names):
// its answers must equal the plain allocation-per-call version it replaced, whatever the order of calls and
// lengths (a longer earlier call leaves old values past the current row's end).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../../../server/src/service/knowledge/suggest';

/** The previous implementation, verbatim: fresh rows on every call. */
function reference(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

test('editDistance with reused rows answers as the allocating version on 50,000 seeded pairs', () => {
  let seed = 11;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const word = (): string => Array.from({ length: next(14) }, () => 'abcs3:*'[next(7)]).join('');
  for (let k = 0; k < 50_000; k++) {
    const a = word();
    const b = word();
    const max = next(6);
    assert.equal(editDistance(a, b, max), reference(a, b, max), `${a} / ${b} / ${max}`);
  }
  // a long call, then a short one: the rows' old values past the short row are never read
  editDistance('a'.repeat(300), 'b'.repeat(300), 400);
  assert.equal(editDistance('ec2', 'ecs', 2), 1);
  assert.equal(editDistance('s3', 's3', 1), 0);
  assert.equal(editDistance('ab', 'ba', 1), 1);
});
