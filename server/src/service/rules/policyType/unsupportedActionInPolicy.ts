/** UNSUPPORTED_ACTION_IN_POLICY: an action of another service in a bucket, queue, topic or key policy. */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { actionService } from './policyTypeUtil';
import { attachedResource, ATTACHED_RESOURCE_NAMES, ATTACHED_RESOURCE_SERVICE } from './attachedResource';

export const unsupportedActionInPolicy: Rule = {
  code: 'UNSUPPORTED_ACTION_IN_POLICY',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'An action that does not apply to the resource the policy is attached to.',
  catalogue: ['T11'],
  accessAnalyzer: ['UNSUPPORTED_ACTION_IN_POLICY'],
  docs: `A resource-based policy can only grant actions on its own resource: an S3 bucket policy takes \`s3:\`
actions, an SQS queue policy \`sqs:\`, an SNS topic policy \`sns:\`, a KMS key policy \`kms:\`. The resource is
known from the file name (\`*bucket-policy*.json\`, \`*queue-policy*\`, \`*topic-policy*\`, \`*key-policy*\`) or,
for S3, from the policy's ARNs; otherwise this rule stays silent.

Bad (\`my-bucket-policy.json\`):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "kms:Decrypt", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const attached = attachedResource(ctx.policy, ctx.document.uri);
    if (!attached) return;
    const service = ATTACHED_RESOURCE_SERVICE[attached.kind];
    for (const s of ctx.policy.statements) {
      if (!s.action || s.action.negated) continue;
      for (const a of s.action.items) {
        const svc = actionService(a.value);
        if (!svc || hasWildcard(svc) || svc === service) continue;
        // S3 rejects such a bucket policy; for the other services we only know the action is pointless there
        ctx.report(a, `"${a.value}" does not apply to ${ATTACHED_RESOURCE_NAMES[attached.kind]}: it accepts only "${service}:" actions.`, {
          data: { service, resourceKind: attached.kind },
          ...(attached.kind === 's3-bucket' ? {} : { severity: 'warning' as const }),
        });
      }
    }
  },
};
