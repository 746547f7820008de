// The resource ARNs one call used, for one action: the record's resources[] ARNs that fit the action's
// resource types; else ARNs rebuilt from requestParameters with the catalogue's ARN templates; else the
// template itself with the unknown parts left as named placeholders (${BucketName}). Never "*" for an action
// that has resource types; "*" for one that has none (IAM requires "*" there).
//
// Runs once per action of every record: what depends on the action alone (its resource types, the required
// ones, each template split into parts) is planned once per catalogue action, and a record costs no regex,
// no intermediate array and no lowercased copy of a parameter name in the usual case.

import type { ActionInfo, ResourceTypeInfo } from '../knowledge/catalog';
import { accountOf, isObject, partitionOfRegion, str, type Json, type JsonObject } from './cloudTrailEvent';
import { slotOf } from './stringTally';
import { detach } from '../util/detach';

const VARIABLE = /\$\{([A-Za-z0-9]+)\}/g;

/** requestParameters names that hold a template variable under another name. */
const PARAMETER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  objectname: ['key'],
  // IAM templates use ${RoleNameWithPath}, ${UserNameWithPath}, ...: the name alone is right for the default path "/"
  rolenamewithpath: ['roleName'],
  usernamewithpath: ['userName'],
  groupnamewithpath: ['groupName'],
  policynamewithpath: ['policyName'],
  instanceprofilenamewithpath: ['instanceProfileName'],
  secretid: ['secretId', 'name'],
  relativeid: ['name'],
};

const compiled = new WeakMap<ResourceTypeInfo, RegExp>();

/**
 * Whether a concrete ARN (from a log: no wildcards) names a resource of this type. The catalogue's template is
 * compiled once into an anchored RegExp (trusted catalogue text, never log text; each variable is a `[^:]*` or,
 * in the resource part, a `.*` with nothing nested, so matching is linear). Field by field like
 * knowledge/arnMatch.ts, without its wildcard handling, which log ARNs do not need; case-insensitive like it.
 */
function fitsRegExp(rt: ResourceTypeInfo): RegExp {
  let re = compiled.get(rt);
  if (!re) {
    const t = rt.template;
    const field = (text: string, variable: string): string =>
      text
        .split(/(\$\{[^}]*\})/)
        .map((part) => (part.startsWith('${') ? variable : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
    re = new RegExp(`^arn:${field(t.partition, '[^:]*')}:${field(t.service, '[^:]*')}:${field(t.region, '[^:]*')}:${field(t.account, '[^:]*')}:${field(t.resource, '.*')}$`, 'is');
    compiled.set(rt, re);
  }
  return re;
}

/** `/[*?\s]/`: an ARN IAM would read as a pattern, or not an ARN at all (a RegExp scan beats a charCodeAt loop). */
const WILDCARD_OR_SPACE = /[*?\s]/;

function hasWildcardOrSpace(v: string): boolean {
  return WILDCARD_OR_SPACE.test(v);
}

const UNSAFE_IN_SEGMENT = /[*?$:\s]/;

/** A value usable inside an ARN: characters IAM would read as wildcards or variables are refused. */
function safeSegment(v: string): boolean {
  return v.length > 0 && v.length <= 1024 && !UNSAFE_IN_SEGMENT.test(v);
}

/** Whether a parameter name, in any case, is one of these lowercase ASCII names (no lowercased copy unless the length fits). */
function nameIn(key: string, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) {
    // lowercasing keeps the length of anything that can become ASCII (only U+0130 grows, into non-ASCII)
    if (names[i]!.length === key.length && key.toLowerCase() === names[i]) return true;
  }
  return false;
}

/**
 * A reusable list of ARNs: the first `n` entries of `arns` are current. A record neither allocates a list nor
 * truncates one (setting an array's length is a call); entries past `n` are stale.
 */
export class ArnList {
  readonly arns: string[] = [];
  n = 0;

  push(arn: string): void {
    this.arns[this.n++] = arn;
  }
}

