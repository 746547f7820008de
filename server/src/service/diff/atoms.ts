// Normalises one policy for the permission diff: each statement becomes the catalog actions it applies to plus
// "atoms", one per (resource pattern × principal) it lists, each with its canonical condition set. Splitting
// lists into atoms is what makes reordering, string vs list, duplicates and statement split/merge compare equal.
// It does not compare anything (diffPolicies.ts does) and never reads text positions.

import type { IamCatalog } from '../knowledge/catalog';
import type { PolicyDocument, PolicyType, Span, Statement } from '../parser/policyModel';
import { expandActionElement } from '../knowledge/statementActions';
import { hasWildcard } from '../knowledge/glob';
import { patternCovers } from '../knowledge/arnMatch';
import { canonOf, condEntry, condSubset, type CondEntry } from './conditions';

/** A principal as written: `*` (anyone) or a typed value ("AWS", "arn:aws:iam::111122223333:root"). */
export interface PrincipalValue {
  readonly type: string;
  readonly value: string;
}

export interface StatementRef {
  readonly index: number;
  readonly sid: string | undefined;
  readonly span: Span;
}

export interface Atom {
  readonly id: number;
  readonly statement: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  /** one Resource pattern; undefined when the statement has neither Resource nor NotResource (trust policies) */
  readonly resource: string | undefined;
  /** NotResource: the request resource must match none of these */
  readonly notResource: readonly string[] | undefined;
  /** one Principal value ('*' = anyone); undefined when the statement names no principal (identity policies) */
  readonly principal: PrincipalValue | '*' | undefined;
  /** NotPrincipal: the request principal must match none of these */
  readonly notPrincipal: readonly PrincipalValue[] | undefined;
  readonly conditions: readonly CondEntry[];
  readonly condCanon: string;
  /** canonical text of everything but the statement: equal keys = the same grant */
  readonly key: string;
}

/** A catalog action, or an action name the catalog does not know (kept literally so changes to it still show). */
export interface DiffAction {
  readonly key: string;
  readonly fullName: string;
  readonly service: string;
  /** access level bitmask (knowledge/accessLevel.ts); 0 = unknown action */
  readonly accessLevel: number;
  readonly info: import('../knowledge/catalog').ActionInfo | undefined;
}

export interface NormalStatement {
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  readonly atoms: readonly Atom[];
  /** the actions it applies to */
  readonly actions: readonly DiffAction[];
}

export interface NormalPolicy {
  readonly policyType: PolicyType;
  readonly statements: readonly NormalStatement[];
}

/** Above this many resource × principal combinations a statement is kept as one atom per resource only. */
const MAX_ATOMS_PER_STATEMENT = 400;

let nextAtomId = 1;

export function actionOf(info: import('../knowledge/catalog').ActionInfo): DiffAction {
  return { key: info.fullName.toLowerCase(), fullName: info.fullName, service: info.service.prefix, accessLevel: info.accessLevel, info };
}

const actionCache = new WeakMap<object, DiffAction>();
function cachedAction(info: import('../knowledge/catalog').ActionInfo): DiffAction {
  let a = actionCache.get(info);
  if (!a) actionCache.set(info, (a = actionOf(info)));
  return a;
}

export function normalizePolicy(catalog: IamCatalog, policy: PolicyDocument, policyType: PolicyType = policy.policyType): NormalPolicy {
  const statements: NormalStatement[] = [];
  // only resource-based (trust) policies may leave Resource out; elsewhere such a statement matches nothing
  // (IAM rejects it; the evaluation engine treats it the same way)
  const resourceOptional = policyType === 'resource' || policyType === 'trust';
  for (const st of policy.statements) {
    if (!st.resource && !resourceOptional) continue;
    const n = normalizeStatement(catalog, st);
    if (n) statements.push(n);
  }
  return { policyType, statements };
}

function normalizeStatement(catalog: IamCatalog, st: Statement): NormalStatement | undefined {
  const effect = st.effect?.value;
  // Effect is case-sensitive: anything but Allow/Deny makes IAM reject the policy; it grants nothing here
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;
  const ref: StatementRef = { index: st.index, sid: st.sid?.value, span: { offset: st.node.offset, length: st.node.length } };
  const actions = statementActions(catalog, st);
  const conditions: CondEntry[] = [];
  for (const block of st.condition?.operators ?? []) {
    for (const entry of block.entries) conditions.push(condEntry(block.operator.value, entry.key.value, entry.values.map((v) => v.value)));
  }
  const condCanon = canonOf(conditions);
  const resEl = st.resource;
  const resources: Array<string | undefined> = !resEl || resEl.negated ? [undefined] : [...new Set(resEl.items.map((i) => i.value))];
  const notResource = resEl?.negated ? [...new Set(resEl.items.map((i) => i.value))].sort() : undefined;
  const prEl = st.principal;
  let principals: Array<PrincipalValue | '*' | undefined> = [undefined];
  let notPrincipal: PrincipalValue[] | undefined;
  if (prEl) {
    const values: Array<PrincipalValue | '*'> = [];
    if (prEl.wildcard) values.push(prEl.wildcard.value === '*' ? '*' : { type: 'AWS', value: prEl.wildcard.value });
    for (const e of prEl.entries) for (const v of e.values) values.push(e.type.value === 'AWS' && v.value === '*' ? '*' : { type: e.type.value, value: v.value });
    if (prEl.negated) notPrincipal = values.map((v) => (v === '*' ? { type: '*', value: '*' } : v));
    else principals = dedupePrincipals(values);
  }
  if (resources.length * principals.length > MAX_ATOMS_PER_STATEMENT) principals = [undefined];
  const atoms: Atom[] = [];
  const notR = notResource ? `!R${notResource.join('\u0002')}` : '';
  const notP = notPrincipal ? `!P${notPrincipal.map(pKey).sort().join('\u0002')}` : '';
  for (const resource of resources) {
    for (const principal of principals) {
      const key = `${effect}\u0004${resource ?? ''}${notR}\u0004${principal === undefined ? '' : principal === '*' ? '*' : pKey(principal)}${notP}\u0004${condCanon}`;
      atoms.push({ id: nextAtomId++, statement: ref, effect, resource, notResource, principal, notPrincipal, conditions, condCanon, key });
    }
  }
  return { ref, effect, atoms, actions };
}

