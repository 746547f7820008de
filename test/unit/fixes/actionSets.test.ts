import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testCatalog } from '../../support/catalog';
import { collapseToWildcards, filterByLevels, READ_ONLY_MASK } from '../../../server/src/service/fixes/actionSets';

const catalog = testCatalog();
const expandAll = (patterns: string[]) => new Set(patterns.flatMap((p) => catalog.expandActions(p)));

test('collapsing a whole service gives svc:*', () => {
  assert.deepEqual(collapseToWildcards(catalog, catalog.expandActions('sqs:*')), ['sqs:*']);
});

test('collapsing s3:Get* actions matches exactly the same set, never more', () => {
  const original = catalog.expandActions('s3:Get*');
  const collapsed = collapseToWildcards(catalog, original);
  assert.ok(collapsed.length < original.length, `expected fewer patterns, got ${collapsed.length}`);
  const back = expandAll(collapsed);
  assert.deepEqual([...back].map((a) => a.fullName).sort(), original.map((a) => a.fullName).sort());
});

test('an exact name that prefixes other actions is kept without a star when those are not in the set', () => {
  const getObject = catalog.getAction('s3:GetObject')!;
  const collapsed = collapseToWildcards(catalog, [getObject]);
  assert.deepEqual(collapsed, ['s3:GetObject']);
});

test('random subsets round-trip exactly through collapse and expansion', () => {
  const pool = catalog.expandActions('ec2:*');
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 30; i++) {
    const subset = pool.filter(() => rand() < 0.2);
    const back = expandAll(collapseToWildcards(catalog, subset));
    assert.deepEqual([...back].map((a) => a.fullName).sort(), subset.map((a) => a.fullName).sort());
  }
});

test('filterByLevels keeps only actions whose every level is allowed', () => {
  const iam = catalog.expandActions('iam:*');
  const ro = filterByLevels(iam, READ_ONLY_MASK);
  assert.ok(ro.length > 0 && ro.length < iam.length);
  assert.ok(ro.every((a) => (a.accessLevel & ~READ_ONLY_MASK) === 0));
  assert.ok(!ro.some((a) => a.fullName === 'iam:CreateUser'));
});
