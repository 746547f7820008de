/** ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL: `"Principal": "*"` in a role trust policy. */

import type { Rule } from '../rule';

export const trustPolicyWildcardPrincipal: Rule = {
  code: 'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: '"Principal": "*" in a role trust policy.',
  catalogue: ['T05'],
  accessAnalyzer: ['ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL'],
  docs: `A role trust policy may not trust \`"Principal": "*"\` (anyone, including anonymous callers). Name the
accounts, roles, services or identity providers that may assume the role.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      const w = s.principal?.wildcard;
      if (w?.value === '*' && !s.principal?.negated) {
        ctx.report(w, '"Principal": "*" is not supported in a role trust policy: name the accounts, roles, services or identity providers that may assume the role.');
      }
    }
  },
};
