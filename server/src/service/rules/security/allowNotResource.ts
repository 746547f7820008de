/** ALLOW_NOT_RESOURCE: Allow with NotResource grants the actions on every resource not listed, in every account (S06). */

import type { Rule } from '../rule';
import { grantsAccess, isAllow } from './statementFacts';

export const allowNotResource: Rule = {
  code: 'ALLOW_NOT_RESOURCE',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow statement uses NotResource, granting access to every resource it does not list.',
  catalogue: ['S06'],
  docs: `\`"Effect": "Allow"\` with \`NotResource\` applies to every resource except the listed ones, including
resources created later and resources in other accounts. List the allowed resources in \`Resource\`, or use
NotResource only in a Deny.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::audit-logs/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::app-data/*" }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsAccess(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.resource?.negated) continue;
      ctx.report(s.resource, `"NotResource" in an Allow grants the actions on every unlisted resource, in any account: list the allowed resources in "Resource" instead.`, {
        data: { statementIndex: s.index },
      });
    }
  },
};
