/** NON_CANONICAL_ACTION_CASE (A07): an exact action written in other casing than the documented one. */

import type { Rule } from '../rule';
import { actionItems } from './actionItems';
import { itemFacts } from './actionFacts';

export const nonCanonicalActionCase: Rule = {
  code: 'NON_CANONICAL_ACTION_CASE',
  defaultSeverity: 'info',
  category: 'action',
  summary: 'An action is written in different casing than the documented name.',
  catalogue: ['A07'],
  docs: `IAM compares action names case-insensitively, so "s3:getobject" works. Writing the documented casing
("s3:GetObject") keeps policies searchable and consistent with AWS documentation and tools.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "S3:getobject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const actionItem of actionItems(ctx.policy)) {
      const { item, prefix, name } = actionItem;
      if (prefix === undefined || name === undefined) continue;
      const action = itemFacts(ctx.catalog, actionItem).action;
      if (!action || action.fullName === item.value) continue;
      ctx.report(item, `"${item.value}" works (action names are case-insensitive), but the documented name is "${action.fullName}".`, {
        data: { suggestion: action.fullName },
      });
    }
  },
};
