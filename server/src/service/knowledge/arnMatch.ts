// Matching policy ARNs (user text with `*`, `?` and ${variables}) against catalog ARN templates
// (`${Placeholder}` fields), and one ARN pattern against another. Pure and allocation-light; never builds a
// RegExp from user text. Parsing ARNs lives in arnTemplate.ts; the rules decide what a mismatch means.
//
// IAM semantics implemented here (IAM User Guide, "IAM JSON policy elements: Resource"):
// - `*` matches any run of characters inside a segment, `/` included; `?` matches one character;
// - a `*` that is the last character of a segment may also match past the colon boundaries, so
//   "arn:aws:iam::*" covers every IAM ARN and "arn:aws:logs:us-east-1:*" every field after the Region;
// - policy variables (`${aws:username}`) are unknown at authoring time and behave like `*`; the escapes
//   `${*}`, `${?}`, `${$}` are the literal characters;
// - `${Placeholder}` in a template (and a literal `*` there) matches anything;
// - U+E000 (SEGMENT in parser/containers/cfnShapes.ts, only ever in the ARN shape of a CloudFormation value)
//   matches any run of characters without "/" or ":": a placeholder that holds one ARN segment.

import type { ArnTemplate } from './arnTemplate';

/** Token codes: a character code (lowercased when case-insensitive), or one of these two. */
const ANY_RUN = -1;
const ANY_ONE = -2;
/** any run of characters other than "/" and ":" (U+E000) */
const ANY_SEG = -3;
const SLASH = 47;
const COLON = 58;

export type ArnField = 'partition' | 'service' | 'region' | 'account' | 'resource';
export const ARN_FIELDS: readonly ArnField[] = ['partition', 'service', 'region', 'account', 'resource'];

export interface ArnFieldMatch {
  readonly partition: boolean;
  readonly service: boolean;
  readonly region: boolean;
  readonly account: boolean;
  readonly resource: boolean;
}

/**
 * Turns a pattern into tokens. `variables` = true reads `${...}` as a wildcard (policy text and templates);
 * consecutive `*` collapse into one.
 */
export function tokenize(text: string, ignoreCase = true, variables = true): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  // (the pushes are written out: a closure per call was most of the cost of tokenizing a short field)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let t: number;
    if (variables && c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        // ${*}, ${?}, ${$} are escapes for the literal character
        t = close === i + 3 && (text.charCodeAt(i + 2) === 42 || text.charCodeAt(i + 2) === 63 || text.charCodeAt(i + 2) === 36) ? text.charCodeAt(i + 2) : ANY_RUN;
        i = close;
        if (t === ANY_RUN && n > 0 && out[n - 1] === ANY_RUN) continue;
        out[n++] = t;
        continue;
      }
    }
    if (c === 42 /* * */) {
      if (n > 0 && out[n - 1] === ANY_RUN) continue;
      t = ANY_RUN;
    } else if (c === 0xe000) t = ANY_SEG;
    else if (c === 63 /* ? */) t = ANY_ONE;
    else t = ignoreCase && c >= 65 && c <= 90 ? c + 32 : c;
    out[n++] = t;
  }
  return n === text.length ? out : out.subarray(0, n);
}

/**
 * True when some string matches both patterns. Dynamic programming over (position in a, position in b)
 * with one rolling row: O(|a|·|b|) time, O(|b|) memory. Templates are short (< 200 characters), so this is
 * linear in the length of the policy text; literal prefixes and suffixes are compared first, which rejects
 * most templates in O(prefix).
 */
