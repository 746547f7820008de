/**
 * REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION: a condition key that is always true because of a "*" value:
 * StringLikeIfExists "*" (true with or without the key), or StringLike "*" on a key every request carries.
 * Access Analyzer suggestion of the same name (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';
import { wildcardMeaning } from './likeWildcard';

export const redundantKeyDueToWildcardInCondition: Rule = {
  code: 'REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'A condition key is always true because its value is "*": it restricts nothing.',
  catalogue: ['C17', 'C34'],
  accessAnalyzer: ['REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION'],
  docs: `\`*\` matches every value, and \`IfExists\` makes the test true when the key is absent, so
\`"StringLikeIfExists": {"aws:ResourceTag/team": "*"}\` is true for every request; so is \`StringLike\` with
\`"*"\` on a key every request carries (\`aws:RequestedRegion\`, \`aws:CurrentTime\`, ...). The key restricts
nothing: remove it, or write the value you meant (IAM User Guide, "Condition operators":
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
Answers Access Analyzer's REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION: our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": { "StringLikeIfExists": { "aws:ResourceTag/team": "*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/team": "payments" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const site of conditionSites(ctx.policy)) {
      if (wildcardMeaning(ctx.catalog, site) !== 'always-true') continue;
      const key = site.entry.key.value;
      const why = site.op?.ifExists ? 'IfExists is also true when the key is absent' : `every request carries "${key}"`;
      ctx.report(site.entry.key, `"${site.block.operator.value}" with "*" is always true (${why}): "${key}" restricts nothing; remove it or write the value you meant.`, {
        data: { key, operator: site.block.operator.value },
        tags: ['unnecessary'],
      });
    }
  },
};
