// Generalised resource sets do not depend on the order records arrive in, nor on how they are split between
// aggregators that are merged later (--jobs N), and they never lose an observed resource.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addResource, cutBack, MAX_RESOURCES_PER_ACTION, mergeResources, withoutCovered, type LevelledResources } from '../../../server/src/service/generate/resourceLevels';
import { prng } from '../../support/policyGenerator';


const fresh = (): LevelledResources => ({ resources: new Set(), level: 0, generalised: false });
const shuffled = <T>(items: readonly T[], rand: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
const result = (u: LevelledResources): string => `${u.level} ${u.generalised} ${[...u.resources].sort().join(' ')}`;

/** ARNs of several depths and shapes: object keys, ":" paths, bare buckets, log streams. */
function arns(rand: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.5) out.push(`arn:aws:s3:::bucket-${i % 3}/data/${Math.floor(rand() * 20)}/${Math.floor(rand() * 1000)}/part-${i}.json`);
    else if (r < 0.7) out.push(`arn:aws:s3:::bucket-${i % 3}/x${i}`);
    else if (r < 0.8) out.push(`arn:aws:s3:::b-${Math.floor(rand() * 30)}`);
    else out.push(`arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn-${Math.floor(rand() * 50)}:log-stream:${i}`);
  }
  return out;
}

test('the same resources in any order, or split and merged in any order, give the same set', () => {
  const rand = prng(11);
  for (const n of [150, 600, 3000]) {
    const input = arns(rand, n);
    const one = fresh();
    for (const a of input) addResource(one, a);
    const expected = result(one);
    if (n > MAX_RESOURCES_PER_ACTION) assert.equal(one.generalised, true);
    for (let round = 0; round < 5; round++) {
      const again = fresh();
      for (const a of shuffled(input, rand)) addResource(again, a);
      assert.equal(result(again), expected, `order, n=${n}`);
      // three aggregators over a random split, merged in a random order
      const parts = [fresh(), fresh(), fresh()];
      for (const a of shuffled(input, rand)) addResource(parts[Math.floor(rand() * 3)]!, a);
      const merged = fresh();
      for (const p of shuffled(parts, rand)) mergeResources(merged, p);
      assert.equal(result(merged), expected, `merge, n=${n}`);
    }
  }
});

test('every observed resource stays covered, within the bound, also after dropping covered entries', () => {
  const rand = prng(5);
  const input = arns(rand, 5000);
  const u = fresh();
  for (const a of input) addResource(u, a);
  assert.ok(u.resources.size <= MAX_RESOURCES_PER_ACTION, `${u.resources.size}`);
  assert.ok(u.level >= 1);
  for (const a of input) assert.ok(u.resources.has(cutBack(a, u.level)), a);
  const reduced = new Set(withoutCovered(u.resources));
  assert.ok(reduced.size <= u.resources.size);
  const covers = (set: Set<string>, arn: string): boolean => [...set].some((w) => w === arn || (w.endsWith('*') && arn.startsWith(w.slice(0, -1))));
  for (const a of input) assert.ok(covers(reduced, a), a);
  // nothing left is covered by another entry
  for (const a of reduced) assert.ok(![...reduced].some((w) => w !== a && w.endsWith('*') && a.startsWith(w.slice(0, -1))), a);
});

test('cutBack: one segment per level, "/" and ":" alike, never into the service or account part', () => {
  assert.equal(cutBack('arn:aws:s3:::b/logs/2026/a.json', 1), 'arn:aws:s3:::b/logs/2026/*');
  assert.equal(cutBack('arn:aws:s3:::b/logs/2026/a.json', 2), 'arn:aws:s3:::b/logs/*');
  assert.equal(cutBack('arn:aws:s3:::b/logs/2026/a.json', 9), 'arn:aws:s3:::b/*');
  assert.equal(cutBack('arn:aws:s3:::b', 3), 'arn:aws:s3:::b');
  assert.equal(cutBack('arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s', 1), 'arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:*');
  assert.equal(cutBack('arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s', 3), 'arn:aws:logs:us-east-1:111122223333:log-group:*');
});
