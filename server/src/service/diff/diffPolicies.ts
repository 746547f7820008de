// The permission diff of two versions of ONE policy: what the new version allows that the old one does not
// (gained) and the reverse (lost), per concrete catalog action, each with a witness request that the injected
// evaluator (the evaluation engine) confirms. Actions that every statement treats alike are compared once; a
// group whose canonical grants are equal on both sides is unchanged without any search. Pure: no I/O.

import type { IamCatalog } from '../knowledge/catalog';
import type { PolicyDocument, PolicyType } from '../parser/policyModel';
import { formatAccessLevel } from '../knowledge/accessLevel';
import { resourceTypesOfAction } from '../knowledge/arnIndex';
import { implicitRcpAllow, normalizePolicy, reducedKeys, atomCovers, type Atom, type DiffAction, type NormalPolicy, type StatementRef } from './atoms';
import { conditionsJson, entryHolds } from './conditions';
import { framingFor, withDerived } from './framing';
import { atomMatches, contextCandidates, decide, fitsResourceType, principalCandidates, principalMatches, resourceCandidates, resourceMatches, variableContext, type Request, type RequestPrincipal } from './search';

/** A concrete request, as the engine takes it. Context keys as written in the policy; lists for multivalued keys. */
export interface WitnessRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string | string[]>;
  /** resource and trust policies: who makes the request */
  readonly principal?: string;
  readonly principalType?: string;
}

export type Verdict = 'allowed' | 'explicitly-denied' | 'implicitly-denied';

/**
 * Evaluates a witness against one version (undefined = the version does not exist: nothing is allowed). Returns
 * undefined when it cannot evaluate the request; such an item is never reported as gained or lost.
 */
export type WitnessEvaluator = (policy: PolicyDocument | undefined, policyType: PolicyType, request: WitnessRequest) => Verdict | undefined;

export type ChangeKind = 'action-added' | 'resource-widened' | 'condition-loosened' | 'deny-removed' | 'principal-added';

export interface DiffStatementRef extends StatementRef {
  readonly effect: 'Allow' | 'Deny';
}

export interface DiffItem {
  readonly action: string;
  readonly accessLevel: string;
  /** the resource pattern of the grant ("NotResource: a, b" for NotResource statements) */
  readonly resource: string;
  readonly conditions: Record<string, Record<string, string | string[]>>;
  readonly principal?: string;
  readonly witness: WitnessRequest;
  readonly kind: ChangeKind;
  /** resource-widened: the resources the other side allowed the action on */
  readonly previously?: readonly string[];
  /**
   * false when no resource of the action's types can match the grant's pattern (e.g. s3:PutObject on a bucket
   * ARN): the engine allows the witness, but no real request names such a resource. Not counted by the gates.
   */
  readonly fitsResourceType: boolean;
  /** the statements responsible: `old` on the side that did not allow it, `new` on the side that does */
  readonly statements: { readonly old: readonly DiffStatementRef[]; readonly new: readonly DiffStatementRef[] };
}

export interface ConditionChange {
  /** statement index in the version that had the condition */
  readonly statement: number;
  readonly sid?: string;
  readonly operator: string;
  readonly key: string;
  readonly change: 'removed' | 'loosened';
  readonly effect: 'Allow' | 'Deny';
}

/** Widened: the action was allowed on `old` and is now also allowed on `new`; narrowed: the reverse. */
export interface ResourceChange {
  readonly old: readonly string[];
  readonly new: readonly string[];
  readonly actions: readonly string[];
}

export interface PrincipalChange {
  readonly principal: string;
  readonly actions: readonly string[];
}

