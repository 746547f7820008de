/** EMPTY_SID_VALUE: `"Sid": ""`, which names nothing; drop it or give it a name. */

import type { Rule } from '../rule';

export const emptySidValue: Rule = {
  code: 'EMPTY_SID_VALUE',
  defaultSeverity: 'info',
  category: 'grammar',
  summary: 'A statement has an empty Sid.',
  catalogue: ['G16'],
  accessAnalyzer: ['EMPTY_SID_VALUE'],
  docs: `An empty \`Sid\` serves no purpose: remove it, or name the statement.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Sid": "ReadObjects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.sid?.value === '') ctx.report(s.sid, 'The Sid is empty: remove it or give the statement a name.');
    }
  },
};
