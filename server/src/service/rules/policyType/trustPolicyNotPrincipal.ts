/** ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: NotPrincipal in a role trust policy. */

import type { Rule } from '../rule';

export const trustPolicyNotPrincipal: Rule = {
  code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'NotPrincipal in a role trust policy.',
  catalogue: ['T04'],
  accessAnalyzer: ['ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL'],
  docs: `Role trust policies must name who may assume the role with \`Principal\`; IAM rejects
\`NotPrincipal\` there.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      const el = s.get('NotPrincipal');
      if (el) ctx.report(el, '"NotPrincipal" is not allowed in a role trust policy: name who may assume the role with "Principal".');
    }
  },
};
