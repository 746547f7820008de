/** ALLOW_WITH_NOT_PRINCIPAL: Allow with NotPrincipal grants access to everyone not listed, anonymous users included (S07). */

import type { Rule } from '../rule';
import { isAllow } from './statementFacts';

export const allowWithNotPrincipal: Rule = {
  code: 'ALLOW_WITH_NOT_PRINCIPAL',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow statement uses NotPrincipal, granting access to every principal it does not list.',
  catalogue: ['S07'],
  accessAnalyzer: ['ALLOW_WITH_NOT_PRINCIPAL'],
  docs: `\`"Effect": "Allow"\` with \`NotPrincipal\` grants access to every principal except the listed ones, which
includes anonymous users and every other AWS account. Name the allowed principals in \`Principal\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:user/bob" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:user/alice" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.principal?.negated) continue;
      ctx.report(s.principal, `"NotPrincipal" in an Allow grants access to everyone not listed, anonymous users included: list the allowed principals in "Principal" instead.`, {
        data: { statementIndex: s.index },
      });
    }
  },
};
