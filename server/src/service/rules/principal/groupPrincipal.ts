/** UNSUPPORTED_GROUP_PRINCIPAL: an IAM group ARN used as a principal; groups cannot be principals (PR08). */

import type { Rule } from '../rule';
import { classifyAwsPrincipal } from '../../knowledge/principals';
import { isOwnedElsewhere, principalValues } from './principalValues';

export const groupPrincipal: Rule = {
  code: 'UNSUPPORTED_GROUP_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'An IAM user group ARN is used as a principal.',
  catalogue: ['PR08'],
  docs: `A user group is not an identity that can be authenticated, so it cannot be a principal in a resource or
trust policy. Name the users or roles, or grant the group access through an identity policy attached to it.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:group/admins" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of principalValues(ctx.policy)) {
      if (p.type !== 'AWS' || isOwnedElsewhere(p.value.value)) continue;
      if (classifyAwsPrincipal(p.value.value).kind !== 'group') continue;
      ctx.report(p.value, `Principal "${p.value.value}" is an IAM group, which cannot be a principal: name users or roles, or attach an identity policy to the group.`, {
        data: { value: p.value.value },
      });
    }
  },
};
