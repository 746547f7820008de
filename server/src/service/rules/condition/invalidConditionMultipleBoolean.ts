/** INVALID_CONDITION_MULTIPLE_BOOLEAN: a Bool/Null key given several values ("true" and "false" makes it always true). */

import type { Rule } from '../rule';
import { parseBoolValue } from '../../knowledge/conditionValues';
import { conditionSites } from './conditionUtil';

export const invalidConditionMultipleBoolean: Rule = {
  code: 'INVALID_CONDITION_MULTIPLE_BOOLEAN',
  // an error, as in Access Analyzer ("Error – Invalid condition multiple Boolean", https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html);
  // no AWS managed policy has one
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A Bool or Null condition key lists more than one value.',
  catalogue: ['C15'],
  accessAnalyzer: ['INVALID_CONDITION_MULTIPLE_BOOLEAN'],
  docs: `A boolean key has one value; listing both \`true\` and \`false\` makes the condition always true (for
\`Null\`: whether or not the key exists), and repeating one value adds nothing. Keep one value.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": ["false", "true"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op || (op.operator.family !== 'Bool' && op.operator.family !== 'Null') || entry.values.length < 2) continue;
      const bools = entry.values.map((v) => parseBoolValue(v.value));
      if (bools.some((b) => b === undefined)) continue; // TYPE_MISMATCH_BOOLEAN
      const both = bools.includes(true) && bools.includes(false);
      ctx.report(
        entry.key,
        both
          ? `"${entry.key.value}" lists both true and false, so "${block.operator.value}" is always true: keep one value.`
          : `"${entry.key.value}" repeats the same boolean value: keep one value.`,
        { data: { key: entry.key.value } },
      );
    }
  },
};
