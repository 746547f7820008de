/** RCP_INVALID_PRINCIPAL: an RCP statement without `"Principal": "*"`, or with NotPrincipal. */

import type { Rule } from '../rule';
import { brokenBySyntax, missingAnchor, narrowSpan } from '../grammar/grammarSpans';

export const rcpInvalidPrincipal: Rule = {
  code: 'RCP_INVALID_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A resource control policy statement does not use "Principal": "*".',
  catalogue: ['T10'],
  docs: `Every statement of a resource control policy must have exactly \`"Principal": "*"\`; \`NotPrincipal\`
is not supported. To exempt principals, use conditions such as \`aws:PrincipalOrgID\` or
\`aws:PrincipalIsAWSService\`.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:*", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "StringNotEqualsIfExists": { "aws:PrincipalOrgID": "o-exampleorg" } } } ] }
\`\`\``,
  // no `suggestion` in data: a generic replace would widen a Deny to everyone (and the missing-Principal
  // finding sits on the statement's first key, which must never be rewritten)
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'rcp') return;
    for (const s of ctx.policy.statements) {
      const p = s.principal;
      if (!p) {
        if (brokenBySyntax(ctx, s.node) || s.elements.some((e) => e.key.toLowerCase() === 'principal')) continue;
        ctx.report(missingAnchor(s.node), 'This statement has no "Principal": resource control policies need "Principal": "*".', { data: { required: '*' } });
      } else if (p.negated) {
        ctx.report(p, '"NotPrincipal" is not supported in resource control policies: use "Principal": "*" with a condition on the principal.', { data: { required: '*' } });
      } else if (p.wildcard?.value !== '*' && p.value) {
        ctx.report(narrowSpan(p.value, ctx.text), 'Resource control policies need exactly "Principal": "*": limit who is affected with conditions such as aws:PrincipalOrgID.', {
          data: { required: '*' },
        });
      }
    }
  },
};
