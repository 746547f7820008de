/** ARN_VARIABLE_BEFORE_RESOURCE (R11): a policy variable before the fifth colon of an ARN. */

import { arnShapeRule } from './arnRule';

export const arnVariableBeforeResource = arnShapeRule({
  code: 'ARN_VARIABLE_BEFORE_RESOURCE',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'A policy variable is used in the partition, service, Region or account field of an ARN.',
  catalogue: ['R11'],
  docs: `Policy variables such as \${aws:PrincipalAccount} are meant for the resource part of an ARN (after the
fifth colon). Elsewhere, write the value or a wildcard. (CloudFormation \${AWS::Region}-style substitutions are
resolved before IAM sees the policy and are not reported.)

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:\${aws:PrincipalAccount}:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:orders" }
\`\`\``,
});
