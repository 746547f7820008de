// Witness search for the permission diff: concrete requests (action, resource ARN, principal, context) built
// from a granting atom's patterns and the other side's conditions, checked with a small local evaluator of ONE
// policy's atoms. The local evaluator only proposes: every witness it finds is confirmed by the evaluation
// engine before it is reported (diffPolicies.ts). It knows nothing about SCP levels or cross-account rules.

import type { ActionInfo, ResourceTypeInfo } from '../knowledge/catalog';
import { resourceTypesOfAction } from '../knowledge/arnIndex';
import { globMatch, hasWildcard } from '../knowledge/glob';
import { principalAccount, isAccountId } from '../knowledge/principals';
import { allHold, instantiateGlob, satisfy, satisfyEach, satisfyPresent, violate, violatePresent, type Context, type CondEntry } from './conditions';
import { DERIVED_KEYS } from './framing';
import type { Atom, PrincipalValue } from './atoms';

export interface RequestPrincipal {
  /** "AWS", "Service", "Federated", "CanonicalUser" */
  readonly type: string;
  readonly value: string;
}

export interface Request {
  readonly resource: string;
  readonly principal: RequestPrincipal | undefined;
  /** what the policy sees: the explicit context plus the keys the engine derives (framing.ts) */
  readonly context: Context;
  /** the context the witness states */
  readonly explicit: Context;
}

export type LocalVerdict = 'allowed' | 'explicitly-denied' | 'implicitly-denied';

// ---------------------------------------------------------------------------------------------------------
// Local evaluation of one policy's atoms (for one action)

export function decide(atoms: readonly Atom[], req: Request): LocalVerdict {
  let allowed = false;
  for (const a of atoms) {
    if (a.effect === 'Deny') {
      if (atomMatches(a, req)) return 'explicitly-denied';
    } else if (!allowed && atomMatches(a, req)) {
      allowed = true;
    }
  }
  return allowed ? 'allowed' : 'implicitly-denied';
}

export function atomMatches(a: Atom, req: Request): boolean {
  return resourceMatches(a, req) && principalMatches(a, req.principal) && allHold(a.conditions, req.context);
}

export function resourceMatches(a: Atom, req: Request): boolean {
  if (a.notResource) return !a.notResource.some((p) => resourcePatternMatches(p, req));
  if (a.resource === undefined) return true;
  return resourcePatternMatches(a.resource, req);
}

/** Glob match, case-sensitive, with ${key} policy variables replaced from the request context. */
function resourcePatternMatches(pattern: string, req: Request): boolean {
  const resolved = pattern.includes('${') ? substituteVariables(pattern, req.context) : pattern;
  return resolved !== undefined && globMatch(resolved, req.resource, false);
}

/** `${aws:username}` → its context value; `${*}`, `${?}`, `${$}` → the literal character; undefined when a key is missing. */
export function substituteVariables(pattern: string, ctx: Context): string | undefined {
  let missing = false;
  const out = pattern.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const comma = inner.indexOf(',');
    const key = (comma >= 0 ? inner.slice(0, comma) : inner).trim().toLowerCase();
    const v = ctx.get(key)?.values;
    if (v && v.length === 1) return v[0]!.replace(/[*?]/g, '');
    if (comma >= 0) return inner.slice(comma + 1).trim().replace(/^'|'$/g, '');
    missing = true;
    return whole;
  });
  return missing ? undefined : out;
}

export function principalMatches(a: Atom, p: RequestPrincipal | undefined): boolean {
  // NotPrincipal names only the exact entities listed (an account there does not cover its roles)
  if (a.notPrincipal) return !a.notPrincipal.some((v) => v.type === '*' || (p !== undefined && v.type === p.type && (v.value === p.value || (isAccountId(v.value) && `arn:aws:iam::${v.value}:root` === p.value))));
  if (a.principal === undefined || a.principal === '*') return true;
  return principalValueMatches(a.principal, p);
}

/** An account id or its :root ARN stands for every principal of the account; other values match exactly. */
function principalValueMatches(v: PrincipalValue, p: RequestPrincipal | undefined): boolean {
  if (v.type === '*') return true;
  if (!p || p.type !== v.type) return false;
  if (v.type === 'AWS') {
    if (v.value === '*') return true;
    if (isAccountId(v.value) || /^arn:[^:]+:iam::\d{12}:root$/.test(v.value)) return principalAccount(p.value) === principalAccount(v.value);
    return v.value === p.value;
  }
  return v.value === p.value;
}

// ---------------------------------------------------------------------------------------------------------
// Candidate requests

const FILLERS = [
  { Partition: 'aws', Region: 'us-east-1', Account: '123456789012', other: 'zz-witness' },
  { Partition: 'aws-us-gov', Region: 'us-gov-west-1', Account: '999988887777', other: 'zz-witness-2' },
];

