/**
 * MISSING_OIDC_AUDIENCE_CONDITION: an OIDC/web-identity trust limits claims but not the audience. For Cognito
 * identity pools this lets identities of any pool assume the role (warning); for other providers IAM already
 * checks the audience against the provider's client IDs, so it is information (S21).
 */

import type { Rule } from '../rule';
import { claimOf, oidcPrincipals } from './oidcTrust';

/** Facebook and Login with Amazon name their audience claim app_id; the others aud. */
function audienceClaim(prefix: string): string {
  return prefix === 'graph.facebook.com' || prefix === 'www.amazon.com' ? 'app_id' : 'aud';
}

export const missingOidcAudienceCondition: Rule = {
  code: 'MISSING_OIDC_AUDIENCE_CONDITION',
  defaultSeverity: 'info',
  category: 'security',
  summary: 'An OIDC trust has conditions but none on the audience (aud) claim.',
  catalogue: ['S21'],
  docs: `The audience claim says which application a token was issued for. For Cognito identity pools,
\`cognito-identity.amazonaws.com:aud\` is the identity pool ID: without it, identities of any pool can assume the
role (warning). For GitHub and other OIDC providers IAM checks the audience against the provider's client IDs,
so a condition on \`aud\` is defence in depth (information). Statements with no condition at all are reported by
MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL / MISSING_GITHUB_REPO_CONDITION_KEY instead.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringEquals": { "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-abcd-abcd-123456789012" },
    "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of oidcPrincipals(ctx.policy)) {
      if (p.uses.length === 0) continue;
      const claim = audienceClaim(p.prefix);
      if (p.uses.some((u) => claimOf(u, p.prefix) === claim)) continue;
      const cognito = p.prefix === 'cognito-identity.amazonaws.com';
      ctx.report(
        p.value,
        cognito
          ? `Federated principal "${p.value.value}" has no "${p.prefix}:aud" condition, so identities of any identity pool can assume the role: add the pool ID.`
          : `Federated principal "${p.value.value}" has no "${p.prefix}:${claim}" condition: consider adding the expected audience.`,
        { data: { statementIndex: p.statement.index, conditionKey: `${p.prefix}:${claim}` }, ...(cognito ? { severity: 'warning' as const } : {}) },
      );
    }
  },
};