/** One ${Variable} or literal piece of an ARN template, with what filling it needs. */
interface TemplatePart {
  /** literal text, or the ${Variable} as written (the placeholder when unfilled) */
  readonly text: string;
  readonly kind: 'literal' | 'partition' | 'region' | 'account' | 'secretid' | 'param';
  readonly variable: string;
  readonly lower: string;
  /** lowercased parameter names that may hold the variable: its own name and its aliases */
  readonly names: readonly string[];
}

const partsCache = new WeakMap<ResourceTypeInfo, readonly TemplatePart[]>();

/** The template split once into literal text and ${Variable} parts. */
function templateParts(rt: ResourceTypeInfo): readonly TemplatePart[] {
  let parts = partsCache.get(rt);
  if (!parts) {
    const out: TemplatePart[] = [];
    let last = 0;
    const literal = (text: string): void => void out.push({ text, kind: 'literal', variable: '', lower: '', names: [] });
    for (const m of rt.arn.matchAll(VARIABLE)) {
      if (m.index! > last) literal(rt.arn.slice(last, m.index));
      const variable = m[1]!;
      const lower = variable.toLowerCase();
      const kind = lower === 'partition' || lower === 'region' || lower === 'account' || lower === 'secretid' ? lower : 'param';
      out.push({ text: m[0], kind, variable, lower, names: [...new Set([lower, ...(PARAMETER_ALIASES[lower] ?? []).map((n) => n.toLowerCase())])] });
      last = m.index! + m[0].length;
    }
    if (last < rt.arn.length) literal(rt.arn.slice(last));
    partsCache.set(rt, (parts = out));
  }
  return parts;
}

/** What resource matching needs of one action, planned once. */
interface ActionPlan {
  /** no resource type (or none the catalogue defines): "*" */
  readonly star: boolean;
  readonly types: readonly ResourceTypeInfo[];
  /** fitsRegExp of each type */
  readonly fits: readonly RegExp[];
  /** typeKey of each type's name */
  readonly typeKeys: readonly string[];
  readonly required: boolean;
  /** with required types: all of them are filled; without: the first the parameters fill completely, else the first */
  readonly fill: readonly ResourceTypeInfo[];
}

const plans = new WeakMap<ActionInfo, ActionPlan>();

function planOf(action: ActionInfo): ActionPlan {
  let plan = plans.get(action);
  if (plan) return plan;
  const types: ResourceTypeInfo[] = [];
  for (const r of action.resources) {
    const rt = action.service.resourceTypes.get(r.name.toLowerCase());
    if (rt && rt.arn.startsWith('arn:')) types.push(rt);
  }
  const required = action.resources.filter((r) => r.required).map((r) => r.name.toLowerCase());
  const wanted = required.length > 0 ? types.filter((t) => required.includes(t.name.toLowerCase())) : types;
  plan = {
    // a type the catalogue names but does not define: no template to fill, and "*" is the only honest Resource
    star: action.resources.length === 0 || types.length === 0,
    types,
    fits: types.map(fitsRegExp),
    typeKeys: types.map((t) => typeKey(t.name)!),
    required: required.length > 0,
    fill: required.length > 0 && wanted.length === 0 ? types.slice(0, 1) : wanted,
  };
  plans.set(action, plan);
  return plan;
}

function fitsAny(arn: string, fits: readonly RegExp[]): boolean {
  for (let i = 0; i < fits.length; i++) if (fits[i]!.test(arn)) return true;
  return false;
}

/**
 * The value of a ${Variable} in the request parameters: a top-level string parameter of that name (or alias)
 * in any case, used even when unusable; SQS's queue URL for ${QueueName}; else every value under that name in
 * nested objects and lists (EC2's instancesSet.items[].instanceId), bounded. A string, a list, or undefined.
 */
