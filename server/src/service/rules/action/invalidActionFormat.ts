/** INVALID_ACTION_FORMAT (A01): an Action/NotAction string that is neither "*" nor "prefix:name". */

import type { Rule } from '../rule';
import { actionItems } from './actionItems';

export const invalidActionFormat: Rule = {
  code: 'INVALID_ACTION_FORMAT',
  defaultSeverity: 'error',
  category: 'action',
  summary: 'An action is neither "*" nor written "service:ActionName".',
  catalogue: ['A01'],
  accessAnalyzer: ['INVALID_ACTION'],
  docs: `Actions are written as a service prefix, one colon and the action name ("s3:GetObject"), or as "*" for
all actions. Anything else (no colon, two colons, spaces) matches no action.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3 GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const { item, prefix } of actionItems(ctx.policy)) {
      if (item.value === '*' || prefix !== undefined) continue;
      // "s3 GetObject" / "s3::GetObject": offer the obvious repair when there is exactly one candidate
      // (a single character class keeps the split linear on hostile input)
      const parts = item.value.split(/[\s:]+/).filter((p) => p !== '');
      const repaired = parts.length === 2 ? `${parts[0]}:${parts[1]}` : undefined;
      const suggestion = repaired && /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/.test(repaired) ? repaired : undefined;
      ctx.report(
        item,
        `"${item.value}" is not an action: write "service:ActionName" (such as "s3:GetObject"), or "*" for all actions.`,
        suggestion ? { data: { suggestion } } : undefined,
      );
    }
  },
};
