// Condition blocks for the permission diff: a canonical form (so two blocks that say the same thing compare
// equal whatever their order, casing of keys or one-element lists), a local evaluator used only to SEARCH for
// witness requests (the evaluation engine confirms every witness), and value makers that satisfy or violate one
// condition. It does not decide anything reported on its own.

import { parseOperator, type ParsedOperator } from '../knowledge/operators';
import { parseCidr, cidrContains, type Cidr } from '../knowledge/conditionValues';
import { globMatch } from '../knowledge/glob';

/** One operator + key + values of a Condition block. */
export interface CondEntry {
  /** the operator as written (canonical spelling when IAM knows it) */
  readonly op: string;
  readonly parsed: ParsedOperator | undefined;
  /** the key as written */
  readonly key: string;
  /** lowercased key: condition keys are case-insensitive */
  readonly keyLower: string;
  /** the values as strings, in written order */
  readonly values: readonly string[];
  /** canonical text: operator, lowercased key, sorted distinct values */
  readonly canon: string;
}

/** A request context: lowercased key → values (one element for a single-valued key). */
export type Context = ReadonlyMap<string, { readonly key: string; readonly values: readonly string[] }>;

export function condEntry(op: string, key: string, rawValues: readonly unknown[]): CondEntry {
  const parsed = parseOperator(op);
  const family = parsed?.operator.family;
  // Bool values are compared ignoring case by IAM ("True" = "true"); the others as written
  const values = rawValues.map((v) => (family === 'Bool' ? String(v).toLowerCase() : String(v)));
  const sorted = [...new Set(values)].sort();
  const opText = parsed?.canonical ?? op;
  return { op: opText, parsed, key, keyLower: key.toLowerCase(), values, canon: `${opText}\u0001${key.toLowerCase()}\u0001${sorted.join('\u0002')}` };
}

/** The canonical text of a whole block: entries sorted, duplicates removed. */
export function canonOf(entries: readonly CondEntry[]): string {
  return [...new Set(entries.map((e) => e.canon))].sort().join('\u0003');
}

/** True when every entry of `fewer` is in `more` (so `fewer` is at most as strict as `more`). */
export function condSubset(fewer: readonly CondEntry[], more: readonly CondEntry[]): boolean {
  if (fewer.length === 0) return true;
  if (fewer.length > more.length) return false;
  const set = new Set(more.map((e) => e.canon));
  return fewer.every((e) => set.has(e.canon));
}

/** The block in IAM JSON form: {operator: {key: value | [values]}}. */
export function conditionsJson(entries: readonly CondEntry[]): Record<string, Record<string, string | string[]>> {
  const out: Record<string, Record<string, string | string[]>> = {};
  for (const e of entries) {
    const block = (out[e.op] ??= {});
    block[e.key] = e.values.length === 1 ? e.values[0]! : [...e.values];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Local evaluation (search only)

/** IAM: a missing key makes a condition false, except negated operators, IfExists, ForAllValues and Null. */
export function entryHolds(e: CondEntry, ctx: Context): boolean {
  const p = e.parsed;
  if (!p) return false; // an operator IAM rejects: the policy would not be accepted; never matches here
  const present = ctx.get(e.keyLower);
  const values = present?.values ?? [];
  if (p.operator.family === 'Null') {
    const wantsAbsent = e.values.some((v) => v.toLowerCase() === 'true');
    const wantsPresent = e.values.some((v) => v.toLowerCase() === 'false');
    return values.length === 0 ? wantsAbsent : wantsPresent;
  }
  if (values.length === 0) {
    if (p.ifExists) return true;
    if (p.qualifier === 'ForAllValues') return true;
    if (p.qualifier === 'ForAnyValue') return false;
    return p.operator.negated;
  }
  const one = (v: string): boolean => {
    const any = e.values.some((pv) => {
      if (!pv.includes('${') || (p.operator.family !== 'String' && p.operator.family !== 'Arn')) return compare(p, v, pv);
      const resolved = substituteInValue(pv, ctx);
      return resolved !== undefined && compare(p, v, resolved);
    });
    return p.operator.negated ? !any : any;
  };
  if (p.qualifier === 'ForAllValues') return values.every(one);
  if (p.qualifier === 'ForAnyValue') return values.some(one);
  return one(values[0]!);
}

export function allHold(entries: readonly CondEntry[], ctx: Context): boolean {
  for (const e of entries) if (!entryHolds(e, ctx)) return false;
  return true;
}

/** `${aws:username}` in a String/Arn condition value → the context value; undefined when the key is missing. */
function substituteInValue(pv: string, ctx: Context): string | undefined {
  let missing = false;
  const out = pv.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const comma = inner.indexOf(',');
    const v = ctx.get((comma >= 0 ? inner.slice(0, comma) : inner).trim().toLowerCase())?.values;
    if (v && v.length === 1) return v[0]!;
    if (comma >= 0) return inner.slice(comma + 1).trim().replace(/^'|'$/g, '');
    missing = true;
    return whole;
  });
  return missing ? undefined : out;
}

