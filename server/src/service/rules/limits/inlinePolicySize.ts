/** INLINE_POLICY_SIZE: an identity policy that alone exceeds an entity's inline-policy total (user 2,048 / group 5,120 / role 10,240). */

import type { Rule } from '../rule';
import { formatCount, policyCharacters, policyNonWhitespace, sizeAnchor } from './policySize';

/** Aggregate size of all inline policies of one entity, whitespace excluded. */
const INLINE_LIMITS: ReadonlyArray<readonly [string, number]> = [
  ['user', 2048],
  ['group', 5120],
  ['role', 10240],
];

export const inlinePolicySize: Rule = {
  code: 'INLINE_POLICY_SIZE',
  defaultSeverity: 'info',
  category: 'limits',
  summary: 'As an inline policy, this policy alone exceeds the per-user, per-group or per-role total.',
  catalogue: ['L02'],
  docs: `All inline policies of one IAM entity share one size budget, whitespace excluded: 2,048 characters
for a user, 5,120 for a group, 10,240 for a role. This policy is measured alone, so it is a lower bound: the
entity's other inline policies count too. Use a managed policy (6,144 each) if you hit the limit.

Bad: a 3,000-character policy attached inline to a user. Good: the same policy as a managed policy.
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'identity') return;
    // the smallest total is a user's; a policy no longer than that, whitespace included, cannot exceed it
    if (policyCharacters(ctx.policy, ctx.text) <= INLINE_LIMITS[0]![1]) return;
    const nonWhitespace = policyNonWhitespace(ctx);
    const exceeded = INLINE_LIMITS.filter(([, limit]) => nonWhitespace > limit);
    if (exceeded.length === 0) return;
    const parts = exceeded.map(([who, limit]) => `a ${who} (${formatCount(limit)})`);
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    ctx.report(
      sizeAnchor(ctx.policy),
      `This policy has ${formatCount(nonWhitespace)} characters without whitespace: as an inline policy it alone exceeds the inline total of ${list}; use a managed policy instead.`,
      { data: { size: nonWhitespace, exceeded: exceeded.map(([who, limit]) => ({ entity: who, limit })) } },
    );
  },
};
