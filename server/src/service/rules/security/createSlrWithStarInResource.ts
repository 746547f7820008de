/** CREATE_SLR_WITH_STAR_IN_RESOURCE: iam:CreateServiceLinkedRole reachable for every service (Resource "*" / NotResource) (S09). */

import type { Rule } from '../rule';
import { broadReach, VARIANTS } from './broadActionReach';
import { grantsToHolder, usesConditionKey } from './statementFacts';

const SLR_GUARD_KEYS: readonly string[] = ['iam:AWSServiceName'];

export const createSlrWithStarInResource: Rule = {
  code: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'iam:CreateServiceLinkedRole is allowed for every service; restrict it with iam:AWSServiceName.',
  catalogue: ['S09'],
  accessAnalyzer: VARIANTS.map((v) => `CREATE_SLR_WITH_${v}`),
  docs: `Creating service-linked roles for any service lets the holder give AWS services access they were never
meant to have in the account. Name the service-linked role ARNs in \`Resource\` or add the \`iam:AWSServiceName\`
condition key.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
  "Condition": { "StringEquals": { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsToHolder(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      if (usesConditionKey(s, SLR_GUARD_KEYS)) continue;
      const reach = broadReach(ctx.catalog, s, 'iam:CreateServiceLinkedRole');
      if (!reach) continue;
      const what = reach.written.toLowerCase() === 'iam:createservicelinkedrole' ? 'creates service-linked roles' : 'allows iam:CreateServiceLinkedRole';
      ctx.report(reach.at, `"${reach.written}" ${what} for every service: add a StringEquals condition on "iam:AWSServiceName".`, {
        data: {
          accessAnalyzerCode: `CREATE_SLR_WITH_${reach.variant}`,
          statementIndex: s.index,
          statementOffset: s.node.offset,
          hasCondition: s.condition !== undefined,
          conditionOperator: 'StringEquals',
          conditionKey: 'iam:AWSServiceName',
        },
      });
    }
  },
};