/** Concrete resources matched by `pattern` for the action: shaped like its resource types when it has any. */
export function resourceCandidates(action: ActionInfo | undefined, pattern: string | undefined, notResource: readonly string[] | undefined): string[] {
  const types = action ? resourceTypesOfAction(action) : undefined;
  const out: string[] = [];
  const add = (r: string | undefined): void => {
    if (r !== undefined && !out.includes(r)) out.push(r);
  };
  const fits = (r: string): boolean => (pattern === undefined ? true : globMatch(patternForMatch(pattern), r, false)) && !(notResource ?? []).some((p) => globMatch(patternForMatch(p), r, false));
  if (types && types.length === 0) {
    // the action only supports "Resource": "*": the request names no resource
    if (fits('*')) add('*');
    return out;
  }
  const target = pattern !== undefined ? patternForMatch(pattern) : undefined;
  for (const t of types ?? []) {
    for (const f of FILLERS) {
      const filled = fillTemplate(t, f);
      if (target !== undefined) for (const merged of mergeWithPattern(target, filled)) if (fits(merged) && templateMatches(t, merged)) add(merged);
      if (fits(filled)) add(filled);
    }
  }
  if (out.length === 0 && target !== undefined) {
    // nothing shaped like the action's resource types fits the pattern (or the catalog does not say what the
    // resource looks like): the pattern's own instantiations, so that no grant goes unreported
    for (const r of globInstances(target)) if (fits(r)) add(r);
  }
  if (out.length === 0 && fits('*')) add('*');
  return out;
}

const STAR_FILLERS = ['zz-witness/zz-witness', '/zz-witness', 'zz-witness:zz-witness'];

/** Strings matched by a glob: every `*` as "zz", then the last `*` (and then all) as a path-like filler. */
export function globInstances(pattern: string): string[] {
  const out = [instantiateGlob(pattern)];
  const stars = (pattern.match(/\*/g) ?? []).length;
  if (stars === 0) return out;
  for (const f of STAR_FILLERS) {
    let seen = 0;
    out.push(pattern.replace(/\*/g, () => (++seen === stars ? f : 'zz')).replace(/\?/g, 'z'));
    out.push(pattern.replace(/\*/g, f).replace(/\?/g, 'z'));
  }
  return [...new Set(out)];
}

/** Policy variables in a pattern become the filler the witness context supplies (see variableContext). */
export function patternForMatch(pattern: string): string {
  return pattern.includes('${') ? pattern.replace(/\$\{([^}]*)\}/g, (_w, inner: string) => (inner === '*' || inner === '?' || inner === '$' ? inner : 'zzvar')) : pattern;
}

/** The context values that make the patterns' policy variables resolve to the filler "zzvar". */
export function variableContext(patterns: ReadonlyArray<string | undefined>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const p of patterns) {
    if (!p?.includes('${')) continue;
    for (const m of p.matchAll(/\$\{([^},]*)[^}]*\}/g)) {
      const key = m[1]!.trim();
      if (key !== '*' && key !== '?' && key !== '$') out.push([key, 'zzvar']);
    }
  }
  return out;
}

function fillTemplate(t: ResourceTypeInfo, f: (typeof FILLERS)[number]): string {
  return t.arn.replace(/\$\{([^}]*)\}/g, (_w, name: string) => (name === 'Partition' ? f.Partition : name === 'Region' ? f.Region : name === 'Account' ? f.Account : f.other));
}

/**
 * False when the catalog knows the action's resource types and the resource fits none of them: the grant is in
 * the policy's request space but no real request of that action names such a resource.
 */
export function fitsResourceType(action: ActionInfo | undefined, resource: string): boolean {
  const types = action ? resourceTypesOfAction(action) : undefined;
  if (!types) return true;
  if (types.length === 0) return resource === '*';
  return types.some((t) => templateMatches(t, resource));
}

/**
 * Does a concrete ARN have the shape of a resource type? A placeholder matches any text without ":" (the last
 * one: anything, it may hold a path like "${ObjectName}"); bucket names never hold "/" (S3 naming rules). The
 * RegExp is built from the catalog's templates, never from policy text.
 */