/** Does request value `v` match policy value `pv` under the positive form of the operator? */
function compare(p: ParsedOperator, v: string, pv: string): boolean {
  const name = p.operator.name.replace('Not', '');
  switch (p.operator.family) {
    case 'String':
      if (name === 'StringLike') return globMatch(pv, v, false);
      if (name === 'StringEqualsIgnoreCase') return pv.toLowerCase() === v.toLowerCase();
      return pv === v;
    case 'Arn':
      return globMatch(pv, v, false);
    case 'Bool':
      return pv.toLowerCase() === v.toLowerCase();
    case 'Binary':
      return pv === v;
    case 'Numeric':
      return ordered(name.slice('Numeric'.length), Number(v), Number(pv));
    case 'Date':
      return ordered(name.slice('Date'.length), dateOf(v), dateOf(pv));
    case 'IpAddress': {
      const c = parseCidr(pv);
      const ip = parseCidr(v);
      return c !== undefined && ip !== undefined && c.version === ip.version && cidrContains(c, ip);
    }
    default:
      return false;
  }
}

function ordered(rel: string, a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (rel) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThan':
      return a > b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}

function dateOf(s: string): number {
  return /^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s);
}

// ---------------------------------------------------------------------------------------------------------
// Value makers: a context value that makes one entry hold (satisfy) or fail (violate). `undefined` = "leave the
// key out of the request"; null = no value found.

export type Made = { readonly values: readonly string[]; readonly extra?: ReadonlyArray<readonly [string, string]> } | 'absent' | null;

/** A policy value with ${key} variables: the filler each variable's key gets, and the value it then stands for. */
function resolveWithFillers(pv: string): { value: string; extra: Array<[string, string]> } {
  const extra: Array<[string, string]> = [];
  const value = pv.replace(/\$\{([^}]*)\}/g, (_w, inner: string) => {
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const key = (inner.includes(',') ? inner.slice(0, inner.indexOf(',')) : inner).trim();
    const filler = /account/i.test(key) ? '123456789012' : 'zzvar';
    extra.push([key, filler]);
    return filler;
  });
  return { value, extra };
}

const OTHER_IPS = ['203.0.113.77', '198.51.100.77', '192.0.2.77', '100.64.0.77', '2001:db8:ffff::77'];

/** A value IAM would accept for the key that fails the positive comparison against every policy value. */
function nonMatching(e: CondEntry, p: ParsedOperator): string | null {
  switch (p.operator.family) {
    case 'Bool':
      return e.values.includes('true') ? 'false' : 'true';
    case 'Numeric': {
      const nums = e.values.map(Number).filter((n) => !Number.isNaN(n));
      const rel = p.operator.name.replace('Not', '').slice('Numeric'.length);
      if (rel.startsWith('Less')) return String(Math.max(...nums, 0) + 1000);
      if (rel.startsWith('Greater')) return String(Math.min(...nums, 0) - 1000);
      return String(Math.max(...nums, 0) + 1000);
    }
    case 'Date': {
      const rel = p.operator.name.replace('Not', '').slice('Date'.length);
      return rel.startsWith('Greater') ? '1971-01-01T00:00:00Z' : '2999-01-01T00:00:00Z';
    }
    case 'IpAddress': {
      const cidrs = e.values.map(parseCidr).filter((c): c is Cidr => c !== undefined);
      return OTHER_IPS.find((ip) => !cidrs.some((c) => c.version === parseCidr(ip)!.version && cidrContains(c, parseCidr(ip)!))) ?? null;
    }
    default: {
      const candidate = 'zz-witness-other';
      const fine = e.values.every((pv) => !compare(p, candidate, pv));
      return fine ? candidate : null;
    }
  }
}

