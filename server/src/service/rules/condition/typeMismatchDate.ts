/** TYPE_MISMATCH_DATE: a Date* condition value that is neither ISO 8601 nor epoch seconds (epoch: INVALID_DATE_VALUE). */

import type { Rule } from '../rule';
import { isEpochLike, isIsoDate } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const typeMismatchDate: Rule = {
  code: 'TYPE_MISMATCH_DATE',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A Date condition value is not an ISO 8601 date.',
  catalogue: ['C14'],
  accessAnalyzer: ['TYPE_MISMATCH_DATE'],
  docs: `Date operators take W3C ISO 8601 dates such as \`2025-01-01T00:00:00Z\` (or epoch seconds). Other
formats never match.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateLessThan": { "aws:CurrentTime": "01/31/2025" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateLessThan": { "aws:CurrentTime": "2025-01-31T00:00:00Z" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'Date') continue;
      for (const v of entry.values) {
        // a variable here is INVALID_VARIABLE_FOR_OPERATOR's finding, not a second one
        if (typeof v.value === 'string' && v.value.includes('${')) continue;
        if (isEpochLike(v.value)) continue;
        if (typeof v.value === 'string' && isIsoDate(v.value)) continue;
        ctx.report(v, `${show(v.value)} is not an ISO 8601 date: write it like "2025-01-31T00:00:00Z".`, { data: { value: v.value } });
      }
    }
  },
};
