/** UNSUPPORTED_WILDCARD_IN_PRINCIPAL: "*" or "?" inside a principal value; IAM never expands them there (PR03). */

import type { Rule } from '../rule';
import { hasPartialWildcard, splitArn } from '../../knowledge/principals';
import { principalValues } from './principalValues';

export const unsupportedWildcardInPrincipal: Rule = {
  code: 'UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'A principal value contains a partial wildcard, which matches nothing.',
  catalogue: ['PR03'],
  accessAnalyzer: ['UNSUPPORTED_WILDCARD_IN_PRINCIPAL'],
  docs: `The only wildcard a principal accepts is the whole value \`"*"\`. \`arn:aws:iam::111122223333:role/app-*\` is
rejected or, in trust policies, silently matches no one. Name the account and narrow it with a condition on
\`aws:PrincipalArn\`, which does accept wildcards.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/app-*" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole",
  "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app-*" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of principalValues(ctx.policy)) {
      const value = p.value.value;
      if (!hasPartialWildcard(value)) continue;
      const arn = p.type === 'AWS' ? splitArn(value) : undefined;
      const account = arn && /^\d{12}$/.test(arn.account) ? arn.account : undefined;
      if (account && arn) {
        const root = `arn:${arn.partition}:iam::${account}:root`;
        ctx.report(p.value, `Principal "${value}" has a wildcard, which principals do not support: use "${root}" with an ArnLike condition on aws:PrincipalArn.`, {
          data: { value, principal: root, conditionOperator: 'ArnLike', conditionKey: 'aws:PrincipalArn', conditionValue: value },
        });
      } else {
        ctx.report(p.value, `Principal "${value}" has a wildcard, which principals do not support: list the exact principals, or use "*" with a condition.`, {
          data: { value },
        });
      }
    }
  },
};