function paramValue(params: JsonObject, part: TemplatePart): string | string[] | undefined {
  const names = part.names;
  for (const k in params) {
    const v = params[k];
    if (typeof v === 'string' && nameIn(k, names)) return v;
  }
  // SQS calls name the queue by URL: https://sqs.<region>.amazonaws.com/<account>/<QueueName>
  if (part.lower === 'queuename') {
    const url = str(params, 'queueUrl') ?? str(params, 'QueueUrl');
    const m = url ? /\/\d{12}\/([^/?#]+)$/.exec(url) : null;
    if (m) return m[1]!;
  }
  // nested lists such as EC2's instancesSet.items[].instanceId: every value, bounded
  let found: Set<string> | undefined;
  const walk = { budget: 200, names, found: undefined as Set<string> | undefined };
  for (const k in params) {
    const v = params[k]!;
    if (typeof v === 'object' && v !== null) visitNested(walk, v, 1);
  }
  found = walk.found;
  if (!found || found.size === 0) return undefined;
  if (found.size === 1) return found.values().next().value!;
  return [...found];
}

function visitNested(walk: { budget: number; readonly names: readonly string[]; found: Set<string> | undefined }, v: Json, depth: number): void {
  if (--walk.budget < 0 || depth > 4 || (walk.found !== undefined && walk.found.size >= 50)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) visitNested(walk, v[i]!, depth + 1);
  } else if (isObject(v)) {
    for (const k in v) {
      const item = v[k]!;
      if (typeof item === 'string' && nameIn(k, walk.names)) (walk.found ??= new Set()).add(item);
      else if (typeof item === 'object' && item !== null) visitNested(walk, item, depth + 1);
    }
  }
}

const regionFacts = new Map<string, { readonly partition: string; readonly partitionUsable: boolean; readonly regionUsable: boolean }>();

/** The partition of a record's Region and whether both are usable in an ARN (memoised: few distinct Regions). */
function regionFactsOf(region: string | undefined): { readonly partition: string; readonly partitionUsable: boolean; readonly regionUsable: boolean } {
  const key = region ?? '';
  let facts = regionFacts.get(key);
  if (!facts) {
    const partition = partitionOfRegion(region);
    facts = { partition, partitionUsable: safeSegment(partition), regionUsable: region ? safeSegment(region) : false };
    if (regionFacts.size >= 1000) regionFacts.clear();
    regionFacts.set(detach(key), facts);
  }
  return facts;
}

const SECRET_PATTERN = /^[^*$:\s]+-\?{6}$/;

/**
 * A secret-id value as a ${SecretId} option, or undefined. Secrets Manager ARNs end in "-" plus 6 random
 * characters: the user guide's policy examples match a secret by name with "-??????". A full ARN is no name.
 */
function secretOption(v: string): string | undefined {
  if (v.startsWith('arn:')) return undefined;
  const named = safeSegment(v) ? `${v}-??????` : v;
  return safeSegment(named) || SECRET_PATTERN.test(named) ? named : undefined;
}

/** An ARN rebuilt from one parameter value, with what else it depends on. */
interface FilledArn {
  readonly value: string;
  readonly region: string | undefined;
  readonly account: string | undefined;
  readonly arn: string;
}

/** For a template with one parameter variable: that part, and the ARNs lately built from it. */
interface SingleParameter {
  readonly part: TemplatePart;
  readonly filled: (FilledArn | undefined)[];
}

const singleParameters = new WeakMap<ResourceTypeInfo, SingleParameter | null>();

function singleParameterOf(rt: ResourceTypeInfo): SingleParameter | undefined {
  let single = singleParameters.get(rt);
  if (single === undefined) {
    const parts = templateParts(rt);
    const params = parts.filter((p) => p.kind === 'param' || p.kind === 'secretid');
    single = params.length === 1 ? { part: params[0]!, filled: new Array<FilledArn | undefined>(SLOTS).fill(undefined) } : null;
    singleParameters.set(rt, single);
  }
  return single ?? undefined;
}

const SLOTS = 64;

/**
 * fill, remembering the complete ARNs built from one parameter value: the same value (with the same Region and
 * account) gives the same ARN string again, so the action's resource set finds it by identity instead of a
 * new string being built and hashed. Only for templates with exactly one parameter variable.
 */
function fillRemembered(rt: ResourceTypeInfo, record: JsonObject, params: JsonObject | undefined, out: ArnList): boolean {
  const single = params ? singleParameterOf(rt) : undefined;
  if (single === undefined) return fill(rt, record, params, out);
  const value = paramValue(params!, single.part);
  // long values are not kept: at most 64 short ARNs per resource type stay in memory
  if (typeof value !== 'string' || value.length > 128) return fill(rt, record, params, out);
  const regionValue = record['awsRegion'];
  const region = typeof regionValue === 'string' ? regionValue : undefined;
  const account = accountOf(record);
  const slot = slotOf(value);
  const hit = single.filled[slot];
  if (hit !== undefined && hit.value === value && hit.region === region && hit.account === account) {
    out.push(hit.arn);
    return true;
  }
  const at = out.n;
  const complete = fill(rt, record, params, out);
  if (complete && out.n === at + 1) single.filled[slot] = { value: detach(value), region: region === undefined ? undefined : detach(region), account: account === undefined ? undefined : detach(account), arn: out.arns[at]! };
  return complete;
}

/**
 * The ARNs of one resource type, its variables filled from the record (several when a parameter lists several,
 * at most 50), appended to `out`. Returns whether every variable was filled; unfilled ones stay as
 * ${Variable}.
 */
function fill(rt: ResourceTypeInfo, record: JsonObject, params: JsonObject | undefined, out: ArnList): boolean {
  const regionValue = record['awsRegion'];
  const region = typeof regionValue === 'string' ? regionValue : undefined;
  let complete = true;
  // one ARN while every part has one value; the list once a part has several
  let single = '';
  let arns: string[] | undefined;
  const parts = templateParts(rt);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    let one: string | undefined;
    let many: string[] | undefined;
    switch (part.kind) {
      case 'literal':
        one = part.text;
        break;
      case 'partition': {
        const f = regionFactsOf(region);
        if (f.partitionUsable) one = f.partition;
        break;
      }
      case 'region':
        if (region && regionFactsOf(region).regionUsable) one = region;
        break;
      case 'account': {
        const account = accountOf(record);
        if (account !== undefined && safeSegment(account)) one = account;
        break;
      }
      case 'secretid': {
        const v = params ? paramValue(params, part) : undefined;
        if (typeof v === 'string') one = secretOption(v);
        else if (v !== undefined) {
          const usable: string[] = [];
          for (const value of v) {
            const option = secretOption(value);
            if (option !== undefined) usable.push(option);
          }
          if (usable.length === 1) one = usable[0];
          else if (usable.length > 1) many = usable;
        }
        break;
      }
      default: {
        const v = params ? paramValue(params, part) : undefined;
        if (typeof v === 'string') {
          if (safeSegment(v)) one = v;
        } else if (v !== undefined) {
          const usable = v.filter(safeSegment);
          if (usable.length === 1) one = usable[0];
          else if (usable.length > 1) many = usable;
        }
      }
    }
    if (one === undefined && many === undefined) {
      complete = false;
      one = part.text;
    }
    if (one !== undefined) {
      if (arns === undefined) single += one;
      else for (let i = 0; i < arns.length; i++) arns[i] += one;
    } else {
      const next: string[] = [];
      for (const a of arns ?? [single]) for (const o of many!) if (next.length < 50) next.push(a + o);
      arns = next;
    }
  }
  if (arns === undefined) out.push(single);
  else for (const a of arns) out.push(a);
  return complete;
}

