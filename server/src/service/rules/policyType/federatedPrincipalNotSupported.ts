/** FEDERATED_PRINCIPAL_NOT_SUPPORTED: a Federated principal in a resource-based policy (only trust policies take one). */

import type { Rule } from '../rule';

export const federatedPrincipalNotSupported: Rule = {
  code: 'FEDERATED_PRINCIPAL_NOT_SUPPORTED',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'Federated principal in a policy type that does not accept it.',
  catalogue: ['T06'],
  accessAnalyzer: ['FEDERATED_PRINCIPAL_NOT_SUPPORTED'],
  docs: `Identity providers (\`"Federated"\`) can only be trusted by a role: federated users act through
the role they assume. Resource-based policies (bucket, key, queue policies, ...) must name the role instead.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/CognitoUsers" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'resource') return;
    for (const s of ctx.policy.statements) {
      for (const entry of s.principal?.entries ?? []) {
        if (entry.type.value !== 'Federated') continue;
        ctx.report(entry.type, 'A "Federated" principal is only accepted in a role trust policy: grant access to the role the federated users assume instead.');
      }
    }
  },
};
