/** MISSING_SECURE_TRANSPORT_DENY: a bucket policy has no Deny on aws:SecureTransport "false", so plain HTTP is allowed (S27). */

import type { Rule } from '../rule';
import { isBucketPolicy } from './bucketPolicy';
import { isAllow, isDeny, usesConditionKey } from './statementFacts';

const TRANSPORT_KEYS: readonly string[] = ['aws:SecureTransport', 's3:TlsVersion'];

export const missingSecureTransportDeny: Rule = {
  code: 'MISSING_SECURE_TRANSPORT_DENY',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'The bucket policy does not deny requests made without TLS (aws:SecureTransport).',
  catalogue: ['S27'],
  docs: `S3 accepts plain HTTP requests unless the bucket policy denies them. Add a statement that denies
\`s3:*\` when \`aws:SecureTransport\` is \`false\` (a Deny on \`s3:TlsVersion\` also counts).

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/app" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/app" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" },
  { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"],
    "Condition": { "Bool": { "aws:SecureTransport": "false" } } } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (!isBucketPolicy(ctx.policy)) return;
    if (ctx.policy.statements.some((s) => isDeny(s) && usesConditionKey(s, TRANSPORT_KEYS))) return;
    // reported once, on the first Allow's Effect: that grant is usable over plain HTTP (a policy without
    // Allow grants nothing to protect)
    const firstAllow = ctx.policy.statements.find(isAllow);
    const at = firstAllow?.effect;
    if (!firstAllow || !at) return;
    const bucket = ctx.policy.statements
      .flatMap((s) => s.resource?.items ?? [])
      .map((r) => /^arn:[^:]+:s3:::([^/*?]+)/.exec(r.value)?.[1])
      .find((b): b is string => b !== undefined);
    ctx.report(at, `This Allow also works over plain HTTP because the bucket policy does not deny requests without TLS: add a Deny of "s3:*" when "aws:SecureTransport" is "false".`, {
      data: { bucket, statementsOffset: ctx.policy.statementElement?.value?.offset },
    });
  },
};