const typeKeys = new Map<string, string>();
/** the last two types asked about: a record's resources[] repeats the same few ("AWS::S3::Object", "AWS::S3::Bucket") */
let lastType = '';
let lastKey: string | undefined;
let previousType = '';
let previousKey: string | undefined;

/** "AWS::S3::Object" / "object" → "object": a resource type's name without namespace, case or dashes (memoised: few distinct). */
function typeKey(type: string | undefined): string | undefined {
  if (!type) return undefined;
  if (type === lastType) return lastKey;
  if (type === previousType) return previousKey;
  const key = typeKeyOf(type);
  previousType = lastType;
  previousKey = lastKey;
  lastType = key === undefined ? '' : detach(type);
  lastKey = key;
  return key;
}

function typeKeyOf(type: string): string | undefined {
  let k = typeKeys.get(type);
  if (k === undefined) {
    k = type.split('::').pop()!.toLowerCase().replace(/-/g, '');
    if (typeKeys.size < 10_000) typeKeys.set(detach(type), k);
  }
  return k || undefined;
}

/** Whether any logged resource's type is one of the action's types (typeKeys). */
function loggedTypeAmong(logged: readonly Json[], keys: readonly string[]): boolean {
  for (const r of logged) {
    if (!isObject(r)) continue;
    const t = typeKey(str(r, 'type'));
    if (t && keys.includes(t)) return true;
  }
  return false;
}

