/** RESOURCE_MISMATCH (R08): actions that no ARN of their statement fits (or that only take "*"), and stray ARNs. */

import type { PolicyContext, Rule } from '../rule';
import type { ActionInfo, IamCatalog, ResourceTypeInfo } from '../../knowledge/catalog';
import { spanOf, type Located, type Statement, type StringListElement } from '../../parser/policyModel';
import { templateOf } from '../../parser/containers/templateValue';
import { displayShape, SEGMENT } from '../../parser/containers/cfnShapes';
import { arnFitsTemplate, SplitArn, splitArnFields } from '../../knowledge/arnMatch';
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
  /** the fields tokenized on first use, for every resource type the ARN is compared with */
  readonly split: SplitArn;
  /** account "aws": AWS-owned resources, which the service data often leaves out of actions' lists */
  readonly awsOwned: boolean;
  readonly wildOrVariable: boolean;
}

function policyArn(value: string): PolicyArn {
  const split = new SplitArn(value);
  const fields = split.fields;
  return { value, fields, split, awsOwned: fields[4] === 'aws', wildOrVariable: hasWildcard(value) || value.includes('${') };
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
  for (const t of types) if (fitsType(arn, t)) return true;
  return false;
}

function isSoundArn(catalog: IamCatalog, value: string): boolean {
  for (const p of analyseArn(catalog, value)) if (p.code !== 'ARN_VARIABLE_BEFORE_RESOURCE' && p.severity !== 'warning') return false;
  return true;
}

/** A resource of the statement as this rule judges it: the ARN (or its CloudFormation shape) and how to name it. */
interface JudgedResource {
  readonly item: Located<string>;
  /** the text matched against resource types: the ARN, or the shape of a CloudFormation value (cfnShapes.ts) */
  readonly arn: string;
  /** the resource as written, for messages */
  readonly display: string;
  /** `arn` split, made on first use (once per statement, for every action item it is judged against) */
  split?: PolicyArn;
}

/**
 * The statement's resources, or undefined when one cannot be judged: "*", deploy-time values whose shape is
 * unknown (an opaque `!Ref Arns` could be any ARN, so any action may apply), shorthands such as API Gateway's
 * "execute-api:/*", and ARNs the ARN rules already report (they would match nothing here).
 */
function judgedResources(catalog: IamCatalog, el: StringListElement): JudgedResource[] | undefined {
  const nodes = el.value?.type === 'array' ? (el.value.children ?? []) : el.value ? [el.value] : [];
  const out: JudgedResource[] = [];
  for (const node of nodes) {
    if (node.type !== 'string') continue;
    const value = String(node.value);
    const template = templateOf(node);
    if (template?.shape !== undefined) {
      // a CloudFormation value whose ARN shape is known: judged by the shape; its literal parts must be sound
      if (template.kind === 'templated' && !isSoundArn(catalog, value)) return undefined;
      out.push({ item: { value, span: spanOf(node), node }, arn: template.shape, display: template.source ?? value, split: undefined });
      continue;
    }
    if (template?.kind === 'opaque') return undefined;
    if (value === '*' || isTemplateSubstitution(value) || !value.startsWith('arn:')) return undefined;
    if (!isSoundArn(catalog, value)) return undefined;
    out.push({ item: { value, span: spanOf(node), node }, arn: value, display: value, split: undefined });
  }
  return out;
}

function checkStatement(ctx: PolicyContext, statement: Statement): void {
  const actionEl = statement.action;
  const resourceEl = statement.resource;
  if (!actionEl || actionEl.negated || !resourceEl || resourceEl.negated) return;
  const resources = judgedResources(ctx.catalog, resourceEl);
  if (!resources || resources.length === 0) return;
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
    // a pattern naming one action (most items) is judged directly: fitsType remembers each (type, ARN) answer,
    // so a memo per (pattern, ARN) would only add a lookup and, for a new pair, an entry
    const single = actions.length === 1 ? actions[0]! : undefined;
    const singleTypes = single && resourceTypesOfAction(single);
    const byArn = single ? undefined : verdictsOf(ctx.catalog, item.value, actions);
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i]!;
      const arn = (r.split ??= policyArn(r.arn));
      let v: number;
      if (single) v = verdictBits(fits(single, singleTypes, arn));
      else v = byArn!.byArn.get(r.arn, arn, byArn!.verdict);
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
    reportAction(ctx, item, actions, shapeNote(resources));
  }
  if (!anyActionApplies) return;
  resources.forEach((r, i) => {
    if (used[i]) return;
    ctx.report(r.item, `"${r.display}" fits none of the resource types of this statement's actions, so it grants nothing; check the ARN or move it to a statement with actions on that resource.`);
  });
}

/** Bits of a (pattern, ARN) verdict: some matched action may act on the ARN / the data cannot tell for some. */
const SOME_NOT_FALSE = 1;
const SOME_UNKNOWN = 2;

/**
 * Whether the actions a pattern matches fit one ARN, as SOME_* bits. It depends only on the catalog and the two
 * strings, and the same pairs come back on every keystroke: memoised per catalog (bounded) for patterns matching
 * several actions (a one-action pattern is judged directly, see checkStatement). Inside, each distinct
 * resource-type list (shared by a service's actions that take the same types) is judged once.
 */
interface PatternVerdicts {
  readonly byArn: StringMemo<number>;
  /** computePairVerdict for this pattern's actions, made once per pattern (the memo passes the ARN) */
  readonly verdict: (arnValue: string, arn: PolicyArn) => number;
}
const pairMemo = perCatalog(() => new StringMemo<PatternVerdicts>(5000));

