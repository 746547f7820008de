/** MISSING_ARN_ACCOUNT (R06): an empty account in an ARN whose resource types need one. */

import { arnShapeRule } from './arnRule';

export const missingArnAccount = arnShapeRule({
  code: 'MISSING_ARN_ACCOUNT',
  defaultSeverity: 'error',
  category: 'resource',
  summary: 'An ARN has no account, but ARNs of that resource type need one.',
  catalogue: ['R06'],
  accessAnalyzer: ['MISSING_ARN_ACCOUNT'],
  docs: `Most resources carry the owning account in their ARN (the resource types of the Service Authorization
Reference show \`\${Account}\` there). An empty account matches none of them; write the 12-digit account ID, or
\`*\` for any account. Resource types whose ARNs have no account (S3 buckets, EC2 AMIs and snapshots, ...) are
not reported, nor are names AWS gives its own resources, which it writes with an empty account
(\`arn:aws:ssm:*::document/AWS-RunShellScript\`, public parameters \`parameter/aws/service/…\`) or a wildcard name.
Answers Access Analyzer's MISSING_ARN_ACCOUNT (an error there too;
https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1::orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:orders" }
\`\`\``,
});