/** Appends to `out` the ARN strings among an object's top-level values that fit (SNS topicArn, KMS keyId as an ARN, ...). */
function fittingParameterArns(params: JsonObject, types: readonly RegExp[], out: ArnList): void {
  for (const k in params) {
    const v = params[k];
    if (typeof v === 'string') {
      if (v.startsWith('arn:') && !hasWildcardOrSpace(v) && fitsAny(v, types)) out.push(v);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length && i < 50; i++) {
        const item = v[i];
        if (typeof item === 'string' && item.startsWith('arn:') && !hasWildcardOrSpace(item) && fitsAny(item, types)) out.push(item);
      }
    }
  }
}

/**
 * Appends the ARNs one record used for one action to `out` (possibly with repeats, in order of first use) and
 * returns whether some still holds a ${Placeholder}.
 */
export function collectResources(action: ActionInfo, record: JsonObject, out: ArnList): boolean {
  const plan = planOf(action);
  if (plan.star) {
    out.push('*');
    return false;
  }
  const { fits, typeKeys: keys } = plan;
  const start = out.n;
  const logged = record['resources'];
  if (Array.isArray(logged) && logged.length > 0) {
    let typeAmong: boolean | undefined;
    for (let i = 0; i < logged.length && i < 100; i++) {
      const r = logged[i];
      if (!isObject(r)) continue;
      const upper = r['ARN'];
      const arn = typeof upper === 'string' ? upper : str(r, 'arn');
      if (!arn || hasWildcardOrSpace(arn)) continue;
      // "AWS::S3::Object" names the resource type: an object ARN must not scope s3:ListBucket (whose bucket
      // template "${BucketName}" would also match "bucket/key")
      const type = r['type'];
      const typeName = typeKey(typeof type === 'string' ? type : undefined);
      let sameType = 0;
      let fitsSameType = false;
      if (typeName) {
        for (let t = 0; t < fits.length; t++) {
          if (keys[t] !== typeName) continue;
          sameType++;
          if (!fitsSameType && fits[t]!.test(arn)) fitsSameType = true;
        }
        if (sameType === 0 && (typeAmong ??= loggedTypeAmong(logged, keys))) continue;
      }
      if (sameType > 0 ? fitsSameType : fitsAny(arn, fits)) out.push(arn);
    }
  }
  const rawParams = record['requestParameters'];
  const params = isObject(rawParams) ? rawParams : undefined;
  if (out.n === start && params) fittingParameterArns(params, fits, out);
  // a create call returns the new resource's ARN (CloudFormation CreateStack's stackId, ...)
  const response = record['responseElements'];
  if (out.n === start && isObject(response)) {
    fittingParameterArns(response, fits, out);
    for (const k in response) {
      const v = response[k];
      if (isObject(v)) fittingParameterArns(v, fits, out);
    }
  }
  if (out.n > start) return false;

  if (!plan.required) {
    // the first type the parameters fill completely; else the first, with placeholders
    for (let i = 0; i < plan.fill.length; i++) {
      const at = out.n;
      if (fillRemembered(plan.fill[i]!, record, params, out)) {
        // the first type's placeholders make way for this complete one
        if (at > start) {
          const arns = out.arns;
          for (let j = at; j < out.n; j++) arns[start + j - at] = arns[j]!;
          out.n = start + (out.n - at);
        }
        return false;
      }
      if (i > 0) out.n = at;
    }
    return true;
  }
  let placeholder = false;
  for (const rt of plan.fill) if (!fillRemembered(rt, record, params, out)) placeholder = true;
  return placeholder;
}

export type { Json };
