// The resource ARNs one call used, for one action: the record's resources[] ARNs that fit the action's
// resource types; else ARNs rebuilt from requestParameters with the catalogue's ARN templates; else the
// template itself with the unknown parts left as named placeholders (${BucketName}). Never "*" for an action
// that has resource types; "*" for one that has none (IAM requires "*" there).

import type { ActionInfo, ResourceTypeInfo } from '../knowledge/catalog';
import { accountOf, isObject, partitionOfRegion, str, type Json, type JsonObject } from './cloudTrailEvent';

export interface ActionResources {
  readonly arns: readonly string[];
  /** true when some ARN still holds a ${Placeholder} the logs could not fill */
  readonly placeholder: boolean;
}

const STAR: ActionResources = { arns: ['*'], placeholder: false };
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
function arnFits(arn: string, rt: ResourceTypeInfo): boolean {
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
  return re.test(arn);
}

const typesCache = new WeakMap<ActionInfo, ResourceTypeInfo[]>();

function typesOf(action: ActionInfo): ResourceTypeInfo[] {
  const hit = typesCache.get(action);
  if (hit) return hit;
  const out: ResourceTypeInfo[] = [];
  typesCache.set(action, out);
  for (const r of action.resources) {
    const rt = action.service.resourceTypes.get(r.name.toLowerCase());
    if (rt && rt.arn.startsWith('arn:')) out.push(rt);
  }
  return out;
}

/** A value usable inside an ARN: characters IAM would read as wildcards or variables are refused. */
function safeSegment(v: string): boolean {
  return v.length > 0 && v.length <= 1024 && !/[*?$:\s]/.test(v);
}

const namesCache = new Map<string, ReadonlySet<string>>();

/** Lowercased parameter names that may hold a template variable (the variable's own name and its aliases). */
function namesFor(lower: string): ReadonlySet<string> {
  let names = namesCache.get(lower);
  if (!names) namesCache.set(lower, (names = new Set([lower, ...(PARAMETER_ALIASES[lower] ?? []).map((n) => n.toLowerCase())])));
  return names;
}

