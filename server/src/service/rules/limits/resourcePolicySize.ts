/** POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: a bucket/queue/topic/key policy over its service's size or statement quota. */

import type { Rule } from '../rule';
import { attachedResource, ATTACHED_RESOURCE_NAMES, type AttachedResource } from '../policyType/attachedResource';
import { formatCount, policyBytes, sizeAnchor } from './policySize';

/** Per-service quotas (bytes of the policy document; SQS also caps statements), from the services' quota pages. */
const QUOTAS: Readonly<Record<AttachedResource, { readonly bytes: number; readonly statements?: number }>> = {
  's3-bucket': { bytes: 20 * 1024 },
  'sqs-queue': { bytes: 8192, statements: 20 },
  'sns-topic': { bytes: 30 * 1024 },
  'kms-key': { bytes: 32 * 1024 },
};

export const resourcePolicySize: Rule = {
  code: 'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA',
  defaultSeverity: 'warning',
  category: 'limits',
  summary: "A resource-based policy is larger than its service's quota.",
  catalogue: ['L05'],
  accessAnalyzer: ['POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA'],
  docs: `Each service limits its resource policies: S3 bucket policies 20 KB, SQS queue policies 8,192 bytes
and 20 statements, SNS topic policies 30 KB, KMS key policies 32 KB. The resource is known from the file
name (\`*bucket-policy*.json\`, \`*queue-policy*\`, \`*topic-policy*\`, \`*key-policy*\`) or, for S3, from
the ARNs; other resource policies are not measured.

Bad: an SQS queue policy with 25 statements. Good: statements merged (same principal, several actions).
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:my-queue" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const attached = attachedResource(ctx.policy, ctx.document.uri);
    if (!attached) return;
    const quota = QUOTAS[attached.kind];
    const name = ATTACHED_RESOURCE_NAMES[attached.kind];
    const bytes = policyBytes(ctx.policy, ctx.text);
    if (bytes > quota.bytes) {
      ctx.report(sizeAnchor(ctx.policy), `This policy is ${formatCount(bytes)} bytes, over the ${formatCount(quota.bytes)} allowed for ${name}: shorten or merge statements.`, {
        data: { size: bytes, limit: quota.bytes, unit: 'bytes' },
      });
    }
    const count = ctx.policy.statements.length;
    if (quota.statements !== undefined && count > quota.statements) {
      const extra = ctx.policy.statements[quota.statements]!;
      ctx.report(
        { offset: extra.node.offset, length: 1 },
        `This is statement ${quota.statements + 1} of ${count}: ${name} may have at most ${quota.statements} statements; merge statements that share a principal.`,
        { data: { size: count, limit: quota.statements, unit: 'statements' } },
      );
    }
  },
};
