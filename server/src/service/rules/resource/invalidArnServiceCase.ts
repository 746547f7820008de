/** INVALID_ARN_SERVICE_CASE (R04): the service segment of an ARN has upper-case letters. */

import { arnShapeRule } from './arnRule';

export const invalidArnServiceCase = arnShapeRule({
  code: 'INVALID_ARN_SERVICE_CASE',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'The service segment of an ARN is not lowercase.',
  catalogue: ['R04'],
  accessAnalyzer: ['INVALID_ARN_SERVICE_CASE'],
  docs: `Service namespaces in ARNs are lowercase. Unlike action names, ARNs are compared as written, so
"arn:aws:S3:::bucket" names no bucket.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:S3:::my-bucket" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" }
\`\`\``,
});
