/** POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: a role trust policy over the default 2,048 characters (whitespace excluded). */

import type { Rule } from '../rule';
import { formatCount, policyCharacters, policyNonWhitespace, sizeAnchor } from './policySize';

export const TRUST_POLICY_DEFAULT_LIMIT = 2048;

export const trustPolicySize: Rule = {
  code: 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA',
  defaultSeverity: 'warning',
  category: 'limits',
  summary: 'A role trust policy is longer than the default 2,048-character quota.',
  catalogue: ['L03'],
  accessAnalyzer: ['POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'],
  docs: `By default a role trust policy may hold 2,048 characters, whitespace excluded. The quota can be
raised through Service Quotas, so this is a warning: check your account's quota, or trust fewer principals
(e.g. an account instead of many roles, with a condition).

Bad: a 2,500-character trust policy listing dozens of roles, on an account with the default quota.
Good: trust the account once and narrow it with a condition:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole", "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/deploy-*" } } } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    if (policyCharacters(ctx.policy, ctx.text) <= TRUST_POLICY_DEFAULT_LIMIT) return;
    const nonWhitespace = policyNonWhitespace(ctx);
    if (nonWhitespace <= TRUST_POLICY_DEFAULT_LIMIT) return;
    ctx.report(
      sizeAnchor(ctx.policy),
      `This trust policy has ${formatCount(nonWhitespace)} characters without whitespace, over the default quota of ${formatCount(TRUST_POLICY_DEFAULT_LIMIT)}: shorten it or have the quota raised.`,
      { data: { size: nonWhitespace, limit: TRUST_POLICY_DEFAULT_LIMIT } },
    );
  },
};
