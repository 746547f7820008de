/** RESOURCE_EFFECTIVELY_STAR (R10): an Allow with an ARN that matches every resource of every service. */

import type { Rule } from '../rule';
import { splitArnFields } from '../../knowledge/arnMatch';
import { isTemplated } from '../../parser/containers/templateValue';

/** True for "arn:*", "arn:aws:*", "arn:*:*:*:*:*" and the like: any service, any resource. */
export function isEffectivelyStar(value: string): boolean {
  const f = splitArnFields(value);
  if (f[0] !== 'arn') return false;
  // service, Region, account and resource all only `*` (a short ARN's trailing star spans the rest);
  // the partition may be named: that is still every resource the principal can reach
  const rest = f.slice(2);
  if (rest.length === 0) return /^\*+$/.test(f[1] ?? '');
  return rest.every((x) => /^\*+$/.test(x));
}

export const resourceEffectivelyStar: Rule = {
  code: 'RESOURCE_EFFECTIVELY_STAR',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'An Allow names an ARN pattern that matches every resource, the same as "*".',
  catalogue: ['R10'],
  docs: `"arn:aws:*:*:*:*" and "arn:*" match every resource of every service: the statement is as broad as
\`"Resource": "*"\`, only harder to spot. Name the resources, or write "*" openly if that is intended.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:*:*:*:*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      if (statement.effect?.value !== 'Allow' || !statement.resource || statement.resource.negated) continue;
      for (const item of statement.resource.items) {
        if (isTemplated(item.node) || !isEffectivelyStar(item.value)) continue;
        ctx.report(item, `"${item.value}" matches every resource of every service, the same as "*"; name the resources the statement needs.`);
      }
    }
  },
};
