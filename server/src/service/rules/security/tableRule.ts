// Builds the "risky actions on every resource" rules (permissions management, credentials, exfiltration,
// writes) from a predicate over expanded actions, so each rule file only states its table and wording.

import type { ActionInfo, IamCatalog } from '../../knowledge/catalog';
import type { Rule, RuleMeta } from '../rule';
import { matchingItems } from './actionItems';
import { grantsToHolder, hasCondition, isAllow, listForMessage, resourceUnconstrained } from './statementFacts';
import { unconditionalDenies } from '../../evaluation/reachability';

export interface TableRuleSpec extends Omit<RuleMeta, 'category'> {
  /** which expanded actions count */
  pick(catalog: IamCatalog): (a: ActionInfo) => boolean;
  /** message for one Action item: `written` is the item as written, `list` the matched actions */
  message(written: string, list: string): string;
}

export function tableRule(spec: TableRuleSpec): Rule {
  const { pick, message, ...meta } = spec;
  return {
    ...meta,
    category: 'security',
    checkPolicy(ctx) {
      if (!grantsToHolder(ctx.policy.policyType)) return;
      const picker = pick(ctx.catalog);
      // actions an unconditional Deny of the same policy blocks everywhere are never granted (the engine decides)
      const denies = unconditionalDenies(ctx.policy);
      for (const s of ctx.policy.statements) {
        if (!isAllow(s) || hasCondition(s) || !resourceUnconstrained(s)) continue;
        for (const m of matchingItems(ctx.catalog, s, picker)) {
          const names = (denies ? m.actions.filter((a) => !denies.blocking(a.fullName)) : m.actions).map((a) => a.fullName);
          if (names.length === 0) continue;
          ctx.report(m.item, message(m.item.value, listForMessage(names)), { data: { actions: names, statementIndex: s.index } });
        }
      }
    },
  };
}
