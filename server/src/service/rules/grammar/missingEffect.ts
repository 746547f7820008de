/** MISSING_EFFECT: a statement has no Effect. */

import type { Rule } from '../rule';
import { anchorOf, forEachMissing } from './missingElement';

export const missingEffect: Rule = {
  code: 'MISSING_EFFECT',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'A statement has no Effect element.',
  catalogue: ['G09'],
  accessAnalyzer: ['MISSING_EFFECT'],
  docs: `Every statement must say whether it allows or denies: \`"Effect": "Allow"\` or \`"Effect": "Deny"\`.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    forEachMissing(ctx, 'Effect', (p) => {
      ctx.report(anchorOf(p), 'This statement has no "Effect": add "Effect": "Allow" or "Effect": "Deny".');
    });
  },
};
