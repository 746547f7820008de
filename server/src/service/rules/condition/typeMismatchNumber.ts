/** TYPE_MISMATCH_NUMBER: a Numeric* condition value that is not a number. */

import type { Rule } from '../rule';
import { parseNumberValue } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const typeMismatchNumber: Rule = {
  code: 'TYPE_MISMATCH_NUMBER',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A Numeric condition value is not a number.',
  catalogue: ['C14'],
  accessAnalyzer: ['TYPE_MISMATCH_NUMBER'],
  docs: `Numeric operators compare numbers; a value such as \`"1h"\` never matches.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "1h" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "3600" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'Numeric') continue;
      for (const v of entry.values) {
        // a variable here is INVALID_VARIABLE_FOR_OPERATOR's finding, not a second one
        if (typeof v.value === 'string' && v.value.includes('${')) continue;
        if (parseNumberValue(v.value) !== undefined) continue;
        ctx.report(v, `${show(v.value)} is not a number: ${op.operator.name} compares numeric values such as "3600".`, { data: { value: v.value } });
      }
    }
  },
};
