/** REDUNDANT_CONDITION_VALUE_NUM: several values for a Numeric/Date less-than/greater-than operator: only the widest bound matters. */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';

export const redundantConditionValueNum: Rule = {
  code: 'REDUNDANT_CONDITION_VALUE_NUM',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'A numeric comparison lists several bounds where one is enough.',
  catalogue: ['C28'],
  accessAnalyzer: ['REDUNDANT_CONDITION_VALUE_NUM'],
  docs: `Values of one key are ORed: \`NumericLessThan\` with \`[10, 20]\` is the same as \`< 20\`. Keep the one
bound you mean.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "NumericLessThanEquals": { "s3:max-keys": ["10", "100"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "NumericLessThanEquals": { "s3:max-keys": "100" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'Numeric' || !/(Less|Greater)Than/.test(op.operator.name)) continue;
      if (entry.values.length < 2) continue;
      const nums = entry.values.map((v) => Number(v.value));
      if (nums.some((n) => !Number.isFinite(n))) continue; // TYPE_MISMATCH_NUMBER
      const less = op.operator.name.includes('Less');
      const keep = less ? Math.max(...nums) : Math.min(...nums);
      ctx.report(entry.key, `"${block.operator.value}" with ${entry.values.length} values for "${entry.key.value}" only tests the ${less ? 'largest' : 'smallest'} one: keep "${keep}".`, {
        data: { key: entry.key.value, keepValue: String(keep) },
      });
    }
  },
};