export function tokensOverlap(a: Int32Array, b: Int32Array): boolean {
  // cheap rejection on the literal prefix and suffix
  let i = 0;
  while (i < a.length && i < b.length && a[i]! >= 0 && b[i]! >= 0) {
    if (a[i] !== b[i]) return false;
    i++;
  }
  if (i === a.length) return allRuns(b, i);
  if (i === b.length) return allRuns(a, i);
  let ea = a.length - 1;
  let eb = b.length - 1;
  while (ea >= i && eb >= i && a[ea]! >= 0 && b[eb]! >= 0) {
    if (a[ea] !== b[eb]) return false;
    ea--;
    eb--;
  }
  // A star at the start of one and at the end of the other settles it: with P the rest of the first and Q the
  // rest of the other, any Q-string followed by any P-string matches both (each alone always has a match: `?`
  // as one character, stars and segment runs as nothing). That is most pairs a Region or account `*` spanning
  // the rest of an ARN ("*:*:instance/*") makes with templates ("${Region}:${Account}:volume/${VolumeId}"), and
  // the table below would fill every cell for them (tokensOverlapByTable keeps it, and a test compares them).
  // (what is left is a[i..ea] and b[i..eb], read in place: no subarray objects per call)
  if (ea >= i && eb >= i && ((a[i] === ANY_RUN && b[eb] === ANY_RUN) || (b[i] === ANY_RUN && a[ea] === ANY_RUN))) return true;
  return overlapTable(a, i, ea + 1, b, i, eb + 1);
}

/** tokensOverlap by the table alone (no shortcut): the reference the shortcut is tested against. */
export function tokensOverlapByTable(a: Int32Array, b: Int32Array): boolean {
  return overlapTable(a, 0, a.length, b, 0, b.length);
}

