/** RESOURCE_MISMATCH (R08): actions that no ARN of their statement fits (or that only take "*"), and stray ARNs. */

import type { PolicyContext, Rule } from '../rule';
import type { ActionInfo, IamCatalog, ResourceTypeInfo } from '../../knowledge/catalog';
import type { Located, Statement } from '../../parser/policyModel';
import { arnMatchesTemplate, splitArnFields } from '../../knowledge/arnMatch';
import { resourceTypesOfAction } from '../../knowledge/arnIndex';
import { elementPatternFacts } from '../../knowledge/patternFacts';
import { hasWildcard } from '../../knowledge/glob';
import { analyseArn } from './arnAnalysis';
import { arnExample } from '../../knowledge/arnExample';
import { isTemplateSubstitution } from './arnRule';
import { perCatalog } from '../../knowledge/perCatalog';
import { StringMemo } from '../../util/stringMemo';

/** "object ARNs ("arn:…"), bucket ARNs ("arn:…")": what an action accepts, for messages. */
export function describeTypes(types: readonly ResourceTypeInfo[], max = 2): string {
  // the simplest forms first: "object" before "accesspointobject"
  const sorted = [...types].sort((a, b) => a.arn.length - b.arn.length);
  const shown = sorted.slice(0, max).map((t) => `${t.name} ARNs ("${arnExample(t.arn)}")`);
  return types.length > max ? `${shown.join(', ')} or ${types.length - max} other types` : shown.join(' or ');
}

/** "arn:aws:s3:::*", "arn:aws:logs:*:*:*": every resource of the action's own service namespace. */
function isServiceWide(arn: PolicyArn, action: ActionInfo): boolean {
  const f = arn.fields;
  if (f.length < 6) return arn.value.endsWith('*') && (f[2] === undefined || f[2] === action.service.prefix || onlyStars(f[2]));
  const wide = (x: string): boolean => x === '' || onlyStars(x);
  return (f[2] === action.service.prefix || onlyStars(f[2]!)) && wide(f[3]!) && wide(f[4]!) && onlyStars(f[5]!);
}

function onlyStars(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 42) return false;
  return true;
}

const NONE: readonly ActionInfo[] = [];

/** Key for actions whose resource types the data leaves undefined (no verdict for any ARN). */
const UNDEFINED_TYPES = {};

/** An ARN of the statement, split once. */
interface PolicyArn {
  readonly value: string;
  readonly fields: readonly string[];
  /** account "aws": AWS-owned resources, which the service data often leaves out of actions' lists */
  readonly awsOwned: boolean;
  readonly wildOrVariable: boolean;
}

function policyArn(value: string): PolicyArn {
  const fields = splitArnFields(value);
  return { value, fields, awsOwned: fields[4] === 'aws', wildOrVariable: hasWildcard(value) || value.includes('${') };
}

/** true / false: the action can / cannot act on the ARN; undefined: the data cannot tell. */
function fits(a: ActionInfo, types: readonly ResourceTypeInfo[] | undefined, arn: PolicyArn): boolean | undefined {
  if (types === undefined) return undefined;
  // AWS-owned resources ("arn:aws:iam::aws:policy/…", AWS-managed SCPs) are often missing from the
  // actions' resource lists in the service data: no verdict rather than a false warning
  if (arn.awsOwned) return undefined;
  // an action that only supports "*" still works with a service-wide ARN such as "arn:aws:s3:::*"
  // (the IAM User Guide's own examples do this); only a specific ARN is certainly wrong for it
  // and listings are often authorized against a path or prefix the data does not describe (the IAM User
  // Guide's policy-simulator example grants iam:ListUsers on "arn:aws:iam::*:user/Department/Development/*"):
  // a wildcard ARN of the action's own service gets no verdict either
  if (types.length === 0) return isServiceWide(arn, a) || (arn.fields[2] === a.service.prefix && arn.wildOrVariable) ? undefined : false;
  for (const t of types) if (fitsType(arn.value, t)) return true;
  return false;
}

