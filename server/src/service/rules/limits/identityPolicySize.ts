/** POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: a managed policy (identity or boundary) over 6,144 non-whitespace characters. */

import type { Rule } from '../rule';
import { formatCount, policyCharacters, policyNonWhitespace, sizeAnchor } from './policySize';

export const MANAGED_POLICY_LIMIT = 6144;

export const identityPolicySize: Rule = {
  code: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
  defaultSeverity: 'warning',
  category: 'limits',
  summary: 'A managed policy is longer than 6,144 characters (whitespace excluded).',
  catalogue: ['L01'],
  accessAnalyzer: ['POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'],
  docs: `IAM managed policies (and so permission boundaries) may hold at most 6,144 characters, not counting
whitespace. Split a larger policy into several, or shorten it with wildcards where that stays least-privilege.
(Inline role policies may total 10,240 characters, so a larger policy can still work inline on a role.)

Bad: a 7,000-character identity policy. Good: two policies of 3,500 characters each.
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const type = ctx.policy.policyType;
    if (type !== 'identity' && type !== 'boundary') return;
    if (policyCharacters(ctx.policy, ctx.text) <= MANAGED_POLICY_LIMIT) return;
    const nonWhitespace = policyNonWhitespace(ctx);
    if (nonWhitespace <= MANAGED_POLICY_LIMIT) return;
    ctx.report(
      sizeAnchor(ctx.policy),
      `This policy has ${formatCount(nonWhitespace)} characters without whitespace, over the ${formatCount(MANAGED_POLICY_LIMIT)} allowed in a managed policy: split it into several policies.`,
      { data: { size: nonWhitespace, limit: MANAGED_POLICY_LIMIT } },
    );
  },
};
