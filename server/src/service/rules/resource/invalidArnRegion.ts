/** INVALID_ARN_REGION (R05): a Region that is no AWS Region (error) or not in our table yet (warning). */

import { arnShapeRule } from './arnRule';

export const invalidArnRegion = arnShapeRule({
  code: 'INVALID_ARN_REGION',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'The Region of an ARN is not an AWS Region.',
  catalogue: ['R05'],
  accessAnalyzer: ['INVALID_ARN_REGION'],
  docs: `The Region field must be a Region code such as "us-east-1" (or a wildcard). A value that does not look
like a Region code is an error; a well-formed code missing from the bundled Region table is only a warning,
because AWS adds Regions every year.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east:123456789012:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:orders" }
\`\`\``,
});
