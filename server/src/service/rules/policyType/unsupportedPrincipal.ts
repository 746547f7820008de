/** UNSUPPORTED_PRINCIPAL: Principal/NotPrincipal in an identity policy, permission boundary or SCP. */

import type { Rule } from '../rule';
import { TYPE_NAMES } from './policyTypeUtil';

const NO_PRINCIPAL = new Set(['identity', 'boundary', 'scp']);

export const unsupportedPrincipal: Rule = {
  code: 'UNSUPPORTED_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'Principal or NotPrincipal in a policy type that does not accept it.',
  catalogue: ['T01'],
  accessAnalyzer: ['UNSUPPORTED_PRINCIPAL', 'SCP_SYNTAX_ERROR_PRINCIPAL'],
  docs: `Identity policies, permission boundaries and service control policies apply to the principal
they are attached to, so they cannot name one: IAM and Organizations reject \`Principal\` and
\`NotPrincipal\` there. If this is a resource or trust policy, set the policy type.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const type = ctx.policy.policyType;
    if (!NO_PRINCIPAL.has(type)) return;
    for (const s of ctx.policy.statements) {
      for (const el of s.elements) {
        if (el.key !== 'Principal' && el.key !== 'NotPrincipal') continue;
        ctx.report(el, `"${el.key}" is not allowed in ${TYPE_NAMES[type]}: remove it (it applies to whoever the policy is attached to).`, {
          data: { element: el.key, policyType: type },
        });
      }
    }
  },
};
