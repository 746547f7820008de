/** MISSING_ACTION: a statement has neither Action nor NotAction. */

import type { Rule } from '../rule';
import { anchorOf, forEachMissing } from './missingElement';

export const missingAction: Rule = {
  code: 'MISSING_ACTION',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'A statement has neither Action nor NotAction.',
  catalogue: ['G11'],
  accessAnalyzer: ['MISSING_ACTION'],
  docs: `Every statement must name the actions it applies to, with \`Action\` (or, rarely, \`NotAction\`).

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    forEachMissing(ctx, 'Action', (p) => {
      ctx.report(anchorOf(p), 'This statement has no "Action" or "NotAction": add the actions it applies to.');
    });
  },
};
