// Builds the "risky actions on every resource" rules (permissions management, credentials, exfiltration,
// writes) from a predicate over expanded actions, so each rule file only states its table and wording.

import type { ActionInfo, IamCatalog } from '../../knowledge/catalog';
import type { Rule, RuleMeta } from '../rule';
import { matchingItems } from './actionItems';
import { grantsToHolder, hasCondition, isAllow, listForMessage, resourceUnconstrained } from './statementFacts';
import { unconditionalDenies } from '../../evaluation/reachability';
import { DerivedKey } from '../../parser/derived';

export interface TableRuleSpec extends Omit<RuleMeta, 'category'> {
  /** which expanded actions count */
  pick(catalog: IamCatalog): (a: ActionInfo) => boolean;
  /**
   * message for one Action item: `written` is the item as written, `list` the matched actions, or "" when the item
   * is exactly the one action it matches (no `"iam:PassRole" allows write actions (iam:PassRole)`)
   */
  message(written: string, list: string): string;
}

export function tableRule(spec: TableRuleSpec): Rule {
  const { pick, message, ...meta } = spec;
  // the picked actions of each pattern, kept per pattern string (pick depends on the catalog and the action only)
  const picks = new DerivedKey<readonly ActionInfo[]>(`tableRule:${spec.code}`);
  return {
    ...meta,
    category: 'security',
    checkPolicy(ctx) {
      if (!grantsToHolder(ctx.policy.policyType)) return;
      const picked = pick(ctx.catalog);
      // an action that accepts no resource type (ecr:GetAuthorizationToken, sts:GetSessionToken) only works on
      // "*": "name the resources" cannot be followed, so it is not reported as unconstrained
      const picker = (a: ActionInfo): boolean => a.resources.length > 0 && picked(a);
      // actions an unconditional Deny of the same policy blocks everywhere are never granted (the engine decides)
      const denies = unconditionalDenies(ctx.policy);
      for (const s of ctx.policy.statements) {
        if (!isAllow(s) || hasCondition(s) || !resourceUnconstrained(s)) continue;
        for (const m of matchingItems(ctx.catalog, s, picks, picker)) {
          const names = (denies ? m.actions.filter((a) => !denies.blocking(a.fullName)) : m.actions).map((a) => a.fullName);
          if (names.length === 0) continue;
          const itself = names.length === 1 && names[0]!.toLowerCase() === m.item.value.toLowerCase();
          ctx.report(m.item, message(m.item.value, itself ? '' : listForMessage(names)), { data: { actions: names, statementIndex: s.index } });
        }
      }
    },
  };
}
