/**
 * EQUIVALENT_TO_NULL: StringLike "*" only tests that the key is present (Null "false"); StringNotLike "*" only
 * that it is absent (Null "true"). Access Analyzer's EQUIVALENT_TO_NULL_FALSE / EQUIVALENT_TO_NULL_TRUE
 * suggestions (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';
import { wildcardMeaning } from './likeWildcard';

export const equivalentToNull: Rule = {
  code: 'EQUIVALENT_TO_NULL',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'A StringLike/StringNotLike "*" condition only tests whether the key is present: write it as Null.',
  catalogue: ['C17'],
  accessAnalyzer: ['EQUIVALENT_TO_NULL_FALSE', 'EQUIVALENT_TO_NULL_TRUE'],
  docs: `\`*\` matches every value, so \`"StringLike": {"aws:ResourceTag/owner": "*"}\` is true exactly when the
request has the key: the same as \`"Null": {"aws:ResourceTag/owner": "false"}\`. \`StringNotLike\` (or
\`StringNotLikeIfExists\`) with \`"*"\` is true exactly when the key is absent: \`"Null": {...: "true"}\`. The
\`Null\` operator says what is meant (IAM User Guide, "Condition operators": a key absent from the request
makes a positive operator false and a negated one true). Answers Access Analyzer's EQUIVALENT_TO_NULL_FALSE and EQUIVALENT_TO_NULL_TRUE: our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": { "StringNotLike": { "aws:RequestTag/owner": "*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": { "Null": { "aws:RequestTag/owner": "true" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const site of conditionSites(ctx.policy)) {
      const meaning = wildcardMeaning(ctx.catalog, site);
      if (meaning !== 'key-present' && meaning !== 'key-absent') continue;
      const nullValue = meaning === 'key-absent' ? 'true' : 'false';
      const key = site.entry.key.value;
      ctx.report(
        site.entry.key,
        `"${site.block.operator.value}" with "*" only tests whether "${key}" is ${meaning === 'key-absent' ? 'absent' : 'present'}: write "Null": {"${key}": "${nullValue}"}.`,
        { data: { key, operator: site.block.operator.value, nullValue, accessAnalyzerCode: `EQUIVALENT_TO_NULL_${nullValue.toUpperCase()}` } },
      );
    }
  },
};
