// Refactor-only pairs (test/fixtures/diff/refactors): each must give "effectiveChange": false and empty lists,
// and each pair reversed too. The pair's policyType (identity by default) is passed as --policy-type would be.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { diffTexts } from '../../support/diff';
import type { PolicyType } from '../../../server/src/service/parser/policyModel';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'diff', 'refactors');
const pairs = readdirSync(DIR).filter((n) => /^\d+-.*\.json$/.test(n)).sort();

test('at least 50 refactor-only pairs', () => {
  assert.ok(pairs.length >= 50, `${pairs.length} pairs`);
});

for (const name of pairs) {
  const c = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { description: string; policyType?: PolicyType; old: unknown; new: unknown };
  test(`refactor ${name}: ${c.description}`, () => {
    for (const [a, b] of [[c.old, c.new], [c.new, c.old]]) {
      const r = diffTexts(testCatalog(), JSON.stringify(a, null, 2), JSON.stringify(b), c.policyType);
      assert.equal(r.effectiveChange, false, JSON.stringify(r.gained.slice(0, 3).concat(r.lost.slice(0, 3)), null, 1));
      assert.deepEqual([r.gained.length, r.lost.length, r.conditionsRemoved.length], [0, 0, 0]);
    }
  });
}

test('refactor: formatting only', () => {
  const r = diffTexts(testCatalog(), readFileSync(join(DIR, 'formatting.old.json'), 'utf8'), readFileSync(join(DIR, 'formatting.new.json'), 'utf8'));
  assert.equal(r.effectiveChange, false);
});
