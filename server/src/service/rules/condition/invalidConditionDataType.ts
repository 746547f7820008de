/** INVALID_CONDITION_DATA_TYPE: one key's value list mixes JSON types (strings with numbers or booleans). */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';

export const invalidConditionDataType: Rule = {
  code: 'INVALID_CONDITION_DATA_TYPE',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'The values of one condition key mix JSON data types.',
  catalogue: ['C15'],
  accessAnalyzer: ['INVALID_CONDITION_DATA_TYPE'],
  docs: `All values of one key must have the same JSON type. Write them all as strings (IAM reads
\`"true"\` and \`"3600"\` by the operator's type anyway).

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "NumericLessThanEquals": { "s3:max-keys": [10, "20"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "NumericLessThanEquals": { "s3:max-keys": ["10", "20"] } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      if (entry.values.length < 2) continue;
      const first = typeOf(entry.values[0]!.value);
      const odd = entry.values.find((v) => typeOf(v.value) !== first);
      if (!odd) continue;
      ctx.report(odd, `The values of "${entry.key.value}" mix ${first} and ${typeOf(odd.value)} values: write them all as strings.`, {
        data: { key: entry.key.value },
      });
    }
  },
};

function typeOf(v: unknown): string {
  return v === null ? 'null' : typeof v;
}
