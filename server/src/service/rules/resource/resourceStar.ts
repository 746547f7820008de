/** RESOURCE_STAR (S02): an Allow gives actions that support resource-level scoping on `"Resource": "*"`. */

import type { Rule } from '../rule';
import type { ActionInfo, ResourceTypeInfo } from '../../knowledge/catalog';
import { resourceTypesOfAction } from '../../knowledge/arnIndex';
import { derivePatternFact, elementPatternFacts, NO_ACTIONS, type PatternFacts } from '../../knowledge/patternFacts';
import { DerivedKey } from '../../parser/derived';
import { isTemplated } from '../../parser/containers/templateValue';
import { hasWildcard } from '../../knowledge/glob';
import { AccessLevel } from '../../knowledge/accessLevel';
import { arnExample } from '../../knowledge/arnExample';

/** 0: the action requires the type; 1: its description names it ("Grants permission to launch … instances"); 2: optional. */
function relevance(action: ActionInfo, required: boolean, typeName: string): number {
  if (required) return 0;
  const words = typeName.toLowerCase().split('-');
  const text = action.description.toLowerCase();
  return words.every((w) => text.includes(w)) ? 1 : 2;
}

interface ScopableActions {
  /** the item's actions that can be scoped to resources (not List-level, with resource types), in order */
  readonly actions: readonly ActionInfo[];
  /** their resource types, by first appearance, each with its lowest relevance rank */
  readonly types: ReadonlyArray<{ readonly rt: ResourceTypeInfo; readonly rank: number }>;
}

/** What one Action pattern contributes (undefined: nothing), a fact of the catalog and the string alone. */
const SCOPABLE = new DerivedKey<ScopableActions | undefined>('resourceStarScopable');
function scopableOf(facts: PatternFacts): ScopableActions | undefined {
  const expanded = facts.actions;
  // List-level actions (ec2:DescribeSecurityGroupReferences, s3:ListBucket) are left to the data-exposure
  // rules: AWS's own examples grant them on "*" and scoping listings is rarely what a reader needs first
  const withTypes: ActionInfo[] = [];
  const typeLists: Array<readonly ResourceTypeInfo[]> = [];
  for (const a of expanded) {
    if (a.accessLevel === AccessLevel.List) continue;
    const rts = resourceTypesOfAction(a);
    if (rts === undefined || rts.length === 0) continue;
    withTypes.push(a);
    typeLists.push(rts);
  }
  // a wildcard counts only when most of what it matches can be scoped: "ec2:Describe*" is a family of
  // "*"-only listings with a few scopable stragglers, and "*" is the right resource for it
  if (hasWildcard(facts.pattern) && withTypes.length * 2 <= expanded.length) return undefined;
  if (withTypes.length === 0) return undefined;
  // keyed by the type object: one per (service, type name), as "prefix:name" strings were
  const types = new Map<ResourceTypeInfo, { rt: ResourceTypeInfo; rank: number }>();
  for (let k = 0; k < withTypes.length; k++) {
    const a = withTypes[k]!;
    const rts = typeLists[k]!;
    for (let i = 0; i < rts.length; i++) {
      const rt = rts[i]!;
      const rank = relevance(a, a.resources[i]!.required, rt.name);
      const had = types.get(rt);
      if (!had || rank < had.rank) types.set(rt, { rt, rank });
    }
  }
  // the expansion itself when every action qualifies (a pattern naming one action, most of them): kept per pattern
  return { actions: withTypes.length === expanded.length ? expanded : withTypes, types: [...types.values()] };
}

/**
 * The actions of one pattern RESOURCE_STAR counts as scopable (not List-level, with resource types; a wildcard only
 * when most of what it matches is), [] when none: RESOURCE_EFFECTIVELY_STAR asks the same of its statements.
 */
export function scopableActionsOf(facts: PatternFacts): readonly ActionInfo[] {
  return derivePatternFact(facts, SCOPABLE, scopableOf)?.actions ?? NO_ACTIONS;
}

