// RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL / RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL: a resource policy
// allows a service principal without aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths,
// so the service can be made to act for any account (confused deputy) (S19).

import type { Rule } from '../rule';
import type { Located, PolicyDocument, Statement } from '../../parser/policyModel';
import { hasCondition, isAllow, usesConditionKey } from './statementFacts';

const SOURCE_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

function unguardedServicePrincipals(policy: PolicyDocument, conditioned: boolean): Array<{ s: Statement; v: Located<string> }> {
  if (policy.policyType !== 'resource') return [];
  const out: Array<{ s: Statement; v: Located<string> }> = [];
  for (const s of policy.statements) {
    if (!isAllow(s) || !s.principal || s.principal.negated || hasCondition(s) !== conditioned || usesConditionKey(s, SOURCE_KEYS)) continue;
    for (const e of s.principal.entries) if (e.type.value === 'Service') for (const v of e.values) out.push({ s, v });
  }
  return out;
}

export const restrictAccessToServicePrincipal: Rule = {
  code: 'RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A resource policy allows a service principal without aws:SourceArn or aws:SourceAccount.',
  catalogue: ['S19'],
  accessAnalyzer: ['RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL'],
  docs: `A service principal acts for every AWS customer. Without \`aws:SourceArn\` or \`aws:SourceAccount\` (or
\`aws:SourceOrgID\`), anyone can ask the service to use this grant on their behalf: the confused-deputy problem.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders",
  "Condition": { "ArnEquals": { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:order-events" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { s, v } of unguardedServicePrincipals(ctx.policy, false)) {
      ctx.report(v, `Service principal "${v.value}" is allowed without a condition: add aws:SourceArn or aws:SourceAccount so it acts only for your resources.`, {
        data: { statementIndex: s.index, statementOffset: s.node.offset, suggestedKeys: ['aws:SourceArn', 'aws:SourceAccount'] },
      });
    }
  },
};

export const recommendedConditionKeyForServicePrincipal: Rule = {
  code: 'RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL',
  defaultSeverity: 'info',
  category: 'security',
  summary: 'A service principal is limited by other keys instead of aws:SourceArn or aws:SourceAccount.',
  catalogue: ['S19'],
  accessAnalyzer: ['RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL'],
  docs: `Keys such as \`aws:Referer\` are set by the caller and do not tie a service principal to your resources.
Prefer \`aws:SourceArn\` or \`aws:SourceAccount\` (or \`aws:SourceOrgID\`), which the service sets itself.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*",
  "Condition": { "StringLike": { "aws:Referer": "https://example.com/*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*",
  "Condition": { "StringEquals": { "aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { s, v } of unguardedServicePrincipals(ctx.policy, true)) {
      ctx.report(v, `Service principal "${v.value}" is not limited by aws:SourceArn or aws:SourceAccount: prefer those keys, which the service sets itself.`, {
        data: { statementIndex: s.index, suggestedKeys: ['aws:SourceArn', 'aws:SourceAccount'] },
      });
    }
  },
};