function isSoundArn(catalog: IamCatalog, value: string): boolean {
  for (const p of analyseArn(catalog, value)) if (p.code !== 'ARN_VARIABLE_BEFORE_RESOURCE' && p.severity !== 'warning') return false;
  return true;
}

function checkStatement(ctx: PolicyContext, statement: Statement): void {
  const actionEl = statement.action;
  const resourceEl = statement.resource;
  if (!actionEl || actionEl.negated || !resourceEl || resourceEl.negated || resourceEl.items.length === 0) return;
  for (const r of resourceEl.items) {
    // "*", deploy-time substitutions and shorthands such as API Gateway's "execute-api:/*" are not judged here
    if (r.value === '*' || isTemplateSubstitution(r.value) || !r.value.startsWith('arn:')) return;
    // only ARNs whose shape is sound: the ARN rules report the others, and they would match nothing here
    if (!isSoundArn(ctx.catalog, r.value)) return;
  }
  const resources = resourceEl.items;
  const items = actionEl.items;
  // a bound on (expanded actions x ARNs) keeps pathological statements (s3:* on 10,000 ARNs) interactive
  let work = 0;
  const expansions: Array<readonly ActionInfo[]> = [];
  const facts = elementPatternFacts(ctx.catalog, actionEl);
  for (let k = 0; k < items.length; k++) {
    const actions = items[k]!.value === '*' ? NONE : facts[k]!.actions;
    expansions.push(actions);
    work += actions.length * resources.length;
  }
  if (work > 200_000) return;
  const used: boolean[] = new Array<boolean>(resources.length).fill(false);
  let anyActionApplies = false;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.value === '*') {
      anyActionApplies = true;
      used.fill(true);
      continue;
    }
    const actions = expansions[k]!;
    if (actions.length === 0) continue;
    let applies = false;
    let unknown = false;
    const byArn = verdictsOf(ctx.catalog, item.value);
    for (let i = 0; i < resources.length; i++) {
      const v = byArn.get(resources[i]!.value, actions, computePairVerdict);
      if (v & SOME_UNKNOWN) unknown = true;
      if (v & SOME_NOT_FALSE) {
        applies = true;
        used[i] = true;
      }
    }
    if (applies || unknown) {
      anyActionApplies = true;
      continue;
    }
    reportAction(ctx, item, actions);
  }
  if (!anyActionApplies) return;
  resources.forEach((r, i) => {
    if (used[i]) return;
    ctx.report(r, `"${r.value}" fits none of the resource types of this statement's actions, so it grants nothing; check the ARN or move it to a statement with actions on that resource.`);
  });
}

/** Bits of a (pattern, ARN) verdict: some matched action may act on the ARN / the data cannot tell for some. */
const SOME_NOT_FALSE = 1;
const SOME_UNKNOWN = 2;

/**
 * Whether the actions a pattern matches fit one ARN, as SOME_* bits. It depends only on the catalog and the two
 * strings, and the same pairs come back on every keystroke: memoised per catalog (bounded). Inside, each distinct
 * resource-type list (shared by a service's actions that take the same types) is judged once.
 */
const pairMemo = perCatalog(() => new StringMemo<StringMemo<number>>(5000));

/** The per-ARN verdicts of one pattern (looked up once per item, not once per item and ARN). */
function verdictsOf(catalog: IamCatalog, pattern: string): StringMemo<number> {
  return pairMemo(catalog).get(pattern, undefined, newArnMemo);
}

function newArnMemo(): StringMemo<number> {
  return new StringMemo<number>(1000);
}

function computePairVerdict(arnValue: string, actions: readonly ActionInfo[]): number {
  const arn = policyArn(arnValue);
  let bits = 0;
  const seen = new Map<object, boolean | undefined>();
  for (const a of actions) {
    const types = resourceTypesOfAction(a);
    const key = types === undefined ? UNDEFINED_TYPES : types.length === 0 ? a.service : types;
    let f: boolean | undefined;
    if (seen.has(key)) f = seen.get(key);
    else seen.set(key, (f = fits(a, types, arn)));
    if (f === undefined) bits |= SOME_UNKNOWN;
    if (f !== false) bits |= SOME_NOT_FALSE;
    if (bits === (SOME_UNKNOWN | SOME_NOT_FALSE)) break;
  }
  return bits;
}

