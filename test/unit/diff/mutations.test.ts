// Mutation tests on 200 real AWS managed policies (read from ../shared/corpus/aws-managed, never copied): every
// widening mutation (add an action, widen a resource to "*", drop a condition, delete a Deny) must be reported as
// gained, and no narrowing mutation (remove an action, narrow a resource, add a condition, add a Deny, delete an
// Allow) may be. Mutations are chosen so that they really widen/narrow (see each picker). Prints the rates.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { testCatalog } from '../../support/catalog';
import { managedCorpusFiles } from '../../support/corpus';
import { diffTexts } from '../../support/diff';
import { expandPattern } from '../../../server/src/service/knowledge/statementActions';
import { patternsOverlap } from '../../../server/src/service/knowledge/arnMatch';

type Stmt = { Effect?: string; Action?: string | string[]; NotAction?: string | string[]; Resource?: string | string[]; NotResource?: string | string[]; Condition?: Record<string, unknown>; Sid?: string };
type Policy = { Version?: string; Statement: Stmt[] | Stmt };

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const catalog = testCatalog();

const actionsMemo = new Map<string, Set<string>>();
function actionsOf(s: Stmt): Set<string> {
  const key = JSON.stringify([s.Action, s.NotAction]);
  let hit = actionsMemo.get(key);
  if (!hit) actionsMemo.set(key, (hit = computeActions(s)));
  return hit;
}

function computeActions(s: Stmt): Set<string> {
  const out = new Set<string>();
  if (s.NotAction !== undefined) {
    const excluded = new Set(list(s.NotAction).flatMap((p) => expandPattern(catalog, p).map((a) => a.fullName)));
    for (const a of expandPattern(catalog, '*')) if (!excluded.has(a.fullName)) out.add(a.fullName);
  } else for (const p of list(s.Action)) for (const a of expandPattern(catalog, p)) out.add(a.fullName);
  return out;
}

/**
 * 200 policies: every policy of the corpus with a Deny statement (few have one: "delete a Deny" needs them), then
 * every 7th of the others; each with its Statement as an array.
 */
