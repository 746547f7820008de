/** INVALID_PARTITION (R03): the partition field is not an AWS partition (table in knowledge/partitions.ts). */

import { arnShapeRule } from './arnRule';

export const invalidPartition = arnShapeRule({
  code: 'INVALID_PARTITION',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'The partition of an ARN is not an AWS partition.',
  catalogue: ['R03'],
  accessAnalyzer: ['INVALID_PARTITION'],
  docs: `The second ARN field is the partition: "aws", "aws-cn" (China), "aws-us-gov" (GovCloud) or one of the
isolated partitions. Any other value matches no resource.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:amazon:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
});
