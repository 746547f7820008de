/** ID_IN_IDENTITY_POLICY: a top-level `Id` in an identity policy or permission boundary, where IAM does not use it. */

import type { Rule } from '../rule';

export const idInIdentityPolicy: Rule = {
  code: 'ID_IN_IDENTITY_POLICY',
  defaultSeverity: 'warning',
  category: 'grammar',
  summary: 'The Id element is for resource policies, not identity policies.',
  catalogue: ['G17'],
  docs: `\`Id\` names a resource-based policy (SQS, SNS and others use it). IAM identity policies and
permission boundaries do not use it; remove it, or set the policy type if this is a resource policy.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Id": "MyPolicy", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const type = ctx.policy.policyType;
    if (type !== 'identity' && type !== 'boundary') return;
    const id = ctx.policy.get('Id');
    if (!id) return;
    const what = type === 'identity' ? 'an identity policy' : 'a permission boundary';
    ctx.report(id, `"Id" is for resource-based policies and has no use in ${what}: remove it.`);
  },
};
