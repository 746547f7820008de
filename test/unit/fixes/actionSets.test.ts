// collapseToWildcards: the fewest svc:*, svc:Prefix* or exact names matching exactly a set of actions; compared with
// the former implementation (each prefix length tried) on every service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testCatalog } from '../../support/catalog';
import { collapseToWildcards, filterByLevels, NO_PERMISSIONS_MANAGEMENT_MASK, READ_ONLY_MASK } from '../../../server/src/service/fixes/actionSets';
import type { ActionInfo, IamCatalog } from '../../../server/src/service/knowledge/catalog';
import { prng } from '../../support/policyGenerator';

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


/** the former collapseToWildcards: each prefix length tried with a range lookup (the reference) */
function collapseByPrefixLookups(catalog: IamCatalog, actions: Iterable<ActionInfo>): string[] {
  const byService = new Map<string, Set<ActionInfo>>();
  for (const a of actions) {
    let set = byService.get(a.service.prefix);
    if (!set) byService.set(a.service.prefix, (set = new Set()));
    set.add(a);
  }
  const patterns: string[] = [];
  for (const [prefix, set] of [...byService.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const service = catalog.getService(prefix)!;
    if (set.size === service.actions.length) {
      patterns.push(`${prefix}:*`);
      continue;
    }
    const chosen: string[] = [];
    for (const a of [...set].sort((x, y) => (x.name.toLowerCase() < y.name.toLowerCase() ? -1 : 1))) {
      const lower = a.name.toLowerCase();
      if (chosen.some((p) => (p.endsWith('*') ? lower.startsWith(p.slice(0, -1).toLowerCase()) : p.toLowerCase() === lower))) continue;
      let pattern = a.name;
      for (let len = 1; len <= a.name.length; len++) {
        const matches = catalog.actionsWithPrefix(prefix, lower.slice(0, len));
        if (matches.every((m) => set.has(m))) {
          // a prefix that is the whole name and matches only this action reads better without the star
          pattern = len === a.name.length && matches.length === 1 ? a.name : `${a.name.slice(0, len)}*`;
          break;
        }
      }
      chosen.push(pattern);
    }
    patterns.push(...chosen.map((p) => `${prefix}:${p}`));
  }
  return patterns;
}

test('collapseToWildcards (one pass over the sorted names) equals trying each prefix length, on every service', () => {
  const random = prng(2026);
  let compared = 0;
  for (const svc of catalog.services.values()) {
    const all = svc.actions;
    const subsets: ActionInfo[][] = [
      filterByLevels(all, READ_ONLY_MASK),
      filterByLevels(all, NO_PERMISSIONS_MANAGEMENT_MASK),
      all.filter((_, i) => i % 2 === 0),
      all.slice(1),
      all.slice(0, Math.max(1, all.length - 1)),
    ];
    for (const density of [0.1, 0.5, 0.9]) subsets.push(all.filter(() => random() < density));
    for (const subset of subsets) {
      if (subset.length === 0) continue;
      assert.deepEqual(collapseToWildcards(catalog, subset), collapseByPrefixLookups(catalog, subset), `${svc.prefix}: ${subset.length} of ${all.length}`);
      compared++;
    }
  }
  // several services at once, in any order
  for (let k = 0; k < 200; k++) {
    const mixed = catalog.expandActions('*').filter(() => random() < 0.02);
    assert.deepEqual(collapseToWildcards(catalog, mixed), collapseByPrefixLookups(catalog, mixed));
  }
  assert.ok(compared > 2000, `${compared} subsets compared`);
});
