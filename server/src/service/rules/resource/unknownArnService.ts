/** UNKNOWN_ARN_SERVICE (R07): the service segment of an ARN is no namespace in the bundled data. */

import { arnShapeRule } from './arnRule';

export const unknownArnService = arnShapeRule({
  code: 'UNKNOWN_ARN_SERVICE',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'The service segment of an ARN is not a service namespace known to the IAM data.',
  catalogue: ['R07'],
  docs: `The third ARN field names the service ("s3", "iam", "logs"). A misspelt namespace names no resource.
This is a warning, not an error: a service newer than the bundled IAM data is reported too.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamo:us-east-1:123456789012:table/orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders" }
\`\`\``,
});
