/** ARN_ACCOUNT_NOT_ALLOWED (R06): an account ID in an ARN whose resource types have an empty account field. */

import { arnShapeRule } from './arnRule';

export const arnAccountNotAllowed = arnShapeRule({
  code: 'ARN_ACCOUNT_NOT_ALLOWED',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'An ARN has an account ID, but ARNs of that resource type have none.',
  catalogue: ['R06'],
  accessAnalyzer: ['ARN_ACCOUNT_NOT_ALLOWED'],
  docs: `Some resource ARNs carry no account ID: S3 buckets and objects, Route 53 hosted zones. An ARN with an
account never matches them.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3::123456789012:my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
});