function paramValues(params: JsonObject, variable: string): string[] {
  const lower = variable.toLowerCase();
  const names = namesFor(lower);
  for (const k in params) {
    const v = params[k];
    if (typeof v === 'string' && names.has(k.toLowerCase())) return [v];
  }
  // SQS calls name the queue by URL: https://sqs.<region>.amazonaws.com/<account>/<QueueName>
  if (lower === 'queuename') {
    const url = str(params, 'queueUrl') ?? str(params, 'QueueUrl');
    const m = url ? /\/\d{12}\/([^/?#]+)$/.exec(url) : null;
    if (m) return [m[1]!];
  }
  // nested lists such as EC2's instancesSet.items[].instanceId: every value, bounded
  const found = new Set<string>();
  let budget = 200;
  const visit = (v: Json, depth: number): void => {
    if (--budget < 0 || depth > 4 || found.size >= 50) return;
    if (Array.isArray(v)) for (const item of v) visit(item, depth + 1);
    else if (isObject(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (typeof item === 'string' && names.has(k.toLowerCase())) found.add(item);
        else if (typeof item === 'object' && item !== null) visit(item, depth + 1);
      }
    }
  };
  for (const v of Object.values(params)) if (typeof v === 'object' && v !== null) visit(v, 1);
  return [...found];
}

/** ARN strings among the top-level request parameters (SNS topicArn, KMS keyId as an ARN, ...). */
function parameterArns(params: JsonObject): string[] {
  const out: string[] = [];
  for (const v of Object.values(params)) {
    if (typeof v === 'string' && v.startsWith('arn:') && !/[*?\s]/.test(v)) out.push(v);
    else if (Array.isArray(v)) for (const item of v.slice(0, 50)) if (typeof item === 'string' && item.startsWith('arn:') && !/[*?\s]/.test(item)) out.push(item);
  }
  return out;
}

type TemplatePart = { readonly literal: string } | { readonly variable: string; readonly lower: string; readonly text: string };
const partsCache = new WeakMap<ResourceTypeInfo, readonly TemplatePart[]>();

/** The template split once into literal text and ${Variable} parts. */
function templateParts(rt: ResourceTypeInfo): readonly TemplatePart[] {
  let parts = partsCache.get(rt);
  if (!parts) {
    const out: TemplatePart[] = [];
    let last = 0;
    for (const m of rt.arn.matchAll(VARIABLE)) {
      if (m.index! > last) out.push({ literal: rt.arn.slice(last, m.index) });
      out.push({ variable: m[1]!, lower: m[1]!.toLowerCase(), text: m[0] });
      last = m.index! + m[0].length;
    }
    if (last < rt.arn.length) out.push({ literal: rt.arn.slice(last) });
    partsCache.set(rt, (parts = out));
  }
  return parts;
}

/** The ARNs of one resource type, its variables filled from the record (several when a parameter lists several). */
function fill(rt: ResourceTypeInfo, record: JsonObject, params: JsonObject | undefined, placeholders: boolean): { arns: string[]; complete: boolean } | undefined {
  const region = str(record, 'awsRegion');
  let complete = true;
  let arns = [''];
  const append = (options: readonly string[]): void => {
    if (options.length === 1) {
      for (let i = 0; i < arns.length; i++) arns[i] += options[0]!;
      return;
    }
    const next: string[] = [];
    for (const a of arns) for (const o of options) if (next.length < 50) next.push(a + o);
    arns = next;
  };
  for (const part of templateParts(rt)) {
    if ('literal' in part) {
      append([part.literal]);
      continue;
    }
    const n = part.lower;
    let values: string[];
    if (n === 'partition') values = [partitionOfRegion(region)];
    else if (n === 'region') values = region ? [region] : [];
    else if (n === 'account') {
      const account = accountOf(record);
      values = account === undefined ? [] : [account];
    } else values = params ? paramValues(params, part.variable) : [];
    // Secrets Manager ARNs end in "-" plus 6 random characters: the user guide's policy examples match a
    // secret by name with "-??????"
    if (n === 'secretid') values = values.filter((v) => !v.startsWith('arn:')).map((v) => (safeSegment(v) ? `${v}-??????` : v));
    const usable = values.filter((v) => safeSegment(v) || (n === 'secretid' && /^[^*$:\s]+-\?{6}$/.test(v)));
    if (usable.length === 0) {
      complete = false;
      append([part.text]);
    } else append(usable);
  }
  if (!complete && !placeholders) return undefined;
  return { arns, complete };
}

const typeKeys = new Map<string, string>();

/** "AWS::S3::Object" / "object" → "object": a resource type's name without namespace, case or dashes (memoised: few distinct). */
function typeKey(type: string | undefined): string | undefined {
  if (!type) return undefined;
  let k = typeKeys.get(type);
  if (k === undefined) {
    k = type.split('::').pop()!.toLowerCase().replace(/-/g, '');
    if (typeKeys.size < 10_000) typeKeys.set(type, k);
  }
  return k || undefined;
}

export function resourcesFor(action: ActionInfo, record: JsonObject): ActionResources {
  if (action.resources.length === 0) return STAR;
  const types = typesOf(action);
  // a type the catalogue names but does not define: no template to fill, and "*" is the only honest Resource
  if (types.length === 0) return STAR;
  const fits = (arn: string): boolean => types.some((rt) => arnFits(arn, rt));

  const logged = record['resources'];
  const found = new Set<string>();
  if (Array.isArray(logged) && logged.length > 0) {
    const typeNames = new Set<string>();
    for (const r of logged) if (isObject(r)) { const t = typeKey(str(r, 'type')); if (t) typeNames.add(t); }
    for (let i = 0; i < logged.length && i < 100; i++) {
      const r = logged[i];
      const arn = isObject(r) ? str(r, 'ARN') ?? str(r, 'arn') : undefined;
      if (!arn || /[*?\s]/.test(arn)) continue;
      // "AWS::S3::Object" names the resource type: an object ARN must not scope s3:ListBucket (whose bucket
      // template "${BucketName}" would also match "bucket/key")
      const typeName = isObject(r) ? typeKey(str(r, 'type')) : undefined;
      const sameType = typeName ? types.filter((t) => typeKey(t.name) === typeName) : [];
      if (typeName && sameType.length === 0 && types.some((t) => typeNames.has(typeKey(t.name)!))) continue;
      if (sameType.length ? sameType.some((rt) => arnFits(arn, rt)) : fits(arn)) found.add(arn);
    }
  }
  const params = isObject(record['requestParameters']) ? (record['requestParameters'] as JsonObject) : undefined;
  if (found.size === 0 && params) for (const arn of parameterArns(params)) if (fits(arn)) found.add(arn);
  // a create call returns the new resource's ARN (CloudFormation CreateStack's stackId, ...)
  const response = record['responseElements'];
  if (found.size === 0 && isObject(response)) {
    for (const arn of parameterArns(response)) if (fits(arn)) found.add(arn);
    for (const v of Object.values(response)) if (isObject(v)) for (const arn of parameterArns(v)) if (fits(arn)) found.add(arn);
  }
  if (found.size > 0) return { arns: [...found], placeholder: false };

  // required types must all be named; with none required, the first type the parameters fill completely
  const required = action.resources.filter((r) => r.required).map((r) => r.name.toLowerCase());
  const wanted = required.length > 0 ? types.filter((t) => required.includes(t.name.toLowerCase())) : types;
  const arns: string[] = [];
  let placeholder = false;
  if (required.length === 0) {
    for (const rt of wanted) {
      const filled = fill(rt, record, params, false);
      if (filled) return { arns: filled.arns, placeholder: false };
    }
    const first = fill(wanted[0]!, record, params, true)!;
    return { arns: first.arns, placeholder: !first.complete };
  }
  for (const rt of wanted.length ? wanted : types.slice(0, 1)) {
    const filled = fill(rt, record, params, true)!;
    arns.push(...filled.arns);
    if (!filled.complete) placeholder = true;
  }
  return { arns, placeholder };
}

export type { Json };
