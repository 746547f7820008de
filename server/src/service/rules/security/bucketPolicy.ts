// Recognises an S3 bucket policy: a resource policy whose every action is an s3 action and that names at least
// one S3 ARN. "*" actions leave it undecided (not a bucket policy), so the S3-only rules stay quiet.

import type { PolicyDocument } from '../../parser/policyModel';

export function isBucketPolicy(policy: PolicyDocument): boolean {
  if (policy.policyType !== 'resource') return false;
  let actions = 0;
  let s3Arn = false;
  for (const s of policy.statements) {
    for (const a of s.action?.items ?? []) {
      if (!a.value.toLowerCase().startsWith('s3:')) return false;
      actions++;
    }
    if ((s.resource?.items ?? []).some((r) => /^arn:[^:]+:s3:::/.test(r.value))) s3Arn = true;
  }
  return actions > 0 && s3Arn;
}
