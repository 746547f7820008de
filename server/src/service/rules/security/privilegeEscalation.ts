/**
 * PRIVILEGE_ESCALATION: the policy's Allow statements together grant every action of a known escalation method
 * (knowledge/riskTables.ts) on unconstrained resources and without conditions (S10).
 */

import type { Rule } from '../rule';
import { PRIVILEGE_ESCALATION_COMBOS, type EscalationCombo } from '../../knowledge/riskTables';
import { spanOfReportable, type Reportable } from '../rule';
import { grantsToHolder, listForMessage, unconstrainedGrants } from './statementFacts';
import { unconditionalDenies } from '../../evaluation/reachability';

export const privilegeEscalation: Rule = {
  code: 'PRIVILEGE_ESCALATION',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'The allowed actions, on any resource and without conditions, form a known privilege-escalation path.',
  catalogue: ['S10'],
  docs: `Some actions let their holder gain more permissions than the policy grants: creating an access key for
another user, attaching a policy to itself, or passing an administrator role to a new Lambda function. The
combinations come from Rhino Security Labs' research and pathfinding.cloud (as listed by cloudsplaining); the
check looks at all Allow statements of the policy together, after wildcard expansion, and counts only actions
allowed on \`"*"\` (or through NotResource) without a Condition, and not blocked everywhere by an unconditional
Deny of the same policy. The finding names the method(s) and actions.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" },
  { "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/web-server",
    "Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } } },
  { "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsToHolder(ctx.policy.policyType)) return;
    const grants = unconstrainedGrants(ctx.catalog, ctx.policy);
    if (grants.size === 0) return;
    const found = new Map<string, Reportable | undefined>();
    // an action an unconditional Deny of the same policy blocks on every resource is not granted (the engine decides)
    const denies = unconditionalDenies(ctx.policy);
    const grantAt = (action: string): Reportable | undefined => {
      if (!found.has(action)) found.set(action, denies?.blocking(action) ? undefined : grants.find(action)?.at);
      return found.get(action);
    };
    const met = PRIVILEGE_ESCALATION_COMBOS.filter((c) => c.actions.every((a) => grantAt(a) !== undefined));
    // a method whose actions include a smaller met method's adds nothing: report the smallest paths only
    const minimal = met.filter((c) => !met.some((o) => o !== c && o.actions.length < c.actions.length && o.actions.every((a) => c.actions.includes(a))));
    const byAnchor = new Map<string, { at: Reportable; combos: EscalationCombo[] }>();
    for (const combo of minimal) {
      const at = grantAt(combo.actions[0]!)!;
      const span = spanOfReportable(at);
      const key = `${span.offset}:${span.length}`;
      const group = byAnchor.get(key) ?? { at, combos: [] };
      group.combos.push(combo);
      byAnchor.set(key, group);
    }
    for (const { at, combos } of byAnchor.values()) {
      const described = combos.map((c) => `"${c.name}" (${c.actions.join(' + ')})`);
      ctx.report(at, `Allows privilege escalation on any resource without conditions via ${listForMessage(described, 2)}: restrict Resource to named resources or add conditions.`, {
        data: { combos: combos.map((c) => ({ name: c.name, actions: c.actions, source: c.source })) },
      });
    }
  },
};
