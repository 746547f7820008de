/** MISMATCHED_ACTION_FOR_PRINCIPAL: a trusted SAML provider without sts:AssumeRoleWithSAML, or an OIDC one without sts:AssumeRoleWithWebIdentity. */

import type { Rule } from '../rule';
import { classifyFederatedPrincipal } from '../../knowledge/principals';
import { actionSpan, actionsCover } from './policyTypeUtil';

export const mismatchedActionForPrincipal: Rule = {
  code: 'MISMATCHED_ACTION_FOR_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A federated principal is trusted without the STS action its provider type needs.',
  catalogue: ['T07'],
  accessAnalyzer: ['MISMATCHED_ACTION_FOR_PRINCIPAL'],
  docs: `Users of a SAML provider assume a role with \`sts:AssumeRoleWithSAML\`; users of an OIDC provider
(including Cognito, Google, Facebook, Amazon and \`oidc-provider/\` ARNs) with
\`sts:AssumeRoleWithWebIdentity\`. A trust statement with the wrong action never lets them in.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": "sts:AssumeRole" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": "sts:AssumeRoleWithSAML" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      const at = actionSpan(s);
      if (!at || s.action?.negated || s.effect?.value !== 'Allow' || s.principal?.negated) continue;
      for (const entry of s.principal?.entries ?? []) {
        if (entry.type.value !== 'Federated') continue;
        for (const v of entry.values) {
          const kind = classifyFederatedPrincipal(v.value).kind;
          const [label, required] =
            kind === 'saml-provider' ? ['SAML provider', 'sts:AssumeRoleWithSAML'] : kind === 'oidc-provider' || kind === 'known-idp' ? ['OIDC provider', 'sts:AssumeRoleWithWebIdentity'] : [];
          if (!required || actionsCover(s, required)) continue;
          ctx.report(at, `This statement trusts the ${label} "${v.value}", whose users can only assume the role with "${required}": add it to "Action".`, {
            data: { requiredAction: required, principal: v.value },
          });
        }
      }
    }
  },
};
