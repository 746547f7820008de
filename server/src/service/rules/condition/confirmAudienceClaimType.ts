/** CONFIRM_AUDIENCE_CLAIM_TYPE: an OIDC `aud` key with ForAllValues/ForAnyValue: whether aud is a set depends on the provider. */

import type { Rule } from '../rule';
import { classifyKey, conditionSites } from './conditionUtil';

export const confirmAudienceClaimType: Rule = {
  code: 'CONFIRM_AUDIENCE_CLAIM_TYPE',
  // a warning, as in Access Analyzer ("General Warning – Confirm audience claim type", https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html)
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'An OIDC aud condition uses a set qualifier; confirm the provider sends aud as a list.',
  catalogue: ['C33'],
  accessAnalyzer: ['CONFIRM_AUDIENCE_CLAIM_TYPE'],
  docs: `An OIDC token's \`aud\` claim is a single string for most providers and a list for some. With a
single-valued \`aud\`, \`ForAllValues:\` also matches tokens that carry no audience, and \`ForAnyValue:\` adds
nothing. Check your provider and drop the qualifier if \`aud\` is a single value.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAllValues:StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op?.qualifier) continue;
      const key = entry.key.value;
      if (!/:aud$/i.test(key) || classifyKey(ctx.catalog, key).kind !== 'provider' || key.toLowerCase().startsWith('saml:')) continue;
      const suggestion = block.operator.value.slice(op.qualifier.length + 1);
      ctx.report(entry.key, `Confirm that your provider sends "${key}" as a list: if it is a single value, use "${suggestion}" instead of "${block.operator.value}".`, {
        data: { key, operator: block.operator.value, suggestedOperator: suggestion },
      });
    }
  },
};
