/** MISSING_ARN_REGION (R05): an empty Region in an ARN whose resource types need one. */

import { arnShapeRule } from './arnRule';

export const missingArnRegion = arnShapeRule({
  code: 'MISSING_ARN_REGION',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'An ARN has no Region, but ARNs of that resource type need one.',
  catalogue: ['R05'],
  accessAnalyzer: ['MISSING_ARN_REGION'],
  docs: `Regional resources (SQS queues, Lambda functions, DynamoDB tables…) carry their Region in the ARN. An
empty Region matches none of them; write the Region, or \`*\` for all Regions.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs::123456789012:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:orders" }
\`\`\``,
});