function sample(files: readonly string[]): Array<{ name: string; policy: Policy }> {
  const read = (f: string): Policy => {
    const policy = JSON.parse(readFileSync(f, 'utf8')) as Policy;
    if (!Array.isArray(policy.Statement)) policy.Statement = [policy.Statement];
    return policy;
  };
  const withDeny = files.filter((f) => stmts(read(f)).some((s) => s.Effect === 'Deny'));
  const rest = files.filter((f) => !withDeny.includes(f));
  const chosen = [...withDeny];
  for (let i = 0; i < rest.length && chosen.length < 200; i += 7) chosen.push(rest[i]!);
  return chosen.map((f) => ({ name: basename(f), policy: read(f) }));
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const stmts = (p: Policy): Stmt[] => p.Statement as Stmt[];
const EXTRA_ACTIONS = ['gamelift:CreateFleet', 'iot:CreateThing', 'ses:SendEmail', 'glacier:DeleteVault', 'backup:DeleteBackupVault'];

type Mutation = { kind: string; mutate: (p: Policy) => Policy | undefined };

const WIDENING: Mutation[] = [
  {
    // an action no statement mentions, on "*": nothing allowed it before
    kind: 'add an action',
    mutate: (p) => {
      const used = new Set(stmts(p).flatMap((s) => [...actionsOf(s)]));
      const extra = EXTRA_ACTIONS.find((a) => !used.has(a));
      if (!extra) return undefined;
      const q = clone(p);
      stmts(q).push({ Effect: 'Allow', Action: extra, Resource: '*' });
      return q;
    },
  },
  {
    // an action added to an Allow statement's list: one that nothing in the policy allows or denies, on the same
    // resource types as an action the statement lists (an action that only supports "*" added to a statement
    // with ARNs grants nothing, so it would not be a widening)
    kind: 'add an action to a statement',
    mutate: (p) => {
      const all = stmts(p);
      const mentioned = new Set(all.flatMap((s) => [...actionsOf(s)]));
      const typesOf = (a: { resources: readonly { name: string }[] }) => a.resources.map((r) => r.name).sort().join(',');
      for (const [i, s] of all.entries()) {
        if (s.Effect !== 'Allow' || s.Action === undefined) continue;
        const first = list(s.Action).map((a) => catalog.getAction(a)).find((a) => a !== undefined && a.resources.length > 0);
        if (!first) continue;
        const types = typesOf(first);
        const extra = first.service.actions.find((a) => !mentioned.has(a.fullName) && typesOf(a) === types);
        if (!extra) continue;
        const q = clone(p);
        stmts(q)[i]!.Action = [...list(s.Action), extra.fullName];
        return q;
      }
      return undefined;
    },
  },
  {
    // an Allow statement's specific resources become "*", for one of its actions no other statement allows on "*"
    kind: 'widen a resource',
    mutate: (p) => {
      const all = stmts(p);
      const idx = all.findIndex((s, i) => s.Effect === 'Allow' && s.Action !== undefined && s.Resource !== undefined && !list(s.Resource).includes('*') && !list(s.Resource).some((r) => r.startsWith('arn:*:') || /^arn:aws:[^:]*:\*:\*:\*$/.test(r)) && onlyHere(all, i));
      if (idx < 0) return undefined;
      const q = clone(p);
      stmts(q)[idx]!.Resource = '*';
      return q;
    },
  },
  {
    kind: 'drop a condition',
    mutate: (p) => {
      const all = stmts(p);
      // not when a Deny applies to the same actions: a Deny that mirrors the condition keeps the grant as it was
      const denied = new Set(all.filter((s) => s.Effect === 'Deny').flatMap((s) => [...actionsOf(s)]));
      const idx = all.findIndex((s, i) => s.Effect === 'Allow' && s.Condition !== undefined && onlyHere(all, i) && ![...actionsOf(s)].some((a) => denied.has(a)));
      if (idx < 0) return undefined;
      const q = clone(p);
      delete stmts(q)[idx]!.Condition;
      return q;
    },
  },
  {
    // a Deny that shares an action and overlapping resources with an Allow that has no condition (so the Deny
    // was what kept some requests out)
    kind: 'delete a Deny',
    mutate: (p) => {
      const all = stmts(p);
      const allows = all.filter((s) => s.Effect === 'Allow' && s.Condition === undefined && s.Resource !== undefined);
      const overlaps = (d: Stmt, a: Stmt): boolean =>
        d.NotResource !== undefined || list(d.Resource).some((x) => list(a.Resource).some((y) => arnsOverlap(x, y)));
      const idx = all.findIndex((d) => d.Effect === 'Deny' && allows.some((a) => overlaps(d, a) && [...actionsOf(d)].some((x) => actionsOf(a).has(x))));
      if (idx < 0) return undefined;
      const q = clone(p);
      stmts(q).splice(idx, 1);
      return q;
    },
  },
];

/** ARN patterns overlap segment by segment (a wildcard never spans the colons between the first six fields). */
function arnsOverlap(x: string, y: string): boolean {
  if (x === '*' || y === '*') return true;
  const fx = fields(x);
  const fy = fields(y);
  return fx.length === fy.length && fx.every((f, i) => patternsOverlap(f, fy[i]!, false));
}

function fields(arn: string): string[] {
  const parts = arn.split(':');
  return parts.length <= 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** True when statement i has an action that no other Allow statement applies to. */
function onlyHere(all: Stmt[], i: number): boolean {
  const others = new Set(all.filter((s, j) => j !== i && s.Effect === 'Allow').flatMap((s) => [...actionsOf(s)]));
  return [...actionsOf(all[i]!)].some((a) => !others.has(a));
}

const NARROWING: Mutation[] = [
  {
    kind: 'remove an action',
    mutate: (p) => {
      const idx = stmts(p).findIndex((s) => s.Effect === 'Allow' && list(s.Action).length > 1);
      if (idx < 0) return undefined;
      const q = clone(p);
      stmts(q)[idx]!.Action = list(stmts(q)[idx]!.Action).slice(1);
      return q;
    },
  },
  {
    kind: 'narrow a resource',
    mutate: (p) => {
      // "x*" → "x*zz-narrow" matches a subset; a literal resource is dropped from a list of several
      const narrowed = (rs: string[]): string[] | undefined => {
        if (rs.some((r) => r.endsWith('*'))) return rs.map((r) => (r.endsWith('*') ? `${r}zz-narrow` : r));
        return rs.length > 1 ? rs.slice(1) : undefined;
      };
      const idx = stmts(p).findIndex((s) => s.Effect === 'Allow' && s.Resource !== undefined && narrowed(list(s.Resource)) !== undefined);
      if (idx < 0) return undefined;
      const q = clone(p);
      stmts(q)[idx]!.Resource = narrowed(list(stmts(q)[idx]!.Resource));
      return q;
    },
  },
  {
    kind: 'add a condition',
    mutate: (p) => {
      const idx = stmts(p).findIndex((s) => s.Effect === 'Allow');
      if (idx < 0) return undefined;
      const q = clone(p);
      const s = stmts(q)[idx]!;
      s.Condition = { ...(s.Condition ?? {}), BoolIfExists: { 'aws:ViaAWSService': 'false' }, Bool: { ...(((s.Condition ?? {}) as Record<string, object>).Bool ?? {}), 'aws:MultiFactorAuthPresent': 'true' } };
      return q;
    },
  },
  {
    kind: 'add a Deny',
    mutate: (p) => {
      const first = stmts(p).find((s) => s.Effect === 'Allow' && s.Action !== undefined);
      if (!first) return undefined;
      const q = clone(p);
      stmts(q).push({ Effect: 'Deny', Action: list(first.Action)[0]!, Resource: '*' });
      return q;
    },
  },
  {
    kind: 'delete an Allow',
    mutate: (p) => {
      const idx = stmts(p).findIndex((s) => s.Effect === 'Allow');
      if (idx < 0) return undefined;
      const q = clone(p);
      stmts(q).splice(idx, 1);
      return q;
    },
  },
];

// the shared corpus sits beside the repository on the team's machines and in CI; a clone elsewhere skips these
const files = managedCorpusFiles();
const skip = files.length === 0 ? 'the shared AWS managed-policy corpus (../shared/corpus/aws-managed) is not on this machine' : false;
const policies = skip ? [] : sample(files);

test('the sample holds 200 managed policies', { skip }, () => {
  assert.equal(policies.length, 200);
});

test('widening mutations are all detected as gained', { skip }, () => {
  const misses: string[] = [];
  const counts = new Map<string, { tried: number; detected: number }>();
  for (const { name, policy } of policies) {
    for (const m of WIDENING) {
      const mutated = m.mutate(policy);
      if (!mutated) continue;
      const c = counts.get(m.kind) ?? { tried: 0, detected: 0 };
      counts.set(m.kind, c);
      c.tried++;
      const r = diffTexts(catalog, JSON.stringify(policy), JSON.stringify(mutated));
      if (r.gained.length > 0 && r.effectiveChange) c.detected++;
      else misses.push(`${name}: ${m.kind}`);
      if (process.env.DIFF_DEBUG && !(r.gained.length > 0)) console.log(name, m.kind, JSON.stringify(stmts(policy)), JSON.stringify(stmts(mutated)));
    }
  }
  const total = [...counts.values()].reduce((a, c) => ({ tried: a.tried + c.tried, detected: a.detected + c.detected }), { tried: 0, detected: 0 });
  console.log(`widening mutations detected: ${total.detected}/${total.tried} (${((100 * total.detected) / total.tried).toFixed(1)}%) ${JSON.stringify(Object.fromEntries(counts))}`);
  for (const k of WIDENING.map((m) => m.kind)) assert.ok((counts.get(k)?.tried ?? 0) >= 10, `too few "${k}" mutations`);
  assert.deepEqual(misses, []);
});

test('narrowing mutations are never reported as gained', { skip }, () => {
  const wrong: string[] = [];
  let tried = 0;
  for (const { name, policy } of policies) {
    for (const m of NARROWING) {
      const mutated = m.mutate(policy);
      if (!mutated) continue;
      tried++;
      const r = diffTexts(catalog, JSON.stringify(policy), JSON.stringify(mutated));
      if (r.gained.length > 0) wrong.push(`${name}: ${m.kind}: ${r.gained[0]!.action} ${JSON.stringify(r.gained[0]!.witness)}`);
    }
  }
  console.log(`narrowing mutations: ${tried}, reported as gained: ${wrong.length}`);
  assert.ok(tried >= 500);
  assert.deepEqual(wrong, []);
});
