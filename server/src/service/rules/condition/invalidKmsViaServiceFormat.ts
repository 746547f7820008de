/**
 * INVALID_KMS_VIA_SERVICE_FORMAT: a kms:ViaService value that is not "SERVICE.REGION.amazonaws.com", so it never
 * matches (a service principal "ec2.amazonaws.com", a bare prefix "s3", an ARN).
 */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { conditionSites, show } from './conditionUtil';

/**
 * AWS KMS Developer Guide, "kms:ViaService": the value is the service's endpoint name with its Region,
 * "SERVICE.REGION.amazonaws.com" (e.g. "ec2.us-west-2.amazonaws.com"); China Regions end in "amazonaws.com.cn".
 */
const VIA_SERVICE = /^[a-z0-9-]+\.[a-z]{2}(-[a-z]+)+-\d\.amazonaws\.com(\.cn)?$/;

export const invalidKmsViaServiceFormat: Rule = {
  code: 'INVALID_KMS_VIA_SERVICE_FORMAT',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A kms:ViaService value is not of the form SERVICE.REGION.amazonaws.com, so it never matches.',
  // not in the catalogue; C14 (a value whose format cannot match what the key holds) is the closest entry
  catalogue: ['C14'],
  docs: `\`kms:ViaService\` holds the endpoint name of the AWS service that called KMS on the principal's behalf,
with its Region: \`"ec2.us-west-2.amazonaws.com"\`, \`"secretsmanager.eu-west-1.amazonaws.com"\`. A service
principal (\`"ec2.amazonaws.com"\`), a bare service name or an ARN never equals it, so an Allow with such a
value never applies and a Deny never denies. Use \`StringLike\` with \`"ec2.*.amazonaws.com"\` for every Region.
Values with wildcards or policy variables are not judged.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": { "StringEquals": { "kms:ViaService": "ec2.amazonaws.com" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": { "StringEquals": { "kms:ViaService": "ec2.us-west-2.amazonaws.com" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (entry.key.value.toLowerCase() !== 'kms:viaservice' || op?.operator.family !== 'String') continue;
      for (const v of entry.values) {
        if (typeof v.value !== 'string' || v.value.includes('${') || hasWildcard(v.value)) continue;
        if (VIA_SERVICE.test(v.value)) continue;
        const service = /^([a-z0-9-]+)\.amazonaws\.com$/.exec(v.value)?.[1] ?? (/^[a-z0-9-]+$/.test(v.value) ? v.value : undefined);
        const example = service ? `"${service}.us-east-1.amazonaws.com" (or StringLike "${service}.*.amazonaws.com")` : '"ec2.us-east-1.amazonaws.com"';
        ctx.report(v, `${show(v.value)} is not a kms:ViaService value, which names a service endpoint with its Region: write ${example}.`, {
          data: { value: v.value },
        });
      }
    }
  },
};
