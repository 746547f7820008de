/** INVALID_ARN_RESOURCE (R07): the resource part fits none of the service's ARN templates. */

import { arnShapeRule } from './arnRule';

export const invalidArnResource = arnShapeRule({
  code: 'INVALID_ARN_RESOURCE',
  defaultSeverity: 'error',
  category: 'resource',
  summary: "The resource part of an ARN matches none of the service's resource types.",
  catalogue: ['R07'],
  accessAnalyzer: ['INVALID_ARN_RESOURCE'],
  docs: `After the fifth colon an ARN names the resource in a service-specific form ("table/NAME" for DynamoDB,
"role/PATH/NAME" for IAM). A form the service does not define matches nothing. Wildcards and policy
variables are taken into account.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders" }
\`\`\``,
});
