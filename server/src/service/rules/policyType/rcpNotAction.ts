/** RCP_NOT_ACTION: NotAction in a resource control policy (not supported there). */

import type { Rule } from '../rule';

export const rcpNotAction: Rule = {
  code: 'RCP_NOT_ACTION',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'NotAction in a resource control policy.',
  catalogue: ['T10'],
  docs: `Resource control policies do not support \`NotAction\`: list the actions to deny with \`Action\`.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": ["s3:PutObject", "s3:DeleteObject"], "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'rcp') return;
    for (const s of ctx.policy.statements) {
      const el = s.get('NotAction');
      if (el) ctx.report(el, '"NotAction" is not supported in resource control policies: list the actions to deny in "Action".');
    }
  },
};