export const resourceStar: Rule = {
  code: 'RESOURCE_STAR',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'An Allow statement grants actions that could be scoped to specific resources on "Resource": "*".',
  catalogue: ['S02'],
  docs: `Most actions can be limited to particular resources by ARN. With \`"Resource": "*"\` they apply to every
such resource in the account, present and future. The finding names the resource types and ARN forms the
actions accept. Actions that only support "*" (s3:ListAllMyBuckets) and List-level actions (s3:ListBucket,
ec2:Describe… listings; the data-exposure rules cover those) are not reported, nor a wildcard whose
matches mostly support only "*" (ec2:Describe*), nor statements with a Condition (which may scope them by
tag or other keys). Only identity policies are checked: in a resource policy (KMS key policy, a secret's
policy) "*" means the resource the policy is attached to, and permissions boundaries, SCPs and RCPs only
cap permissions (they use "*" on purpose). The bare \`"Action": "*"\` (reported by the administrator-access rules).

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders" }
\`\`\``,
  checkPolicy(ctx) {
    // identity policies only: in a resource policy "*" means the resource the policy is attached to (a KMS key
    // policy, a secret's policy: KMS Developer Guide key-policy-default), and a permissions boundary, an SCP or an
    // RCP grants nothing, it only caps (guardrails use "*" on purpose)
    if (ctx.policy.policyType !== 'identity') return;
    for (const statement of ctx.policy.statements) {
      if (statement.effect?.value !== 'Allow' || statement.condition) continue;
      const actionEl = statement.action;
      const resourceEl = statement.resource;
      if (!actionEl || actionEl.negated || !resourceEl || resourceEl.negated) continue;
      // a "*" assembled from a template placeholder is not a literal "*" the author wrote
      const star = resourceEl.items.find((r) => r.value === '*' && !isTemplated(r.node));
      if (!star) continue;
      const scopable = new Set<ActionInfo>();
      const types = new Map<ResourceTypeInfo, { rt: ResourceTypeInfo; rank: number; order: number }>();
      const facts = elementPatternFacts(ctx.catalog, actionEl);
      actionEl.items.forEach((item, k) => {
        if (item.value === '*' || isTemplated(item.node)) return;
        const scoped = derivePatternFact(facts[k]!, SCOPABLE, scopableOf);
        if (!scoped) return;
        for (const a of scoped.actions) scopable.add(a);
        // the item's types were folded the same way (first appearance, lowest rank): folding the folds is the same
        for (const t of scoped.types) {
          const had = types.get(t.rt);
          if (!had || t.rank < had.rank) types.set(t.rt, { rt: t.rt, rank: t.rank, order: had?.order ?? types.size });
        }
      });
      if (scopable.size === 0) continue;
      const scopableList = [...scopable];
      // the types people scope to first: required by an action, then named in its description
      // (ec2:RunInstances: instance, subnet, image… before capacity-reservation or elastic-gpu)
      const typeList = [...types.values()].sort((a, b) => a.rank - b.rank || a.order - b.order).map((t) => t.rt);
      const shownTypes = typeList.slice(0, 3).map((t) => `${t.name} ("${arnExample(t.arn)}")`).join(', ');
      const more = typeList.length > 3 ? ` and ${typeList.length - 3} more` : '';
      const who = scopableList.length === 1 ? `"${scopableList[0]!.fullName}"` : `${scopableList.length} actions such as "${scopableList[0]!.fullName}"`;
      ctx.report(
        star,
        `"Resource": "*" lets ${who} act on every resource; scope the statement to the ARNs it needs: ${shownTypes}${more}.`,
        {
          data: {
            actions: scopableList.slice(0, 50).map((a) => a.fullName),
            resourceTypes: typeList.slice(0, 50).map((t) => ({ service: t.service.prefix, name: t.name, arn: t.arn })),
          },
        },
      );
    }
  },
};