export interface PolicyDiff {
  readonly effectiveChange: boolean;
  readonly gained: readonly DiffItem[];
  readonly lost: readonly DiffItem[];
  readonly conditionsRemoved: readonly ConditionChange[];
  readonly resourcesWidened: readonly ResourceChange[];
  readonly resourcesNarrowed: readonly ResourceChange[];
  readonly principalsGained: readonly PrincipalChange[];
  readonly principalsLost: readonly PrincipalChange[];
  /** witnesses the local search found but the evaluator did not confirm (dropped, counted for honesty) */
  readonly unconfirmed: number;
  /** how the witnesses were confirmed: each on its own, or one per bucket of alike actions (large diffs) */
  readonly confirmation: { readonly mode: 'each' | 'per-bucket'; readonly requests: number };
}

export interface DiffOptions {
  readonly evaluate: WitnessEvaluator;
  /** the policy type both versions are read as (default: the new version's, else the old one's) */
  readonly policyType?: PolicyType;
}

interface Side {
  readonly doc: PolicyDocument | undefined;
  readonly normal: NormalPolicy;
}

interface Found {
  readonly grant: Atom;
  readonly request: Request;
}

interface Candidate {
  readonly action: DiffAction;
  readonly found: Found;
  readonly other: readonly Atom[];
  readonly direction: 'gained' | 'lost';
}

/** Up to this many gained + lost items, each is confirmed on its own witness (beyond: one per bucket). */
export const MAX_EACH = 8;

export function diffPolicies(catalog: IamCatalog, oldDoc: PolicyDocument | undefined, newDoc: PolicyDocument | undefined, options: DiffOptions): PolicyDiff {
  const policyType = options.policyType ?? newDoc?.policyType ?? oldDoc?.policyType ?? 'identity';
  const normalOf = (doc: PolicyDocument | undefined): NormalPolicy => {
    const n = doc ? normalizePolicy(catalog, doc, policyType) : { policyType, statements: [] };
    // an RCP only denies on top of the implied RCPFullAWSAccess (a deleted RCP file leaves that Allow too)
    return policyType === 'rcp' ? { policyType, statements: [implicitRcpAllow(catalog), ...n.statements] } : n;
  };
  const oldSide: Side = { doc: oldDoc, normal: normalOf(oldDoc) };
  const newSide: Side = { doc: newDoc, normal: normalOf(newDoc) };
  const groups = groupActions(oldSide.normal, newSide.normal);
  const gained: DiffItem[] = [];
  const lost: DiffItem[] = [];
  const conditionsRemoved = new Map<string, ConditionChange>();
  let unconfirmed = 0;
  const candidates: Candidate[] = [];
  for (const g of groups) {
    if (!g.oldAtoms.some(isAllow) && !g.newAtoms.some(isAllow)) continue;
    // the same grants written the same way (after splitting lists): unchanged without the pairwise reduction
    if (sameKeys(uniqueKeys(g.oldAtoms), uniqueKeys(g.newAtoms)) || sameKeys(reducedKeys(g.oldAtoms), reducedKeys(g.newAtoms))) continue;
    for (const [gaining, other, direction] of [
      [g.newAtoms, g.oldAtoms, 'gained'],
      [g.oldAtoms, g.newAtoms, 'lost'],
    ] as const) {
      const memo = new Map<unknown, Found[]>();
      for (const action of g.actions) {
        const typesKey = action.info ? (resourceTypesOfAction(action.info) ?? action.key) : action.key;
        let found = memo.get(typesKey);
        if (!found) memo.set(typesKey, (found = searchWitnesses(policyType, action, gaining, other)));
        for (const f of found) candidates.push({ action, found: f, other, direction });
      }
    }
  }
  // Confirmation. Actions of one bucket (same statements on both sides, same service and resource types, same
  // granting atom: one Found) share the witness up to the action name, and the engine's decision depends on the
  // action only through those statements and per-service rules: one confirmed witness per bucket stands for all
  // of them. RCPs have per-action rules (kms:RetireGrant): there, and for small diffs, each item is confirmed.
  const each = policyType === 'rcp' || candidates.length <= MAX_EACH;
  const verdicts = new Map<unknown, boolean>();
  let requests = 0;
  for (const c of candidates) {
    const witness = toWitness(c.action, c.found.request);
    const bucketKey = c.found;
    let confirmed = each ? undefined : verdicts.get(bucketKey);
    if (confirmed === undefined) {
      requests++;
      const oldVerdict = options.evaluate(oldSide.doc, policyType, witness);
      const newVerdict = options.evaluate(newSide.doc, policyType, witness);
      confirmed = c.direction === 'gained' ? oldVerdict !== undefined && oldVerdict !== 'allowed' && newVerdict === 'allowed' : newVerdict !== undefined && newVerdict !== 'allowed' && oldVerdict === 'allowed';
      if (!each) verdicts.set(bucketKey, confirmed);
    }
    if (!confirmed) {
      unconfirmed++;
      continue;
    }
    const item = describe(c.action, c.found, c.other, witness);
    (c.direction === 'gained' ? gained : lost).push(item);
    if (c.direction === 'gained') for (const ch of conditionChanges(c.found, c.other)) conditionsRemoved.set(`${ch.statement}\u0000${ch.operator}\u0000${ch.key.toLowerCase()}`, ch);
  }
  const byAction = (a: DiffItem, b: DiffItem) => cmp(a.action, b.action) || cmp(a.resource, b.resource);
  gained.sort(byAction);
  lost.sort(byAction);
  return {
    effectiveChange: gained.length > 0 || lost.length > 0,
    gained,
    lost,
    conditionsRemoved: [...conditionsRemoved.values()].sort((a, b) => a.statement - b.statement || cmp(a.key, b.key)),
    resourcesWidened: resourceChanges(gained, 'widened'),
    resourcesNarrowed: resourceChanges(lost, 'narrowed'),
    principalsGained: principalChanges(gained, oldSide.normal),
    principalsLost: principalChanges(lost, newSide.normal),
    unconfirmed,
    confirmation: { mode: each ? 'each' : 'per-bucket', requests },
  };
}

