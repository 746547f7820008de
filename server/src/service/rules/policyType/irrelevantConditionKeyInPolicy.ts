/** IRRELEVANT_CONDITION_KEY_IN_POLICY: a condition key that is constant in this resource policy (e.g. s3:ResourceAccount in a bucket policy). */

import type { Rule } from '../rule';
import { attachedResource, ATTACHED_RESOURCE_NAMES, type AttachedResource } from './attachedResource';

/**
 * Keys that describe the resource's own owner: in the resource's own policy they always hold the same value.
 * A small table of our own (AA's full table is not public); lowercased.
 */
const OWNER_KEYS = ['aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths'];
const IRRELEVANT: Readonly<Record<AttachedResource, readonly string[]>> = {
  's3-bucket': ['s3:resourceaccount', ...OWNER_KEYS],
  'sqs-queue': OWNER_KEYS,
  'sns-topic': OWNER_KEYS,
  'kms-key': OWNER_KEYS,
};

export const irrelevantConditionKeyInPolicy: Rule = {
  code: 'IRRELEVANT_CONDITION_KEY_IN_POLICY',
  defaultSeverity: 'info',
  category: 'policy-type',
  summary: 'A condition key that has a fixed value in this kind of resource policy.',
  catalogue: ['T13'],
  accessAnalyzer: ['IRRELEVANT_CONDITION_KEY_IN_POLICY'],
  docs: `Keys such as \`s3:ResourceAccount\` and \`aws:ResourceAccount\` describe who owns the resource. In the
resource's own policy (a bucket, queue, topic or key policy) that is always the same account, so the
condition is either always true or always false. They belong in identity, endpoint or control policies.

Bad (bucket policy):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": { "StringNotEquals": { "s3:ResourceAccount": "111122223333" } } } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": { "StringNotEquals": { "aws:PrincipalAccount": "111122223333" } } } ] }
\`\`\``,
  checkPolicy(ctx) {
    const attached = attachedResource(ctx.policy, ctx.document.uri);
    if (!attached) return;
    const keys = IRRELEVANT[attached.kind];
    for (const s of ctx.policy.statements) {
      for (const op of s.condition?.operators ?? []) {
        for (const e of op.entries) {
          if (!keys.includes(e.key.value.toLowerCase())) continue;
          ctx.report(e.key, `"${e.key.value}" always has the same value in ${ATTACHED_RESOURCE_NAMES[attached.kind]} (the resource's own owner), so this condition does not vary: remove it or use a principal key.`, {
            data: { key: e.key.value, resourceKind: attached.kind },
          });
        }
      }
    }
  },
};
