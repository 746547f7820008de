/** INVALID_SERVICE_IN_ACTION (A02): the service prefix of an action is unknown; suggests the nearest one. */

import type { Rule } from '../rule';
import type { IamCatalog } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { actionItems } from './actionItems';
import { itemFacts } from './actionFacts';

function repairedName(catalog: IamCatalog, service: string, name: string): string {
  const candidate = `${service}:${name}`;
  if (hasWildcard(name)) return candidate;
  return catalog.getAction(candidate)?.fullName ?? catalog.closestAction(candidate) ?? candidate;
}

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
    for (const actionItem of actionItems(ctx.policy)) {
      const { item, prefix, name } = actionItem;
      if (prefix === undefined || name === undefined) continue;
      const facts = itemFacts(ctx.catalog, actionItem);
      if (facts.wildPrefix || facts.service) continue;
      const service = ctx.catalog.closestService(prefix);
      // prefer a replacement that names a real action of the suggested service (documented casing)
      const suggestion = service ? repairedName(ctx.catalog, service, name) : undefined;
      ctx.report(
        item,
        `"${prefix}" in "${item.value}" is not a known AWS service prefix.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        { data: suggestion ? { prefix, suggestion } : { prefix } },
      );
    }
  },
};
