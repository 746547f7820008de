/** INVALID_ARN_ACCOUNT (R06): the account field is not 12 digits (wildcards standing for digits are fine). */

import { arnShapeRule } from './arnRule';

export const invalidArnAccount = arnShapeRule({
  code: 'INVALID_ARN_ACCOUNT',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'The account field of an ARN is not a 12-digit account ID.',
  catalogue: ['R06'],
  accessAnalyzer: ['INVALID_ARN_ACCOUNT'],
  docs: `Account IDs are 12 digits, written without hyphens. "aws" (AWS-owned resources such as managed
policies) and wildcards are accepted.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::1234-5678-9012:role/app" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::123456789012:role/app" }
\`\`\``,
});
