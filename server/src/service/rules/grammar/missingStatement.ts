/** MISSING_STATEMENT: the policy has no Statement element. */

import type { Rule } from '../rule';
import { anchorOf, forEachMissing } from './missingElement';

export const missingStatement: Rule = {
  code: 'MISSING_STATEMENT',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'The policy has no Statement element.',
  catalogue: ['G05'],
  accessAnalyzer: ['MISSING_STATEMENT'],
  docs: `Every policy needs a \`Statement\`: one statement object or an array of them.

Bad:
\`\`\`json
{ "Version": "2012-10-17" }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" } ] }
\`\`\``,
  checkPolicy(ctx) {
    forEachMissing(ctx, 'Statement', (p) => {
      ctx.report(anchorOf(p), 'The policy has no "Statement" element: add "Statement" with at least one statement.');
    });
  },
};
