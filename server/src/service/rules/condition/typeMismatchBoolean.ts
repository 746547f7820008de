/** TYPE_MISMATCH_BOOLEAN: a Bool or Null condition value that is not true/false (it can never match as meant). */

import type { Rule } from '../rule';
import { parseBoolValue } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const typeMismatchBoolean: Rule = {
  code: 'TYPE_MISMATCH_BOOLEAN',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A Bool or Null condition value is not "true" or "false".',
  catalogue: ['C04', 'C14'],
  accessAnalyzer: ['TYPE_MISMATCH_BOOLEAN'],
  docs: `\`Bool\` compares against \`true\`/\`false\`, and \`Null\` takes \`true\` (key absent) or \`false\`
(key present). Any other value never matches, so the statement silently does nothing (Allow) or never
applies (Deny).

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "no" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (!op || (op.operator.family !== 'Bool' && op.operator.family !== 'Null')) continue;
      for (const v of entry.values) {
        // Bool accepts policy variables (operator page), e.g. "${aws:MultiFactorAuthPresent}"
        if (typeof v.value === 'string' && v.value.includes('${') && op.operator.family === 'Bool') continue;
        if (parseBoolValue(v.value) !== undefined) continue;
        ctx.report(v, `${show(v.value)} is not a boolean: ${op.operator.name} takes "true" or "false".`, { data: { value: v.value } });
      }
    }
  },
};