function pKey(p: PrincipalValue): string {
  return `${p.type}=${p.value}`;
}

function dedupePrincipals(values: Array<PrincipalValue | '*'>): Array<PrincipalValue | '*'> {
  if (values.includes('*')) return ['*'];
  const seen = new Map<string, PrincipalValue>();
  for (const v of values as PrincipalValue[]) seen.set(pKey(v), v);
  return [...seen.values()];
}

/** Catalog actions for Action/NotAction; literal names the catalog does not know are kept as they are. */
function statementActions(catalog: IamCatalog, st: Statement): DiffAction[] {
  const el = st.action;
  if (!el) return [];
  const expanded = expandActionElement(catalog, el);
  const out: DiffAction[] = [];
  for (const a of expanded.actions) out.push(cachedAction(a));
  if (!el.negated) {
    for (const item of el.items) {
      const v = item.value;
      if (hasWildcard(v) || !v.includes(':') || catalog.getAction(v)) continue;
      const colon = v.indexOf(':');
      out.push({ key: v.toLowerCase(), fullName: v, service: v.slice(0, colon).toLowerCase(), accessLevel: 0, info: undefined });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Comparing atom sets

/** True when `outer` grants (or denies) everything `inner` does: same effect, wider or equal on every axis. */
export function atomCovers(outer: Atom, inner: Atom): boolean {
  if (outer.effect !== inner.effect) return false;
  if (!condSubset(outer.conditions, inner.conditions)) return false;
  if (!resourceCovers(outer, inner)) return false;
  return principalCovers(outer, inner);
}

function resourceCovers(outer: Atom, inner: Atom): boolean {
  if (outer.notResource || inner.notResource) {
    if (outer.notResource && inner.notResource) return outer.notResource.join('\u0002') === inner.notResource.join('\u0002');
    if (outer.resource === '*' && inner.notResource) return true;
    return false;
  }
  if (outer.resource === undefined) return true;
  if (inner.resource === undefined) return false;
  return outer.resource === '*' || outer.resource === inner.resource || patternCovers(outer.resource, inner.resource, false);
}

function principalCovers(outer: Atom, inner: Atom): boolean {
  if (outer.notPrincipal || inner.notPrincipal) return outer.notPrincipal !== undefined && inner.notPrincipal !== undefined && outer.notPrincipal.map(pKey).sort().join() === inner.notPrincipal.map(pKey).sort().join();
  if (outer.principal === undefined || outer.principal === '*') return true;
  if (inner.principal === undefined || inner.principal === '*') return false;
  return outer.principal.type === inner.principal.type && outer.principal.value === inner.principal.value;
}

/** The atoms with every atom covered by another one removed; the canonical keys of what is left, sorted. */
export function reducedKeys(atoms: readonly Atom[]): string[] {
  const unique = new Map<string, Atom>();
  for (const a of atoms) if (!unique.has(a.key)) unique.set(a.key, a);
  const list = [...unique.values()];
  const kept: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    let covered = false;
    // two atoms that cover each other say the same thing: the first one stays
    for (let j = 0; j < list.length && !covered; j++) if (j !== i && atomCovers(list[j]!, a) && (j < i || !atomCovers(a, list[j]!))) covered = true;
    if (!covered) kept.push(a.key);
  }
  return kept.sort();
}

/**
 * RCPFullAWSAccess: attached at every level and never detachable, so an RCP file only ever denies on top of an
 * Allow of everything. The diff adds it to both versions of an RCP (statement index -1: never reported).
 */
export function implicitRcpAllow(catalog: IamCatalog): NormalStatement {
  const ref: StatementRef = { index: -1, sid: 'RCPFullAWSAccess', span: { offset: 0, length: 0 } };
  const atom: Atom = { id: nextAtomId++, statement: ref, effect: 'Allow', resource: '*', notResource: undefined, principal: '*', notPrincipal: undefined, conditions: [], condCanon: '', key: 'Allow\u0004*\u0004*\u0004' };
  return { ref, effect: 'Allow', atoms: [atom], actions: catalog.expandActions('*').map(cachedAction) };
}
