/** ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: Resource/NotResource in a role trust policy (the role is the resource). */

import type { Rule } from '../rule';

export const trustPolicyResource: Rule = {
  code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'Resource or NotResource in a role trust policy.',
  catalogue: ['T03'],
  accessAnalyzer: ['ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE'],
  docs: `A role trust policy is attached to the role, which is its only resource: IAM rejects \`Resource\` and
\`NotResource\` there ("Has prohibited field Resource").

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      for (const el of s.elements) {
        if (el.key === 'Resource' || el.key === 'NotResource') {
          ctx.report(el, `"${el.key}" is not allowed in a role trust policy (the role is the resource): remove it.`, { data: { element: el.key } });
        }
      }
    }
  },
};
