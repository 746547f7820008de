/**
 * RESOURCE_EFFECTIVELY_STAR (R10): an Allow with an ARN that matches every resource of every service, or (in an
 * identity policy) every resource of each type its actions act on ("arn:*:cloudtrail:*:*:trail/*" for actions
 * that only take trails), which is "*" for those actions written longer.
 */

import type { PolicyContext, Rule } from '../rule';
import type { ActionInfo, ResourceTypeInfo } from '../../knowledge/catalog';
import type { Statement } from '../../parser/policyModel';
import { patternCovers, splitArnFields } from '../../knowledge/arnMatch';
import { resourceTypesOfAction } from '../../knowledge/arnIndex';
import { elementPatternFacts } from '../../knowledge/patternFacts';
import { scopableActionsOf } from './resourceStar';
import { isTemplated } from '../../parser/containers/templateValue';

/** True for "arn:*", "arn:aws:*", "arn:*:*:*:*:*" and the like: any service, any resource. */
export function isEffectivelyStar(value: string): boolean {
  const f = splitArnFields(value);
  if (f[0] !== 'arn') return false;
  // service, Region, account and resource all only `*` (a short ARN's trailing star spans the rest);
  // the partition may be named: that is still every resource the principal can reach
  const rest = f.slice(2);
  if (rest.length === 0) return /^\*+$/.test(f[1] ?? '');
  return rest.every((x) => /^\*+$/.test(x));
}

function onlyStars(x: string | undefined): boolean {
  return x !== undefined && /^\*+$/.test(x);
}

/**
 * True when the ARN pattern covers every ARN of the resource type: the type's service, Region and account `*`
 * (or empty where the type's ARNs have none), and a resource part that covers the template's with each
 * placeholder as `*` ("trail/*" covers "trail/${TrailName}"). The partition may be named, as above.
 */
function coversType(fields: readonly string[], type: ResourceTypeInfo): boolean {
  const t = type.template;
  // a short ARN whose last field is only stars spans the rest ("arn:aws:cloudtrail:*")
  const at = (i: number): string | undefined => (i < fields.length ? fields[i] : onlyStars(fields[fields.length - 1]) ? '*' : undefined);
  if (at(2) !== type.service.prefix) return false;
  const wide = (x: string | undefined, templateField: string): boolean => onlyStars(x) || (x === '' && templateField === '');
  if (!wide(at(3), t.region) || !wide(at(4), t.account)) return false;
  const resource = fields.length >= 6 ? fields[5]! : at(5);
  if (resource === undefined) return false;
  return onlyStars(resource) || patternCovers(resource, t.resource.replace(/\$\{[^}]*\}/g, '*'));
}

/**
 * The statement's actions that could be scoped to resources, as RESOURCE_STAR counts them (not List-level, at
 * least one resource type; a wildcard only when most of what it matches can be scoped), or [] when an action
 * item cannot be judged ("*", a template value).
 */
function scopableActions(ctx: PolicyContext, statement: Statement): ActionInfo[] {
  const out: ActionInfo[] = [];
  const items = statement.action!.items;
  // RESOURCE_STAR's fact of each pattern, kept with the pattern: no per-parse pass over every expanded action
  const facts = elementPatternFacts(ctx.catalog, statement.action!);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.value === '*' || isTemplated(item.node)) return [];
    out.push(...scopableActionsOf(facts[k]!));
  }
  return out;
}

/** Service-wide ARNs of an identity policy's Allow statement that cover every resource its actions act on. */
function checkServiceWide(ctx: PolicyContext, statement: Statement): void {
  const resourceEl = statement.resource!;
  const candidates = resourceEl.items.filter((r) => !isTemplated(r.node) && r.value.startsWith('arn:') && r.value.includes('*') && !isEffectivelyStar(r.value));
  if (candidates.length === 0) return;
  const actions = scopableActions(ctx, statement);
  if (actions.length === 0 || actions.length > 2000) return;
  for (const item of candidates) {
    const fields = splitArnFields(item.value);
    const covered = new Map<ResourceTypeInfo, boolean>();
    const coversAll = actions.every((a) =>
      resourceTypesOfAction(a)!.every((t) => {
        let c = covered.get(t);
        if (c === undefined) covered.set(t, (c = coversType(fields, t)));
        return c;
      }),
    );
    if (!coversAll) continue;
    const types = [...new Set([...covered.keys()].map((t) => t.name))];
    const first = actions[0]!.fullName;
    const others = actions.length - 1;
    const what = others === 0 ? `"${first}"` : `"${first}" and ${others} other action${others === 1 ? '' : 's'} of this statement`;
    ctx.report(item, `"${item.value}" matches every resource of type ${types.slice(0, 3).join(', ')}, all that ${what} can act on, so it is the same as "*"; name the resources the statement needs.`, {
      data: { resourceTypes: types },
    });
  }
}

export const resourceEffectivelyStar: Rule = {
  code: 'RESOURCE_EFFECTIVELY_STAR',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'An Allow names an ARN pattern that matches every resource, the same as "*".',
  catalogue: ['R10'],
  docs: `"arn:aws:*:*:*:*" and "arn:*" match every resource of every service: the statement is as broad as
\`"Resource": "*"\`, only harder to spot. Name the resources, or write "*" openly if that is intended.

In an identity policy, a service's own all-resource pattern is reported too when it covers every resource type
the statement's actions act on: \`"arn:*:cloudtrail:*:*:trail/*"\` for cloudtrail:StopLogging (which only acts on
trails), \`"arn:aws:logs:*:*:*"\` for logs:PutLogEvents. The same statements as RESOURCE_STAR are judged (Allow,
no Condition, actions that can be scoped, not List-level); a pattern that leaves out one of an action's resource
types (\`"arn:aws:s3:::*"\` for s3:GetObject, which also acts on access point objects) is not reported.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:*:*:*:*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      if (statement.effect?.value !== 'Allow' || !statement.resource || statement.resource.negated) continue;
      for (const item of statement.resource.items) {
        if (isTemplated(item.node) || !isEffectivelyStar(item.value)) continue;
        ctx.report(item, `"${item.value}" matches every resource of every service, the same as "*"; name the resources the statement needs.`);
      }
      // the service-specific form is judged where RESOURCE_STAR would judge a "*": identity policies, Allow
      // statements without a Condition, actions that can be scoped
      if (ctx.policy.policyType === 'identity' && !statement.condition && statement.action && !statement.action.negated) checkServiceWide(ctx, statement);
    }
  },
};
