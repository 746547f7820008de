/** INVALID_SERVICE_IN_ACTION (A02): the service prefix of an action is unknown; suggests the nearest one. */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { actionItems } from './actionItems';

export const invalidServiceInAction: Rule = {
  code: 'INVALID_SERVICE_IN_ACTION',
  defaultSeverity: 'error',
  category: 'action',
  summary: 'The service prefix of an action is not a known AWS service.',
  catalogue: ['A02'],
  accessAnalyzer: ['INVALID_SERVICE_IN_ACTION'],
  docs: `The part before the colon is the service prefix ("s3", "ec2", "dynamodb"). An unknown prefix grants or
denies nothing. Prefixes are compared case-insensitively. A service newer than the bundled IAM data is
reported too: update the extension when that happens.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamo:GetItem", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const { item, prefix, name } of actionItems(ctx.policy)) {
      if (prefix === undefined || name === undefined || hasWildcard(prefix) || ctx.catalog.getService(prefix)) continue;
      const service = ctx.catalog.closestService(prefix);
      const suggestion = service ? `${service}:${name}` : undefined;
      ctx.report(
        item,
        `"${prefix}" in "${item.value}" is not a known AWS service prefix.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        { data: suggestion ? { prefix, suggestion } : { prefix } },
      );
    }
  },
};