function templateMatches(t: ResourceTypeInfo, arn: string): boolean {
  let re = templateRegex.get(t);
  if (!re) {
    const parts = t.arn.split(/(\$\{[^}]*\})/);
    const lastVar = parts.map((p, i) => (p.startsWith('${') ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    const body = parts.map((p, i) => (p.startsWith('${') ? (/bucket/i.test(p) ? '[^/:]*' : i === lastVar && i >= parts.length - 2 ? '.*' : '[^:]*') : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    templateRegex.set(t, (re = new RegExp(`^${body}$`)));
  }
  return re.test(arn);
}

const templateRegex = new WeakMap<ResourceTypeInfo, RegExp>();

/**
 * Field by field: the pattern's literal fields, the template's values where the pattern's wildcards accept them,
 * else instances of the pattern's field (several, so that one of them may fit the template's shape).
 */
function mergeWithPattern(pattern: string, filled: string): string[] {
  const pf = splitFields(pattern);
  const tf = splitFields(filled);
  if (pf.length !== 6 || tf.length !== 6) return globInstances(pattern);
  const fixed = pf.map((p, i) => (!hasWildcard(p) ? p : globMatch(p, tf[i]!, false) ? tf[i]! : undefined));
  if (fixed[5] !== undefined) return [fixed.map((f, i) => f ?? instantiateGlob(pf[i]!)).join(':')];
  const head = fixed.slice(0, 5).map((f, i) => f ?? instantiateGlob(pf[i]!)).join(':');
  return globInstances(pf[5]!).map((r) => `${head}:${r}`);
}

function splitFields(arn: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const c = arn.indexOf(':', start);
    if (c < 0) break;
    out.push(arn.slice(start, c));
    start = c + 1;
  }
  out.push(arn.slice(start));
  return out;
}

/** Request principals matched by the atom's principal, preferring ones the other side names nowhere. */
export function principalCandidates(a: Atom): RequestPrincipal[] {
  if (a.principal === undefined && !a.notPrincipal) return [];
  const out: RequestPrincipal[] = [];
  const p = a.principal;
  if (p === '*' || a.notPrincipal) {
    out.push({ type: 'AWS', value: 'arn:aws:iam::999988887777:role/zz-witness' }, { type: 'AWS', value: 'arn:aws:iam::123456789012:role/zz-witness' });
  } else if (p) {
    if (p.type === 'AWS' && (isAccountId(p.value) || /:root$/.test(p.value))) out.push({ type: 'AWS', value: `arn:aws:iam::${principalAccount(p.value)}:role/zz-witness` });
    else out.push({ type: p.type, value: p.value });
  }
  return out.filter((c) => principalMatches(a, c));
}

// ---------------------------------------------------------------------------------------------------------
// Contexts

type MutableContext = Map<string, { key: string; values: readonly string[] }>;

class ContextBuilder {
  readonly ctx: MutableContext = new Map();
  private readonly claimed = new Set<string>();
  /** Sets the key unless already decided; 'absent' claims it without a value. */
  set(key: string, made: ReturnType<typeof satisfy>): void {
    const lower = key.toLowerCase();
    if (made === null || this.claimed.has(lower)) return;
    if (made !== 'absent') for (const [k, v] of made.extra ?? []) if (k.toLowerCase() !== lower) this.set(k, { values: [v] });
    this.claimed.add(lower);
    if (made !== 'absent') this.ctx.set(lower, { key, values: made.values });
  }
  satisfyAll(conds: readonly CondEntry[]): this {
    for (const c of conds) this.set(c.key, DERIVED_KEYS.has(c.keyLower) ? satisfyPresent(c) : satisfy(c));
    return this;
  }
  violateAll(conds: readonly CondEntry[]): this {
    for (const c of conds) this.set(c.key, DERIVED_KEYS.has(c.keyLower) ? violatePresent(c) : violate(c));
    return this;
  }
  copy(): ContextBuilder {
    const b = new ContextBuilder();
    for (const [k, v] of this.ctx) b.ctx.set(k, v);
    for (const k of this.claimed) b.claimed.add(k);
    return b;
  }
}

/**
 * Contexts worth trying for a request granted by `grant` on the gaining side: its own conditions satisfied, then
 * also the other side's allow conditions violated, or one of the other side's deny conditions satisfied (a Deny
 * that was removed), with the gaining side's deny conditions violated in each.
 */
export function contextCandidates(grant: Atom, gainingDenies: readonly Atom[], otherAllows: readonly Atom[], otherDenies: readonly Atom[], variables: ReadonlyArray<[string, string]>): Context[] {
  const base = new ContextBuilder();
  for (const [k, v] of variables) base.set(k, { values: [v] });
  base.satisfyAll(grant.conditions);
  const variants: ContextBuilder[] = [base.copy()];
  const violatedOthers = base.copy();
  for (const o of otherAllows) violatedOthers.violateAll(o.conditions);
  variants.push(violatedOthers);
  for (const d of otherDenies.slice(0, 8)) if (d.conditions.length > 0) variants.push(base.copy().satisfyAll(d.conditions));
  // each value of a multi-valued condition of the grant (the one added may be the only one the other side lacks)
  for (const e of grant.conditions) {
    for (const made of satisfyEach(e).slice(1, 8)) {
      const v = new ContextBuilder();
      for (const [k, x] of variables) v.set(k, { values: [x] });
      v.set(e.key, made);
      v.satisfyAll(grant.conditions);
      for (const o of otherAllows) v.violateAll(o.conditions);
      variants.push(v);
    }
  }
  const out: Context[] = [];
  const seen = new Set<string>();
  for (const v of variants) {
    for (const d of gainingDenies) v.violateAll(d.conditions);
    const key = [...v.ctx.entries()].map(([k, x]) => `${k}=${x.values.join(',')}`).sort().join(';');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v.ctx);
  }
  return out;
}
