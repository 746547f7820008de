/** FULL_ADMIN: an Allow statement with Action "*" and Resource "*" (or NotResource): full administrator access (S03). */

import type { Rule } from '../rule';
import { isStarAction } from './actionItems';
import { delegatesToAccounts, grantsAccess, hasCondition, isAllow, resourceUnconstrained } from './statementFacts';

export const fullAdmin: Rule = {
  code: 'FULL_ADMIN',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow statement grants every action on every resource (administrator access).',
  catalogue: ['S03'],
  docs: `\`"Action": "*"\` with \`"Resource": "*"\` is administrator access: every action, on every resource, in every
service. Reserve it for break-glass roles and grant everyone else the actions they need. SCPs, RCPs and
permission boundaries are not checked (\`FullAWSAccess\` is the normal default there).

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "*", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["ec2:Describe*", "s3:ListAllMyBuckets"], "Resource": "*" }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsAccess(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.action || s.action.negated || !resourceUnconstrained(s) || delegatesToAccounts(s)) continue;
      for (const item of s.action.items) {
        if (!isStarAction(item.value)) continue;
        const conditioned = hasCondition(s);
        ctx.report(
          item,
          conditioned
            ? `Action "${item.value}" on every resource grants administrator access whenever the condition holds: list only the actions that are needed.`
            : `Action "${item.value}" on every resource grants full administrator access: list only the actions and resources that are needed.`,
          { data: { statementIndex: s.index, conditioned } },
        );
      }
    }
  },
};
