/** RCP_ACTION_WILDCARD: a bare "*" action in a resource control policy (name the services, e.g. "s3:*"). */

import type { Rule } from '../rule';
import { isRcpFullAwsAccess } from './rcpShared';

export const rcpActionWildcard: Rule = {
  code: 'RCP_ACTION_WILDCARD',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A bare "*" action in a resource control policy.',
  catalogue: ['T10'],
  docs: `Resource control policies apply only to the services that support them, so an action must name
its service: \`"s3:*"\`, \`"sts:*"\`, \`"kms:*"\`, not \`"*"\`. Only the AWS-managed \`RCPFullAWSAccess\` uses \`"*"\`.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sqs:*"], "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'rcp') return;
    for (const s of ctx.policy.statements) {
      if (!s.action || s.action.negated || isRcpFullAwsAccess(s)) continue;
      for (const a of s.action.items) {
        if (a.value === '*') ctx.report(a, 'Resource control policies do not accept "*" as an action: name the services, e.g. "s3:*".');
      }
    }
  },
};
