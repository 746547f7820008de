/** INVALID_ARN_PREFIX (R01): a resource that is neither "*" nor starts with "arn:". */

import { arnShapeRule } from './arnRule';

export const invalidArnPrefix = arnShapeRule({
  code: 'INVALID_ARN_PREFIX',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'A resource is neither "*" nor an ARN starting with "arn:".',
  catalogue: ['R01'],
  accessAnalyzer: ['INVALID_ARN_PREFIX'],
  docs: `Resource and NotResource take ARNs ("arn:partition:service:region:account:resource") or "*". A bucket
name, a URL or an ID on its own names nothing, so the statement never applies.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
});
