// The resource ARNs one call used, for one action: the record's resources[] ARNs that fit the action's
// resource types; else ARNs rebuilt from requestParameters with the catalogue's ARN templates; else the
// template itself with the unknown parts left as named placeholders (${BucketName}). Never "*" for an action
// that has resource types; "*" for one that has none (IAM requires "*" there).

import type { ActionInfo, ResourceTypeInfo } from '../knowledge/catalog';
import { arnMatchesTemplate } from '../knowledge/arnMatch';
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

function typesOf(action: ActionInfo): ResourceTypeInfo[] {
  const out: ResourceTypeInfo[] = [];
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

function paramValue(params: JsonObject, variable: string): string | undefined {
  const lower = variable.toLowerCase();
  const names = PARAMETER_ALIASES[lower] ?? [];
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') continue;
    const kl = k.toLowerCase();
    if (kl === lower || names.some((n) => n.toLowerCase() === kl)) return v;
  }
  // SQS calls name the queue by URL: https://sqs.<region>.amazonaws.com/<account>/<QueueName>
  if (lower === 'queuename') {
    const url = str(params, 'queueUrl') ?? str(params, 'QueueUrl');
    const m = url ? /\/\d{12}\/([^/?#]+)$/.exec(url) : null;
    if (m) return m[1];
  }
  return undefined;
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

function fill(rt: ResourceTypeInfo, record: JsonObject, params: JsonObject | undefined, placeholders: boolean): { arn: string; complete: boolean } | undefined {
  const region = str(record, 'awsRegion');
  let complete = true;
  const arn = rt.arn.replace(VARIABLE, (whole, name: string) => {
    const n = name.toLowerCase();
    let v: string | undefined;
    if (n === 'partition') v = partitionOfRegion(region);
    else if (n === 'region') v = region;
    else if (n === 'account') v = accountOf(record);
    else if (params) v = paramValue(params, name);
    if (v !== undefined && n === 'secretid' && !v.startsWith('arn:')) {
      // Secrets Manager ARNs end in "-" plus 6 random characters: the user guide's policy examples match a
      // secret by name with "-??????"
      return safeSegment(v) ? `${v}-??????` : whole;
    }
    if (v !== undefined && safeSegment(v)) return v;
    complete = false;
    return whole;
  });
  if (!complete && !placeholders) return undefined;
  return { arn, complete };
}

export function resourcesFor(action: ActionInfo, record: JsonObject): ActionResources {
  if (action.resources.length === 0) return STAR;
  const types = typesOf(action);
  // a type the catalogue names but does not define: no template to fill, and "*" is the only honest Resource
  if (types.length === 0) return STAR;
  const fits = (arn: string): boolean => types.some((rt) => arnMatchesTemplate(arn, rt.template));

  const logged = record['resources'];
  const typeNames = new Set<string>();
  if (Array.isArray(logged)) for (const r of logged) if (isObject(r)) { const t = str(r, 'type')?.split('::').pop(); if (t) typeNames.add(t.toLowerCase().replace(/-/g, '')); }
  const found = new Set<string>();
  if (Array.isArray(logged)) {
    for (const r of logged.slice(0, 100)) {
      const arn = isObject(r) ? str(r, 'ARN') ?? str(r, 'arn') : undefined;
      if (!arn || /[*?\s]/.test(arn)) continue;
      // "AWS::S3::Object" names the resource type: an object ARN must not scope s3:ListBucket (whose bucket
      // template "${BucketName}" would also match "bucket/key")
      const typeName = isObject(r) ? str(r, 'type')?.split('::').pop()?.toLowerCase().replace(/-/g, '') : undefined;
      const sameType = typeName ? types.filter((t) => t.name.toLowerCase().replace(/-/g, '') === typeName) : [];
      if (typeName && sameType.length === 0 && types.some((t) => typeNames.has(t.name.toLowerCase().replace(/-/g, '')))) continue;
      if (sameType.length ? sameType.some((rt) => arnMatchesTemplate(arn, rt.template)) : fits(arn)) found.add(arn);
    }
  }
  const params = isObject(record['requestParameters']) ? (record['requestParameters'] as JsonObject) : undefined;
  if (found.size === 0 && params) for (const arn of parameterArns(params)) if (fits(arn)) found.add(arn);
  if (found.size > 0) return { arns: [...found], placeholder: false };

  // required types must all be named; with none required, the first type the parameters fill completely
  const required = action.resources.filter((r) => r.required).map((r) => r.name.toLowerCase());
  const wanted = required.length > 0 ? types.filter((t) => required.includes(t.name.toLowerCase())) : types;
  const arns: string[] = [];
  let placeholder = false;
  if (required.length === 0) {
    for (const rt of wanted) {
      const filled = fill(rt, record, params, false);
      if (filled) return { arns: [filled.arn], placeholder: false };
    }
    const first = fill(wanted[0]!, record, params, true)!;
    return { arns: [first.arn], placeholder: !first.complete };
  }
  for (const rt of wanted.length ? wanted : types.slice(0, 1)) {
    const filled = fill(rt, record, params, true)!;
    arns.push(filled.arn);
    if (!filled.complete) placeholder = true;
  }
  return { arns, placeholder };
}

export type { Json };
