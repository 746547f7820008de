/** DEPRECATED_GLOBAL_CONDITION_KEY: "aws:ARN", which AWS no longer supports; use aws:PrincipalArn or aws:SourceArn. */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';

export const deprecatedGlobalConditionKey: Rule = {
  code: 'DEPRECATED_GLOBAL_CONDITION_KEY',
  // an error, as Access Analyzer's UNSUPPORTED_GLOBAL_CONDITION_KEY ("Error – Unsupported global condition key",
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html): aws:ARN is the only key this rule reports; no AWS managed policy uses it
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'The deprecated aws:ARN key is used.',
  catalogue: ['C11'],
  accessAnalyzer: ['DEPRECATED_GLOBAL_CONDITION_KEY', 'UNSUPPORTED_GLOBAL_CONDITION_KEY'],
  docs: `\`aws:ARN\` is deprecated and not supported in new policies. To test the caller, use
\`aws:PrincipalArn\`; to test the resource making a service-to-service request, use \`aws:SourceArn\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*", "Condition": { "ArnEquals": { "aws:ARN": "arn:aws:iam::111122223333:role/app" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*", "Condition": { "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/app" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      if (entry.key.value.toLowerCase() !== 'aws:arn') continue;
      ctx.report(entry.key, `"${entry.key.value}" is deprecated: use "aws:PrincipalArn" for the caller or "aws:SourceArn" for the source resource.`, {
        data: { key: entry.key.value, suggestions: ['aws:PrincipalArn', 'aws:SourceArn'] },
        tags: ['deprecated'],
      });
    }
  },
};