/** A value that passes the positive comparison against the first usable policy value (plus the variables it needs). */
function matching(e: CondEntry, p: ParsedOperator): { value: string; extra: Array<[string, string]> } | null {
  for (const pv of e.values) {
    let v: string;
    switch (p.operator.family) {
      case 'Numeric': {
        const rel = p.operator.name.replace('Not', '').slice('Numeric'.length);
        const n = Number(pv);
        if (Number.isNaN(n)) continue;
        v = String(rel === 'LessThan' ? n - 1 : rel === 'GreaterThan' ? n + 1 : n);
        break;
      }
      case 'Date': {
        const t = dateOf(pv);
        if (Number.isNaN(t)) continue;
        const rel = p.operator.name.replace('Not', '').slice('Date'.length);
        v = new Date(rel === 'LessThan' ? t - 86_400_000 : rel === 'GreaterThan' ? t + 86_400_000 : t).toISOString();
        if (rel === 'Equals') v = pv;
        break;
      }
      case 'IpAddress': {
        const c = parseCidr(pv);
        if (!c) continue;
        v = c.version === 4 ? c.bytes.map((b, i) => (i * 8 >= c.prefix ? 0 : b & maskByte(c.prefix - i * 8))).join('.') : pv.split('/')[0]!;
        break;
      }
      default: {
        if (pv.includes('${')) {
          const r = resolveWithFillers(pv);
          const w = p.operator.supportsWildcards || p.operator.family === 'Arn' ? instantiateGlob(r.value) : r.value;
          if (compare(p, w, r.value)) return { value: w, extra: r.extra };
          continue;
        }
        v = p.operator.supportsWildcards || p.operator.family === 'Arn' ? instantiateGlob(pv) : pv;
      }
    }
    if (compare(p, v, pv)) return { value: v, extra: [] };
  }
  return null;
}

function maskByte(bits: number): number {
  return bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
}

/** A string matched by a glob: `*` becomes "zz", `?` becomes "z". */
export function instantiateGlob(pattern: string): string {
  return pattern.replace(/\*/g, 'zz').replace(/\?/g, 'z');
}

/**
 * One satisfying value per policy value of a positive operator (a value added to a list is what a loosened
 * condition gains); empty for the other operators.
 */
export function satisfyEach(e: CondEntry): Made[] {
  const p = e.parsed;
  if (!p || p.operator.negated || p.operator.family === 'Null' || e.values.length < 2) return [];
  const out: Made[] = [];
  for (let i = 0; i < e.values.length; i++) {
    const one = matching({ ...e, values: [e.values[i]!] }, p);
    if (one) out.push(p.qualifier ? { values: [one.value], extra: one.extra } : { values: [one.value], extra: one.extra });
  }
  return out;
}

export function satisfy(e: CondEntry): Made {
  const p = e.parsed;
  if (!p) return null;
  if (p.operator.family === 'Null') {
    if (e.values.some((v) => v.toLowerCase() === 'true')) return 'absent';
    return { values: ['zz-witness'] };
  }
  if (p.operator.negated) {
    if (p.qualifier !== 'ForAnyValue') return 'absent';
    const v = nonMatching(e, p);
    return v === null ? null : { values: [v] };
  }
  if (p.ifExists || p.qualifier === 'ForAllValues') return 'absent';
  const v = matching(e, p);
  return v === null ? null : { values: [v.value], extra: v.extra };
}

export function violate(e: CondEntry): Made {
  const p = e.parsed;
  if (!p) return 'absent';
  if (p.operator.family === 'Null') {
    if (e.values.some((v) => v.toLowerCase() === 'true')) return { values: ['zz-witness'] };
    return 'absent';
  }
  if (p.operator.negated) {
    if (p.qualifier === 'ForAnyValue') return 'absent';
    const v = matching(e, p);
    return v === null ? null : { values: [v.value], extra: v.extra };
  }
  if (!p.ifExists && p.qualifier !== 'ForAllValues') return 'absent';
  const v = nonMatching(e, p);
  return v === null ? null : { values: [v] };
}

/**
 * satisfy/violate for keys that are always in the request (the engine derives aws:PrincipalAccount,
 * aws:ResourceAccount… from the principal and resource): "leave it out" is not possible, a value is needed.
 */
export function satisfyPresent(e: CondEntry): Made {
  const m = satisfy(e);
  if (m !== 'absent') return m;
  const p = e.parsed;
  if (!p || p.operator.family === 'Null') return null;
  if (p.operator.negated) {
    const v = nonMatching(e, p);
    return v === null ? null : { values: [v] };
  }
  const v = matching(e, p);
  return v === null ? null : { values: [v.value], extra: v.extra };
}

export function violatePresent(e: CondEntry): Made {
  const m = violate(e);
  if (m !== 'absent') return m;
  const p = e.parsed;
  if (!p || p.operator.family === 'Null' || p.operator.negated) return null;
  const v = nonMatching(e, p);
  return v === null ? null : { values: [v] };
}
