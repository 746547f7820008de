/**
 * REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION: StringNotLike "*" on a key every request carries is never
 * true, so the statement never applies. Access Analyzer suggestion of the same name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';
import { wildcardMeaning } from './likeWildcard';

export const redundantStatementDueToWildcardInCondition: Rule = {
  code: 'REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'A StringNotLike "*" condition on an always-present key is never true: the statement never applies.',
  catalogue: ['C17', 'H02'],
  accessAnalyzer: ['REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION'],
  docs: `Every request carries \`aws:RequestedRegion\`, \`aws:CurrentTime\`, \`aws:EpochTime\` and
\`aws:SecureTransport\` (IAM User Guide, "AWS global condition context keys": "This key is always included in
the request context"), and every value matches \`*\`. So \`StringNotLike\` with \`"*"\` on such a key is never
true, and the statement never allows or denies anything. Remove the statement, or write the value you meant.
Answers Access Analyzer's REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION: our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringNotLike": { "aws:RequestedRegion": "*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringNotLike": { "aws:RequestedRegion": "eu-*" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const site of conditionSites(ctx.policy)) {
      if (wildcardMeaning(ctx.catalog, site) !== 'never-true') continue;
      const key = site.entry.key.value;
      ctx.report(site.entry.key, `"${site.block.operator.value}" with "*" is never true (every request carries "${key}"), so this statement never applies: remove it or write the value you meant.`, {
        data: { key, operator: site.block.operator.value, statement: site.statement.index },
      });
    }
  },
};
