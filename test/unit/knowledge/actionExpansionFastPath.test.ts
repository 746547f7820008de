// The action-string fast paths against the straightforward calls, on thousands of seeded strings: expandPattern
// (kept on the string's shared entry; names without wildcards skip the lowercased memo) must equal
// catalog.expandActions, and actionFacts' `action` (read from the expansion, knowledge/actionFacts.ts namedAction)
// must equal catalog.getAction, also on a catalog whose names differ only in case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IamCatalog } from '../../../server/src/service/knowledge/catalog';
import { expandPattern } from '../../../server/src/service/knowledge/statementActions';
import { actionFacts } from '../../../server/src/service/rules/action/actionFacts';
import { testCatalog } from '../../support/catalog';
import { caseTwinCatalog } from '../../support/caseTwinCatalog';
import { prng } from '../../support/policyGenerator';

/** Seeded action strings: real names in varied casing, truncated with wildcards, typos, odd shapes. */
function actionStrings(catalog: IamCatalog, count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = [...catalog.services.values()].flatMap((s) => s.actions.map((a) => a.fullName));
  const recase = (s: string): string => {
    const r = random();
    if (r < 0.5) return s;
    if (r < 0.65) return s.toLowerCase();
    if (r < 0.7) return s.toUpperCase();
    return [...s].map((c) => (random() < 0.3 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
  };
  const out: string[] = ['*', '*:*', 's3:*', '*:Get*', 'S3:GetObject', 's3:getobject', ':', 's3:', ':Get', 'a:b:c', 's3:Get Object', ''];
  while (out.length < count) {
    const name = pick(names);
    const colon = name.indexOf(':');
    const r = random();
    let s: string;
    if (r < 0.35) s = name;
    else if (r < 0.55) s = `${name.slice(0, colon + 1 + Math.floor(random() * (name.length - colon)))}*`;
    else if (r < 0.62) s = `${name.slice(0, colon + 1)}*${name.slice(colon + 2 + Math.floor(random() * 4))}`;
    else if (r < 0.68) s = `${name.slice(0, colon + 1)}${name.slice(colon + 1).replace(/[a-z]/, '?')}`;
    else if (r < 0.74) s = `*${name.slice(colon - 1 - Math.floor(random() * 2))}`;
    else if (r < 0.8) s = `${name.slice(0, Math.max(1, colon - 1))}*:${name.slice(colon + 1, colon + 4)}*`;
    else if (r < 0.9) s = `${name}${pick(['x', 's', '', 'V2'])}`;
    else if (r < 0.95) s = `${name.slice(0, colon)}${pick(['x', '', '-'])}${name.slice(colon)}`;
    else s = name.replace(':', pick(['::', ': ', '', ' :']));
    out.push(recase(s));
  }
  return out;
}

function sameActions(fast: readonly unknown[], slow: readonly unknown[], s: string): void {
  assert.equal(fast.length, slow.length, `length for "${s}"`);
  for (let i = 0; i < fast.length; i++) assert.equal(fast[i], slow[i], `item ${i} for "${s}"`);
}

test('expandPattern and actionFacts agree with catalog.expandActions and getAction on 20,000 seeded strings', () => {
  const catalog = testCatalog();
  let literal = 0;
  let found = 0;
  let expanded = 0;
  for (const s of actionStrings(catalog, 20_000, 19)) {
    // twice: the first call computes, the second reads the string's entry
    for (let k = 0; k < 2; k++) sameActions(expandPattern(catalog, s), catalog.expandActions(s), s);
    const facts = actionFacts(catalog, s);
    if (facts.prefix !== undefined && !facts.wildPrefix && !facts.wildName) {
      literal++;
      assert.equal(facts.action, catalog.getAction(s), `action for "${s}"`);
      if (facts.action) found++;
    } else assert.equal(facts.action, undefined, `no action for "${s}"`);
    if (facts.matches.length > 1) expanded++;
  }
  // the seeded strings exercise every branch: real names, misses, wildcards
  assert.ok(found > 3000 && literal - found > 1000 && expanded > 2000, `${found} found of ${literal} literal names, ${expanded} wildcards`);
});

test('on a catalog whose action names differ only in case, actionFacts names the one getAction names', () => {
  const catalog = caseTwinCatalog();
  for (const s of ['svc:GetThing', 'svc:getthing', 'svc:GETTHING', 'SVC:GetThing', 'svc:PutThing', 'svc:putthing', 'svc:Nothing', 'svc:Get*']) {
    sameActions(expandPattern(catalog, s), catalog.expandActions(s), s);
    const facts = actionFacts(catalog, s);
    assert.equal(facts.action, facts.wildName ? undefined : catalog.getAction(s), s);
  }
  assert.equal(actionFacts(catalog, 'svc:GetThing').action?.name, 'GetThing');
});
