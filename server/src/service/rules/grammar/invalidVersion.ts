/** INVALID_VERSION: Version is a string other than 2012-10-17 or 2008-10-17 (wrong types: DATA_TYPE_MISMATCH). */

import type { Rule } from '../rule';
import { grammarProblems } from './grammarProblems';
import { narrowSpan } from './grammarSpans';

export const invalidVersion: Rule = {
  code: 'INVALID_VERSION',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'Version is not 2012-10-17 or 2008-10-17.',
  catalogue: ['G07'],
  accessAnalyzer: ['INVALID_VERSION'],
  docs: `\`Version\` is the policy language version, not a date of your choosing: only \`"2012-10-17"\`
(current) and \`"2008-10-17"\` (legacy) exist.

Bad:
\`\`\`json
{ "Version": "2024-01-01", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of grammarProblems(ctx.policy)) {
      if (p.kind !== 'invalid-value' || p.element !== 'Version') continue;
      ctx.report(narrowSpan(p.node, ctx.text), `"${String(p.node.value)}" is not a policy language version: use "2012-10-17".`, {
        // the Version quick fix is keyed on the code (fixes/quickFixes/versionAndSid.ts): no generic `suggestion`
        data: { version: '2012-10-17' },
      });
    }
  },
};