/** The per-ARN verdicts of one pattern (looked up once per item, not once per item and ARN). */
function verdictsOf(catalog: IamCatalog, pattern: string, actions: readonly ActionInfo[]): PatternVerdicts {
  return pairMemo(catalog).get(pattern, actions, newPatternVerdicts);
}

function newPatternVerdicts(_pattern: string, actions: readonly ActionInfo[]): PatternVerdicts {
  return { byArn: new StringMemo<number>(1000), verdict: (_arnValue, arn) => computePairVerdict(arn, actions) };
}

function computePairVerdict(arn: PolicyArn, actions: readonly ActionInfo[]): number {
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

function verdictBits(f: boolean | undefined): number {
  return f === undefined ? SOME_UNKNOWN | SOME_NOT_FALSE : f ? SOME_NOT_FALSE : 0;
}

/** " (\"${Bucket.Arn}/*\" is read as \"arn:…:s3:::…/*\")" for the resources written with intrinsics; "" otherwise. */
function shapeNote(resources: readonly JudgedResource[]): string {
  const shaped = resources.filter((r) => r.arn !== r.item.value);
  if (shaped.length === 0) return '';
  return ` (${shaped.slice(0, 2).map((r) => `"${r.display}" is read as "${displayShape(r.arn)}"`).join(', ')}, "…" standing for one name without "/" or ":")`;
}

function reportAction(ctx: PolicyContext, item: Located<string>, actions: readonly ActionInfo[], note = ''): void {
  if (hasWildcard(item.value)) {
    ctx.report(item, `No action matched by "${item.value}" applies to the resources of this statement${note}, so it never takes effect; list the ARNs these actions accept, or "*" where they only support "*".`, {
      data: { actions: actions.slice(0, 20).map((a) => a.fullName) },
    });
    return;
  }
  const a = actions[0]!;
  const types = resourceTypesOfAction(a) ?? [];
  if (types.length === 0) {
    ctx.report(item, `"${item.value}" only supports "Resource": "*", so with the ARNs of this statement${note} it never takes effect; move it to a statement with "Resource": "*".`, {
      data: { action: a.fullName, resourceTypes: [] },
    });
  } else {
    const described = describedTypes(types);
    ctx.report(item, `"${item.value}" applies to ${described.text}, and no resource of this statement matches${note}, so it never takes effect.`, {
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

// the same (ARN, resource type) pairs come back on every keystroke and for every action of a service; each type's
// memo comes with fitsTemplate for that type, made once (the memo passes the ARN)
const fitCache = new WeakMap<ResourceTypeInfo, { readonly byArn: StringMemo<boolean>; readonly fit: (arnValue: string, arn: PolicyArn) => boolean }>();

function fitsType(arn: PolicyArn, type: ResourceTypeInfo): boolean {
  let cached = fitCache.get(type);
  if (!cached) fitCache.set(type, (cached = { byArn: new StringMemo(20_000), fit: (_arnValue, a) => fitsTemplate(a, type) }));
  return cached.byArn.get(arn.value, arn, cached.fit);
}

function fitsTemplate(policyArn: PolicyArn, type: ResourceTypeInfo): boolean {
  const arn = policyArn.value;
  // an S3 bucket name never contains "/" (S3 User Guide, bucketnamingrules), so "arn:aws:s3:::b/*" or
  // "arn:aws:s3:::*/*" names objects, never a bucket: s3:ListBucket there grants nothing, the most common S3
  // mistake. The template's ${BucketName} alone would match any text, "/" included.
  if (type.service.prefix === 's3' && type.template.resource === '${BucketName}' && arnResourcePart(arn).includes('/')) return false;
  // a CloudFormation shape ("arn:…:s3:::…/*" from "${Bucket.Arn}/*") leaves Region and account empty where the
  // ARN has none: a resource type whose ARNs always name them (an S3 access point) is not what it names, though
  // the one-segment placeholder could spell "accesspoint"
  if (arn.includes(SEGMENT) && emptyWhereTemplateNames(arn, type)) return false;
  // arnMatchesTemplate(arn, type.template), with the ARN split and tokenized once for all the types it meets
  return arnFitsTemplate(policyArn.split, type.template);
}

/** True when the ARN's Region or account field is empty and the type's template has a placeholder there. */
function emptyWhereTemplateNames(arn: string, type: ResourceTypeInfo): boolean {
  const f = splitArnFields(arn);
  if (f.length < 6) return false;
  return (f[3] === '' && type.template.region.startsWith('${')) || (f[4] === '' && type.template.account.startsWith('${'));
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

In CloudFormation templates the ARN's shape counts, whatever the deployed values: in
\`!Sub arn:\${AWS::Partition}:s3:::\${BucketName}\` each placeholder stands for one ARN segment (no "/" or ":"),
so it is a bucket ARN; \`!GetAtt Queue.Arn\` and \`!Sub \${Bucket.Arn}/*\` of a resource of this template
have that resource type's ARN. A placeholder counts as one segment when it is a pseudo parameter (Region,
account, stack name), a String/Number parameter whose Default and AllowedValues hold no "/", ":" or "*", or the
Ref of a resource type whose Ref is a name or id; anything else (list or SSM parameters, Fn::ImportValue, an
SQS queue's Ref, which is a URL) could hold a path and is not judged.

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
