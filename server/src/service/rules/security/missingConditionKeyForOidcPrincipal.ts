/** MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: an OIDC provider is trusted with no condition on its own claims (S21). */

import type { Rule } from '../rule';
import { oidcPrincipals } from './oidcTrust';

export const missingConditionKeyForOidcPrincipal: Rule = {
  code: 'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An OIDC identity provider is trusted without a condition on its claims.',
  catalogue: ['S21'],
  accessAnalyzer: ['MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL'],
  docs: `Trusting an OIDC provider without a condition on its claims (\`<provider>:sub\`, \`<provider>:aud\`) lets every
identity that provider issues tokens for assume the role, for example any workload in an EKS cluster or any user
of a Cognito identity pool in any account. (GitHub has its own rule, MISSING_GITHUB_REPO_CONDITION_KEY.)

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" },
  "Action": "sts:AssumeRoleWithWebIdentity" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" },
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub": "system:serviceaccount:app:web" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of oidcPrincipals(ctx.policy)) {
      if (p.github || p.uses.length > 0) continue;
      ctx.report(p.value, `Federated principal "${p.value.value}" has no condition on its claims: add one on "${p.prefix}:sub" or "${p.prefix}:aud".`, {
        data: { statementIndex: p.statement.index, keyPrefix: p.prefix },
      });
    }
  },
};
