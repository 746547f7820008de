/** INVALID_AWS_PRINCIPAL: an AWS principal that is not "*", an account ID, an IAM/STS principal ARN or a CloudFront OAI (PR02). */

import type { Rule } from '../rule';
import { classifyAwsPrincipal, UNIQUE_ID_PREFIXES } from '../../knowledge/principals';
import { isOwnedElsewhere, principalValues } from './principalValues';

export const invalidAwsPrincipal: Rule = {
  code: 'INVALID_AWS_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'An AWS principal is not "*", a 12-digit account ID or an IAM/STS principal ARN.',
  catalogue: ['PR02'],
  docs: `An \`AWS\` principal is \`"*"\`, a 12-digit account ID, \`arn:aws:iam::ACCOUNT:root\`, an IAM user or role ARN,
an STS assumed-role or federated-user ARN, or a CloudFront origin access identity. Other ARNs (a bucket, an
instance profile, a policy) are not principals. Unique IDs (AROA…, AIDA…) and group ARNs have their own rules.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:instance-profile/web" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/web" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of principalValues(ctx.policy)) {
      if (p.type !== 'AWS' || isOwnedElsewhere(p.value.value)) continue;
      const info = classifyAwsPrincipal(p.value.value);
      if (info.kind === 'unique-id' && info.uniqueIdPrefix !== 'AROA' && info.uniqueIdPrefix !== 'AIDA') {
        const what = UNIQUE_ID_PREFIXES[info.uniqueIdPrefix!] ?? 'IAM entity';
        ctx.report(p.value, `AWS principal "${p.value.value}" is the unique ID of ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}, which cannot be a principal: name a role, user or account.`, {
          data: { value: p.value.value, uniqueIdPrefix: info.uniqueIdPrefix },
        });
        continue;
      }
      if (info.kind !== 'invalid') continue;
      ctx.report(p.value, `AWS principal "${p.value.value}" is not valid: ${info.problem}.`, { data: { value: p.value.value } });
    }
  },
};
