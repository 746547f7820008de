/** RCP_EFFECT_NOT_DENY: an Allow statement in a resource control policy (only Deny is accepted). */

import type { Rule } from '../rule';
import { isRcpFullAwsAccess } from './rcpShared';

export const rcpEffectNotDeny: Rule = {
  code: 'RCP_EFFECT_NOT_DENY',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A resource control policy statement does not use "Effect": "Deny".',
  catalogue: ['T10'],
  docs: `Resource control policies only restrict: every statement you write must be \`"Effect": "Deny"\`.
\`Allow\` appears only in the AWS-managed \`RCPFullAWSAccess\` policy, which this rule recognises.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "BoolIfExists": { "aws:SecureTransport": "false" } } } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'rcp') return;
    for (const s of ctx.policy.statements) {
      if (s.effect?.value !== 'Allow' || isRcpFullAwsAccess(s)) continue;
      ctx.report(s.effect, 'Resource control policies accept only "Effect": "Deny" (Allow is reserved for the AWS-managed RCPFullAWSAccess).', {
        // deliberately no `suggestion`: turning an Allow into a Deny for every principal is not a safe edit
        data: { required: 'Deny' },
      });
    }
  },
};