function reportAction(ctx: PolicyContext, item: Located<string>, actions: readonly ActionInfo[]): void {
  if (hasWildcard(item.value)) {
    ctx.report(item, `No action matched by "${item.value}" applies to the resources of this statement, so it never takes effect; list the ARNs these actions accept, or "*" where they only support "*".`, {
      data: { actions: actions.slice(0, 20).map((a) => a.fullName) },
    });
    return;
  }
  const a = actions[0]!;
  const types = resourceTypesOfAction(a) ?? [];
  if (types.length === 0) {
    ctx.report(item, `"${item.value}" only supports "Resource": "*", so with the ARNs of this statement it never takes effect; move it to a statement with "Resource": "*".`, {
      data: { action: a.fullName, resourceTypes: [] },
    });
  } else {
    const described = describedTypes(types);
    ctx.report(item, `"${item.value}" applies to ${described.text}, and no resource of this statement matches, so it never takes effect.`, {
      data: { action: a.fullName, resourceTypes: described.data },
    });
  }
}

/** Message text and fix data per resource-type list (lists are shared per catalog, and so is this; read-only). */
const describedCache = new WeakMap<readonly ResourceTypeInfo[], { text: string; data: ReadonlyArray<{ name: string; arn: string }> }>();
function describedTypes(types: readonly ResourceTypeInfo[]): { text: string; data: ReadonlyArray<{ name: string; arn: string }> } {
  let hit = describedCache.get(types);
  if (!hit) describedCache.set(types, (hit = { text: describeTypes(types), data: Object.freeze(types.map((t) => Object.freeze({ name: t.name, arn: t.arn }))) }));
  return hit;
}

// the same (ARN, resource type) pairs come back on every keystroke and for every action of a service
const fitCache = new WeakMap<ResourceTypeInfo, StringMemo<boolean>>();

function fitsType(arn: string, type: ResourceTypeInfo): boolean {
  let byArn = fitCache.get(type);
  if (!byArn) fitCache.set(type, (byArn = new StringMemo(20_000)));
  return byArn.get(arn, type, fitsTemplate);
}

function fitsTemplate(arn: string, type: ResourceTypeInfo): boolean {
  // an S3 bucket name never contains "/" (S3 User Guide, bucketnamingrules), so "arn:aws:s3:::b/*" or
  // "arn:aws:s3:::*/*" names objects, never a bucket: s3:ListBucket there grants nothing, the most common S3
  // mistake. The template's ${BucketName} alone would match any text, "/" included.
  if (type.service.prefix === 's3' && type.template.resource === '${BucketName}' && arnResourcePart(arn).includes('/')) return false;
  return arnMatchesTemplate(arn, type.template);
}

/** The resource part of an ARN (after the fifth colon), or "" when it has fewer fields. */
function arnResourcePart(arn: string): string {
  let at = 0;
  for (let colons = 0; colons < 5; colons++) {
    at = arn.indexOf(':', at) + 1;
    if (at === 0) return '';
  }
  return arn.slice(at);
}


export const resourceMismatch: Rule = {
  code: 'RESOURCE_MISMATCH',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'An action fits none of the resources of its statement, or a resource fits none of its actions.',
  catalogue: ['R08'],
  docs: `Each action is authorized on particular resource types: s3:GetObject on objects
("arn:aws:s3:::bucket/key"), s3:ListBucket on buckets ("arn:aws:s3:::bucket"), and some actions
(s3:ListAllMyBuckets, ec2:Describe*) only on \`"*"\`. When no ARN of the statement fits an action, the action
is silently never allowed (or never denied). Wildcards and policy variables in ARNs are taken into account.
This is a warning: the service data can lag behind AWS.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": "arn:aws:s3:::my-bucket" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType === 'trust') return;
    for (const statement of ctx.policy.statements) checkStatement(ctx, statement);
  },

};
