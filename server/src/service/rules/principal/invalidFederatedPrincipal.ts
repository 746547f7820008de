/** INVALID_FEDERATED_PRINCIPAL: a Federated value that is neither a SAML/OIDC provider ARN nor an identity-provider domain (PR06). */

import type { Rule } from '../rule';
import { classifyFederatedPrincipal } from '../../knowledge/principals';
import { isOwnedElsewhere, principalValues } from './principalValues';

export const invalidFederatedPrincipal: Rule = {
  code: 'INVALID_FEDERATED_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'A Federated principal is neither a SAML/OIDC provider ARN nor an identity provider domain.',
  catalogue: ['PR06'],
  accessAnalyzer: ['INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY'],
  docs: `A \`Federated\` principal is the ARN of an IAM identity provider (\`arn:aws:iam::ACCOUNT:saml-provider/NAME\` or
\`…:oidc-provider/HOST\`) or a web identity provider domain such as \`cognito-identity.amazonaws.com\`,
\`accounts.google.com\`, \`graph.facebook.com\` or \`www.amazon.com\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:role/okta" }, "Action": "sts:AssumeRoleWithSAML" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/okta" }, "Action": "sts:AssumeRoleWithSAML" }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of principalValues(ctx.policy)) {
      if (p.type !== 'Federated' || p.value.value === '*' || isOwnedElsewhere(p.value.value)) continue;
      const info = classifyFederatedPrincipal(p.value.value);
      if (info.kind !== 'invalid') continue;
      ctx.report(p.value, `Federated principal "${p.value.value}" is not valid: ${info.problem}.`, { data: { value: p.value.value } });
    }
  },
};
