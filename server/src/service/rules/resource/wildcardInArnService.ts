/** WILDCARD_IN_ARN_SERVICE (R04): `*` or `?` in the service segment of an ARN (other than an all-`*` ARN, R10). */

import { arnShapeRule } from './arnRule';

export const wildcardInArnService = arnShapeRule({
  code: 'WILDCARD_IN_ARN_SERVICE',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'The service segment of an ARN contains a wildcard.',
  catalogue: ['R04'],
  docs: `The IAM User Guide (Resource element) says wildcards must not be used in the service segment of an
ARN. Name the service; list several ARNs when the statement covers several services.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["sqs:SendMessage", "sns:Publish"], "Resource": "arn:aws:s*:us-east-1:123456789012:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["sqs:SendMessage", "sns:Publish"], "Resource": ["arn:aws:sqs:us-east-1:123456789012:orders", "arn:aws:sns:us-east-1:123456789012:orders"] }
\`\`\``,
});
