/** STAR_ACTION: an Allow statement with Action "*" on specific resources (with Resource "*" it is FULL_ADMIN) (S01). */

import type { Rule } from '../rule';
import { isStarAction } from './actionItems';
import { delegatesToAccounts, grantsAccess, isAllow, resourceUnconstrained } from './statementFacts';

export const starAction: Rule = {
  code: 'STAR_ACTION',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow statement grants every action ("*").',
  catalogue: ['S01'],
  docs: `\`"Action": "*"\` grants every action of every AWS service, including ones added later, on the listed
resources. List the actions the workload needs. (SCPs, RCPs and permission boundaries are not checked: there
\`"*"\` limits nothing.)

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsAccess(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.action || s.action.negated || resourceUnconstrained(s) || delegatesToAccounts(s)) continue;
      for (const item of s.action.items) {
        if (!isStarAction(item.value)) continue;
        ctx.report(item, `Action "${item.value}" allows every action of every service: list only the actions that are needed.`, {
          data: { statementIndex: s.index },
        });
      }
    }
  },
};
