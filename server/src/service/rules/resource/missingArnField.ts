/** MISSING_ARN_FIELD (R02): an ARN with fewer than its six colon-separated fields (or an empty service). */

import { arnShapeRule } from './arnRule';

export const missingArnField = arnShapeRule({
  code: 'MISSING_ARN_FIELD',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'An ARN has fewer than the six fields arn:partition:service:region:account:resource.',
  catalogue: ['R02'],
  accessAnalyzer: ['MISSING_ARN_FIELD'],
  docs: `Every ARN has six colon-separated fields; empty ones are still written ("arn:aws:s3:::bucket" has an
empty Region and account). A shorter ARN matches no resource. An ARN that ends with \`*\` may stop early,
because a trailing \`*\` also spans the following fields ("arn:aws:iam::*"); that form is not reported.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:queue1" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:queue1" }
\`\`\``,
});
