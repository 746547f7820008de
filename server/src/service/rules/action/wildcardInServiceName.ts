/** WILDCARD_IN_SERVICE_NAME (A05): `*` or `?` in the service prefix of an action ("s*:Get*", "*:Describe*"). */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { actionItems } from './actionItems';

export const wildcardInServiceName: Rule = {
  code: 'WILDCARD_IN_SERVICE_NAME',
  defaultSeverity: 'info',
  category: 'action',
  summary: 'The service prefix of an action contains a wildcard.',
  catalogue: ['A05'],
  accessAnalyzer: ['WILDCARD_IN_SERVICE_NAME'],
  docs: `A wildcard in the service prefix reaches actions of every matching service, including services AWS adds
later. Name the services.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "*:Describe*", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["ec2:Describe*", "rds:Describe*"], "Resource": "*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const { item, prefix } of actionItems(ctx.policy)) {
      if (prefix === undefined || !hasWildcard(prefix)) continue;
      ctx.report(item, `"${item.value}" has a wildcard in its service prefix "${prefix}", so it reaches every matching service, including future ones; name the services.`);
    }
  },
};
