/** PASS_ROLE_WITH_STAR_IN_RESOURCE: iam:PassRole reachable on every role (Resource "*" / NotResource, any action shape) (S08). */

import type { Rule } from '../rule';
import { broadReach, VARIANTS } from './broadActionReach';
import { grantsToHolder, isAllow, usesConditionKey } from './statementFacts';
import { globMatch } from '../../knowledge/glob';
import type { PolicyContext } from '../rule';
import type { Statement } from '../../parser/policyModel';

/** "arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:role*": every role of an account (any path). */
const EVERY_ROLE = /^arn:[a-z-*]+:iam::[0-9*]*:role\/?\*+$/;

/** An explicit Allow of iam:PassRole (also iam:Pass*, iam:*) on a role ARN that names every role. */
function reportRoleWildcard(ctx: PolicyContext, s: Statement): void {
  if (!isAllow(s) || !s.action || s.action.negated || !s.resource || s.resource.negated) return;
  const passes = s.action.items.some((a) => a.value !== '*' && globMatch(a.value, 'iam:PassRole', true));
  if (!passes) return;
  for (const r of s.resource.items) {
    if (!EVERY_ROLE.test(r.value)) continue;
    ctx.report(r, `"${r.value}" lets iam:PassRole pass every role of the account, administrator roles included: name the roles it needs and add a StringEquals condition on "iam:PassedToService".`, {
      data: { statementIndex: s.index, statementOffset: s.node.offset, hasCondition: s.condition !== undefined, conditionOperator: 'StringEquals', conditionKey: 'iam:PassedToService', roleWildcard: true },
    });
  }
}

const PASS_ROLE_GUARD_KEYS: readonly string[] = ['iam:PassedToService', 'iam:AssociatedResourceArn'];

export const passRoleWithStarInResource: Rule = {
  code: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'iam:PassRole is allowed on every role; restrict the role ARNs or add iam:PassedToService.',
  catalogue: ['S08'],
  accessAnalyzer: VARIANTS.map((v) => `PASS_ROLE_WITH_${v}`),
  docs: `Whoever can pass any role to a service can run code with that role's permissions, including an
administrator role. Name the roles in \`Resource\`, and limit which service may receive them with the
\`iam:PassedToService\` condition key. Reported for \`"iam:PassRole"\`, \`"iam:*"\`, \`"*"\` and \`NotAction\` forms
with \`"Resource": "*"\` or \`NotResource\` (Access Analyzer's six PASS_ROLE_WITH_… variants, named in the data),
and on a role ARN that names every role of an account (\`"arn:aws:iam::111122223333:role/*"\`), which Access
Analyzer does not report but grants the same.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-*",
  "Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsToHolder(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      // already scoped by the keys Access Analyzer recommends
      if (usesConditionKey(s, PASS_ROLE_GUARD_KEYS)) continue;
      const reach = broadReach(ctx.catalog, s, 'iam:PassRole');
      if (!reach) {
        reportRoleWildcard(ctx, s);
        continue;
      }
      ctx.report(
        reach.at,
        reach.written.toLowerCase() === 'iam:passrole'
          ? `"${reach.written}" passes every role: name the roles in Resource and add a StringEquals condition on "iam:PassedToService".`
          : `"${reach.written}" allows iam:PassRole on every role: name the roles in Resource and add a StringEquals condition on "iam:PassedToService".`,
        {
          data: {
            accessAnalyzerCode: `PASS_ROLE_WITH_${reach.variant}`,
            statementIndex: s.index,
            statementOffset: s.node.offset,
            hasCondition: s.condition !== undefined,
            conditionOperator: 'StringEquals',
            conditionKey: 'iam:PassedToService',
          },
        },
      );
    }
  },
};
