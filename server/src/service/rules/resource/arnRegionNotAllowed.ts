/** ARN_REGION_NOT_ALLOWED (R05): a Region in an ARN whose resource types have an empty Region field. */

import { arnShapeRule } from './arnRule';

export const arnRegionNotAllowed = arnShapeRule({
  code: 'ARN_REGION_NOT_ALLOWED',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'An ARN has a Region, but ARNs of that resource type have none.',
  catalogue: ['R05'],
  accessAnalyzer: ['ARN_REGION_NOT_ALLOWED'],
  docs: `Global resources (IAM roles, S3 buckets and objects, Route 53 zones, CloudFront distributions) have an
empty Region field; an ARN with a Region never matches them.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam:us-east-1:123456789012:role/app" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::123456789012:role/app" }
\`\`\``,
});
