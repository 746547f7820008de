/** ALLOW_NOT_ACTION: Allow with NotAction grants every action not listed, in every service, now and later (S05). */

import type { Rule } from '../rule';
import { grantsAccess, isAllow, resourceUnconstrained } from './statementFacts';

export const allowNotAction: Rule = {
  code: 'ALLOW_NOT_ACTION',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow statement uses NotAction, granting every action it does not list.',
  catalogue: ['S05'],
  docs: `\`"Effect": "Allow"\` with \`NotAction\` grants every action of every service except the listed ones,
including actions AWS adds later. It is worst with \`"Resource": "*"\`. List the allowed actions instead, or use
NotAction only in a Deny. (SCPs and permission boundaries are not checked.)

Bad:
\`\`\`json
{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"] }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsAccess(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.action?.negated) continue;
      const everywhere = resourceUnconstrained(s);
      ctx.report(
        s.action,
        everywhere
          ? `"NotAction" in an Allow grants every unlisted action of every service on all resources: list the allowed actions in "Action" instead.`
          : `"NotAction" in an Allow grants every unlisted action of every service: list the allowed actions in "Action" instead.`,
        { data: { statementIndex: s.index, resourceUnconstrained: everywhere } },
      );
    }
  },
};
