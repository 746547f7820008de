/** BUCKET_POLICY_LOCKOUT: a bucket policy denies everyone s3:PutBucketPolicy (via "*", "s3:*", …) without a condition (S25). */

import type { Rule } from '../rule';
import type { Statement } from '../../parser/policyModel';
import { isBucketPolicy } from './bucketPolicy';
import { anyPrincipalValues } from './publicResourcePolicy';
import { grantingItem, hasCondition, isDeny } from './statementFacts';

/** A Resource entry that can name the bucket itself (not only its objects). */
function coversBucket(s: Statement): boolean {
  if (!s.resource) return false;
  if (s.resource.negated) return true;
  return s.resource.items.some((r) => {
    if (r.value === '*') return true;
    const m = /^arn:[^:]+:s3:::(.*)$/.exec(r.value);
    return m !== null && (!m[1]!.includes('/') || m[1]!.endsWith('*') && !m[1]!.slice(0, -1).includes('/'));
  });
}

export const bucketPolicyLockout: Rule = {
  code: 'BUCKET_POLICY_LOCKOUT',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A bucket policy denies everyone s3:PutBucketPolicy without a condition, locking out all but the root user.',
  catalogue: ['S25'],
  docs: `A Deny for \`"Principal": "*"\` that covers \`s3:PutBucketPolicy\` (directly, via \`s3:*\` or \`*\`) with no
Condition stops every IAM user and role, administrators included, from changing the policy again. Only the
account's root user can then delete it. Exempt your administrators with a condition (e.g. on
\`aws:PrincipalArn\`).

Bad:
\`\`\`json
{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"] }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"],
  "Condition": { "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/storage-admin" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (!isBucketPolicy(ctx.policy)) return;
    for (const s of ctx.policy.statements) {
      if (!isDeny(s) || hasCondition(s) || anyPrincipalValues(s).length === 0 || !coversBucket(s)) continue;
      const at = grantingItem(ctx.catalog, s, 's3:PutBucketPolicy');
      if (!at) continue;
      ctx.report(at, `This Deny for every principal covers s3:PutBucketPolicy without a condition, so no one but the root user can change the policy again: exempt an administrator role with a condition.`, {
        data: { statementIndex: s.index },
      });
    }
  },
};