/** The table over a[aFrom..aTo) and b[bFrom..bTo). */
function overlapTable(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): boolean {
  const m = bTo - bFrom;
  // two rows of the table, reused between calls (tokensOverlap never re-enters itself)
  if (scratchA.length < m + 1) {
    scratchA = new Uint8Array(2 * (m + 1));
    scratchB = new Uint8Array(2 * (m + 1));
  }
  let prev = scratchA;
  let cur = scratchB;
  // row 0: only leading ANY_RUNs (and ANY_SEGs) of b's part can match the empty prefix of a's
  prev[0] = 1;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! && (b[bFrom + j - 1] === ANY_RUN || b[bFrom + j - 1] === ANY_SEG) ? 1 : 0;
  for (let x = aFrom; x < aTo; x++) {
    const ta = a[x]!;
    cur[0] = prev[0]! && (ta === ANY_RUN || ta === ANY_SEG) ? 1 : 0;
    let any = cur[0]!;
    for (let j = 1; j <= m; j++) {
      const tb = b[bFrom + j - 1]!;
      let v = 0;
      if (ta === ANY_RUN) {
        // the star matches nothing more, or it absorbs what b produces at j
        v = prev[j]! | cur[j - 1]!;
      } else if (tb === ANY_RUN) {
        v = cur[j - 1]! | prev[j]!;
      } else if (ta === ANY_SEG) {
        // like a star, except that it never absorbs a "/" or ":" of b
        v = prev[j]! | (tb === SLASH || tb === COLON ? 0 : cur[j - 1]!);
      } else if (tb === ANY_SEG) {
        v = cur[j - 1]! | (ta === SLASH || ta === COLON ? 0 : prev[j]!);
      } else if (ta === ANY_ONE || tb === ANY_ONE || ta === tb) {
        v = prev[j - 1]!;
      }
      cur[j] = v;
      any |= v;
    }
    if (!any) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[m] === 1;
}

let scratchA = new Uint8Array(64);
let scratchB = new Uint8Array(64);

function allRuns(t: Int32Array, from: number): boolean {
  for (let k = from; k < t.length; k++) if (t[k] !== ANY_RUN && t[k] !== ANY_SEG) return false;
  return true;
}

// Template fields come from a finite set (the catalog's ARN templates): their tokens are kept.
const templateTokenCache = new Map<string, Int32Array>();

/** Tokens of a catalog template field (case-insensitive, ${Placeholder} as `*`), computed once. */
export function templateTokens(field: string): Int32Array {
  let hit = templateTokenCache.get(field);
  if (!hit) {
    hit = tokenize(field);
    if (templateTokenCache.size > 50_000) templateTokenCache.clear();
    templateTokenCache.set(field, hit);
  }
  return hit;
}

/** True when some string matches both patterns (`*`, `?`, ${...} as wildcards). */
export function patternsOverlap(a: string, b: string, ignoreCase = true): boolean {
  return tokensOverlap(tokenize(a, ignoreCase), tokenize(b, ignoreCase));
}

/**
 * True when every string matched by `inner` is also matched by `outer` (so `inner` is redundant next to
 * `outer`). Sound, not complete: it answers true only when `outer`'s wildcards can absorb `inner`'s token by
 * token (a `?` in outer never absorbs a `*` of inner). Variables are compared as literal text here: two
 * different variables are never assumed equal. Greedy two-pointer glob matching over tokens: linear in
 * practice, O(|outer|·|inner|) at worst.
 */
export function patternCovers(outer: string, inner: string, ignoreCase = false): boolean {
  return tokensCover(tokenize(outer, ignoreCase, false), tokenize(inner, ignoreCase, false));
}

/**
 * patternCovers on pre-tokenized patterns (`tokenize(text, ignoreCase, false)`), for pairwise loops. The walk is
 * glob.ts's starWalk inlined: through starWalk's callbacks, every pair of each statement's Resource and Action
 * lists of the managed corpus (what REDUNDANT_RESOURCE and REDUNDANT_ACTION compare) took about 1.7 times as long.
 */
export function tokensCover(p: Int32Array, t: Int32Array): boolean {
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const pc = pi < p.length ? p[pi]! : undefined;
    const tc = t[ti]!;
    if (pc !== undefined && pc !== ANY_RUN && (pc === tc || (pc === ANY_ONE && tc !== ANY_RUN))) {
      pi++;
      ti++;
    } else if (pc === ANY_RUN) {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === ANY_RUN) pi++;
  return pi === p.length;
}

/**
 * Splits at the first five colons; fewer fields when the text has fewer colons. Colons inside a ${...}
 * variable ("${aws:username}") do not separate fields.
 */
export function splitArnFields(arn: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let i = 0;
  while (fields.length < 5 && i < arn.length) {
    const c = arn.charCodeAt(i);
    if (c === 36 /* $ */ && arn.charCodeAt(i + 1) === 123 /* { */) {
      const close = arn.indexOf('}', i + 2);
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    if (c === 58 /* : */) {
      fields.push(arn.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  fields.push(arn.slice(start));
  return fields;
}

function templateFields(template: ArnTemplate | string): string[] {
  if (typeof template === 'string') return splitArnFields(template);
  return ['arn', template.partition, template.service, template.region, template.account, template.resource];
}

/**
 * Field-by-field comparison of a policy ARN with a template. A field that ends in `*` also spans the
 * following fields (IAM's rule for a trailing star), so from there the rest is compared as one string and
 * every remaining field gets that one answer. A policy ARN with fewer than six fields and no trailing star
 * matches nothing.
 */
export function matchArnTemplate(policyArn: string, template: ArnTemplate | string): ArnFieldMatch {
  const p = splitArnFields(policyArn);
  const t = templateFields(template);
  const result: Record<ArnField, boolean> = { partition: false, service: false, region: false, account: false, resource: false };
  for (let f = 1; f <= 5; f++) {
    const name = ARN_FIELDS[f - 1]!;
    const pf = p[f];
    if (pf === undefined) {
      // fewer than six fields: only a trailing star (handled below) reaches here with a match
      for (let g = f; g <= 5; g++) result[ARN_FIELDS[g - 1]!] = false;
      break;
    }
    const isLast = f === p.length - 1;
    if (f < 5 && isLast && !pf.endsWith('*')) {
      for (let g = f; g <= 5; g++) result[ARN_FIELDS[g - 1]!] = false;
      break;
    }
    if (f < 5 && pf.endsWith('*') && !pf.endsWith('${*}')) {
      // trailing star: the rest of the ARN is compared as one string
      const ok = tokensOverlap(tokenize(p.slice(f).join(':')), templateTokens(t.slice(f).join(':')));
      for (let g = f; g <= 5; g++) {
        // when the whole rest cannot match, still say which fields match on their own (precise messages)
        result[ARN_FIELDS[g - 1]!] = ok || (p[g] !== undefined && tokensOverlap(tokenize(p[g]!), templateTokens(t[g] ?? '')));
      }
      return result;
    }
    result[name] = tokensOverlap(tokenize(pf), templateTokens(t[f] ?? ''));
  }
  return result;
}

/** True when the policy ARN can name a resource of this template. */
export function arnMatchesTemplate(policyArn: string, template: ArnTemplate | string): boolean {
  const m = matchArnTemplate(policyArn, template);
  return m.partition && m.service && m.region && m.account && m.resource;
}

/**
 * One policy ARN split once for many templates (arnFitsTemplate): its fields (splitArnFields) and their tokens,
 * tokenized on first use.
 */
export class SplitArn {
  readonly fields: readonly string[];
  private readonly tokens: Array<Int32Array | undefined> = [undefined, undefined, undefined, undefined, undefined, undefined];
  private rest: Int32Array | undefined;
  private restFrom = 0;

  constructor(readonly value: string) {
    this.fields = splitArnFields(value);
  }

  fieldTokens(f: number): Int32Array {
    return (this.tokens[f] ??= tokenize(this.fields[f]!));
  }

  /** tokens of fields f.. joined by ":" (the rest a trailing star spans) */
  restTokens(f: number): Int32Array {
    if (this.rest === undefined || this.restFrom !== f) {
      this.rest = tokenize(this.fields.slice(f).join(':'));
      this.restFrom = f;
    }
    return this.rest;
  }
}

/** Template fields f.. joined by ":", tokenized, per template object (catalog templates are few and long-lived). */
const templateRests = new WeakMap<ArnTemplate, Array<Int32Array | undefined>>();
function templateRestTokens(t: ArnTemplate, f: number): Int32Array {
  let byField = templateRests.get(t);
  if (!byField) templateRests.set(t, (byField = []));
  return (byField[f] ??= templateTokens(templateFields(t).slice(f).join(':')));
}

function templateField(t: ArnTemplate, f: number): string {
  return f === 1 ? t.partition : f === 2 ? t.service : f === 3 ? t.region : f === 4 ? t.account : t.resource;
}

/**
 * arnMatchesTemplate(arn.value, template), answered field by field up to the first field that cannot match, with
 * the ARN's fields split and tokenized once for every template it is compared with (resource-type checks compare
 * one ARN with many types). `test/unit/knowledge/arnFitsTemplate.test.ts` compares it with arnMatchesTemplate.
 */
export function arnFitsTemplate(arn: SplitArn, template: ArnTemplate): boolean {
  const p = arn.fields;
  for (let f = 1; f <= 5; f++) {
    const pf = p[f];
    if (pf === undefined) return false;
    if (f < 5 && f === p.length - 1 && !pf.endsWith('*')) return false;
    if (f < 5 && pf.endsWith('*') && !pf.endsWith('${*}')) {
      // trailing star: the rest of the ARN is compared as one string; when that cannot match, every remaining
      // field must match on its own (as matchArnTemplate's per-field answers say)
      if (tokensOverlap(arn.restTokens(f), templateRestTokens(template, f))) return true;
      for (let g = f; g <= 5; g++) {
        if (p[g] === undefined || !tokensOverlap(arn.fieldTokens(g), templateTokens(templateField(template, g)))) return false;
      }
      return true;
    }
    if (!tokensOverlap(arn.fieldTokens(f), templateTokens(templateField(template, f)))) return false;
  }
  return true;
}