function isAllow(a: Atom): boolean {
  return a.effect === 'Allow';
}

function uniqueKeys(atoms: readonly Atom[]): string[] {
  return [...new Set(atoms.map((a) => a.key))].sort();
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Grouping: actions that the same statements apply to, on both sides, behave alike

interface ActionGroup {
  readonly actions: DiffAction[];
  readonly oldAtoms: readonly Atom[];
  readonly newAtoms: readonly Atom[];
}

function groupActions(oldP: NormalPolicy, newP: NormalPolicy): ActionGroup[] {
  const all = [...oldP.statements, ...newP.statements];
  const byAction = new Map<string, { action: DiffAction; ids: number[] }>();
  all.forEach((st, id) => {
    for (const a of st.actions) {
      const e = byAction.get(a.key);
      if (!e) byAction.set(a.key, { action: a, ids: [id] });
      else if (e.ids[e.ids.length - 1] !== id) e.ids.push(id);
    }
  });
  const groups = new Map<string, ActionGroup>();
  const split = oldP.statements.length;
  for (const { action, ids } of byAction.values()) {
    const key = ids.join(',');
    let g = groups.get(key);
    if (!g) {
      const oldAtoms = ids.filter((i) => i < split).flatMap((i) => all[i]!.atoms);
      const newAtoms = ids.filter((i) => i >= split).flatMap((i) => all[i]!.atoms);
      groups.set(key, (g = { actions: [], oldAtoms, newAtoms }));
    }
    g.actions.push(action);
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Search

/** For each allow atom of the gaining side, the first request it allows that the other side does not. */
function searchWitnesses(policyType: PolicyType, action: DiffAction, gaining: readonly Atom[], other: readonly Atom[]): Found[] {
  const gainingDenies = gaining.filter((a) => a.effect === 'Deny');
  const otherAllows = other.filter(isAllow);
  const otherDenies = other.filter((a) => a.effect === 'Deny');
  const found: Found[] = [];
  for (const grant of gaining) {
    if (grant.effect !== 'Allow') continue;
    const request = searchOne(policyType, action, grant, gaining, gainingDenies, other, otherAllows, otherDenies);
    if (request) found.push({ grant, request });
  }
  // report the widest grants only: one covered by another gaining grant adds nothing a reviewer needs
  return found.filter((f) => !found.some((o) => o !== f && atomCovers(o.grant, f.grant) && (!atomCovers(f.grant, o.grant) || found.indexOf(o) < found.indexOf(f))));
}

function searchOne(policyType: PolicyType, action: DiffAction, grant: Atom, gaining: readonly Atom[], gainingDenies: readonly Atom[], other: readonly Atom[], otherAllows: readonly Atom[], otherDenies: readonly Atom[]): Request | undefined {
  const resources = resourceCandidates(action.info, grant.resource, grant.notResource);
  const patterns: Array<string | undefined> = [grant.resource];
  // a Deny removed: the witness must fall inside the old Deny's resources
  for (const d of otherDenies) {
    if (d.resource === undefined && !d.notResource) continue;
    for (const r of resourceCandidates(action.info, d.resource, d.notResource)) if (!resources.includes(r)) resources.push(r);
    patterns.push(d.resource);
  }
  // a NotResource exclusion dropped (an Allow's, or a Deny's on either side): inside the excluded resources
  for (const a of [...other, ...gaining]) {
    for (const p of a.notResource ?? []) {
      for (const r of resourceCandidates(action.info, p, undefined)) if (!resources.includes(r)) resources.push(r);
      patterns.push(p);
    }
  }
  if (resources.length === 0) return undefined;
  const principals: Array<RequestPrincipal | undefined> = grant.principal === undefined && !grant.notPrincipal ? [undefined] : principalCandidates(grant);
  if (principals.length === 0) return undefined;
  const contexts = contextCandidates(grant, gainingDenies, otherAllows, otherDenies, variableContext(patterns));
  for (const context of contexts) {
    for (const resource of resources) {
      for (const principal of principals) {
        const req: Request = { resource, principal, context: withDerived(context, framingFor(policyType, principal)), explicit: context };
        if (!atomMatches(grant, req)) continue;
        if (decide(gaining, req) !== 'allowed') continue;
        if (decide(other, req) === 'allowed') continue;
        return req;
      }
    }
  }
  return undefined;
}

function toWitness(action: DiffAction, req: Request): WitnessRequest {
  const context: Record<string, string | string[]> = {};
  for (const { key, values } of req.explicit.values()) context[key] = values.length === 1 ? values[0]! : [...values];
  return {
    action: action.fullName,
    resource: req.resource,
    context,
    ...(req.principal ? { principal: req.principal.value, principalType: req.principal.type } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Describing a confirmed change

function ref(a: Atom): DiffStatementRef {
  return { ...a.statement, effect: a.effect };
}

function uniqueRefs(atoms: readonly Atom[]): DiffStatementRef[] {
  const seen = new Map<number, DiffStatementRef>();
  // index -1: the implied RCPFullAWSAccess, in no file
  for (const a of atoms) if (a.statement.index >= 0 && !seen.has(a.statement.index)) seen.set(a.statement.index, ref(a));
  return [...seen.values()].sort((x, y) => x.index - y.index);
}

function describe(action: DiffAction, f: Found, other: readonly Atom[], witness: WitnessRequest): DiffItem {
  const g = f.grant;
  const req = f.request;
  const otherAllows = other.filter(isAllow);
  const denying = other.filter((a) => a.effect === 'Deny' && atomMatches(a, req));
  let kind: ChangeKind;
  let involved: Atom[];
  if (denying.length > 0) {
    kind = 'deny-removed';
    involved = denying;
  } else if (otherAllows.length === 0) {
    kind = 'action-added';
    involved = [];
  } else {
    const onResource = otherAllows.filter((a) => resourceMatches(a, req));
    const onPrincipal = onResource.filter((a) => principalMatches(a, req.principal));
    if (onResource.length === 0) kind = 'resource-widened';
    else if (onPrincipal.length === 0) kind = 'principal-added';
    else kind = 'condition-loosened';
    involved = onPrincipal.length > 0 ? onPrincipal : onResource.length > 0 ? onResource : otherAllows;
  }
  const previously = kind === 'resource-widened' ? [...new Set(otherAllows.map(resourceText))].sort() : undefined;
  const principal = principalText(g);
  return {
    action: action.fullName,
    accessLevel: action.accessLevel ? formatAccessLevel(action.accessLevel) : 'Unknown',
    resource: resourceText(g),
    conditions: conditionsJson(g.conditions),
    ...(principal !== undefined ? { principal } : {}),
    witness,
    kind,
    fitsResourceType: fitsResourceType(action.info, witness.resource),
    ...(previously ? { previously } : {}),
    statements: { old: uniqueRefs(involved), new: uniqueRefs([g]) },
  };
}

function principalText(a: Atom): string | undefined {
  return a.principal === '*' ? '*' : a.principal ? `${a.principal.type}: ${a.principal.value}` : a.notPrincipal ? `NotPrincipal: ${a.notPrincipal.map((p) => p.value).join(', ')}` : undefined;
}

function resourceText(a: Atom): string {
  return a.resource ?? (a.notResource ? `NotResource: ${a.notResource.join(', ')}` : '*');
}

/** The other side's conditions that kept the witness out: removed (the grant has no condition on the key) or loosened. */
function conditionChanges(f: Found, other: readonly Atom[]): ConditionChange[] {
  const out: ConditionChange[] = [];
  const req = f.request;
  for (const a of other) {
    if (!resourceMatches(a, req) || !principalMatches(a, req.principal)) continue;
    if (a.effect === 'Allow') {
      for (const e of a.conditions) {
        if (entryHolds(e, req.context)) continue;
        const kept = f.grant.conditions.some((c) => c.keyLower === e.keyLower);
        out.push({ statement: a.statement.index, ...(a.statement.sid ? { sid: a.statement.sid } : {}), operator: e.op, key: e.key, change: kept ? 'loosened' : 'removed', effect: 'Allow' });
      }
    } else if (atomMatches(a, req)) {
      for (const e of a.conditions) out.push({ statement: a.statement.index, ...(a.statement.sid ? { sid: a.statement.sid } : {}), operator: e.op, key: e.key, change: 'removed', effect: 'Deny' });
    }
  }
  return out;
}

function resourceChanges(items: readonly DiffItem[], direction: 'widened' | 'narrowed'): ResourceChange[] {
  const by = new Map<string, { resource: string; previously: Set<string>; actions: string[] }>();
  for (const i of items) {
    if (i.kind !== 'resource-widened') continue;
    let e = by.get(i.resource);
    if (!e) by.set(i.resource, (e = { resource: i.resource, previously: new Set(), actions: [] }));
    for (const p of i.previously ?? []) e.previously.add(p);
    e.actions.push(i.action);
  }
  return [...by.values()].map((e) => {
    const other = [...e.previously].sort();
    return direction === 'widened' ? { old: other, new: [e.resource], actions: e.actions } : { old: [e.resource], new: other, actions: e.actions };
  });
}

/** Principals granted something on one side that the other side names in no Allow at all. */
function principalChanges(items: readonly DiffItem[], other: NormalPolicy): PrincipalChange[] {
  const named = new Set<string>();
  for (const st of other.statements) for (const a of st.atoms) if (a.effect === 'Allow') named.add(principalText(a) ?? '');
  const by = new Map<string, string[]>();
  for (const i of items) {
    if (i.principal === undefined || named.has(i.principal) || named.has('*')) continue;
    const list = by.get(i.principal);
    if (list) list.push(i.action);
    else by.set(i.principal, [i.action]);
  }
  return [...by.entries()].map(([principal, actions]) => ({ principal, actions }));
}
