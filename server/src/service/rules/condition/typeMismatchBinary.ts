/** TYPE_MISMATCH_BINARY: a BinaryEquals value that is not base64. */

import type { Rule } from '../rule';
import { isBase64 } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const typeMismatchBinary: Rule = {
  code: 'TYPE_MISMATCH_BINARY',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A BinaryEquals condition value is not base64-encoded.',
  catalogue: ['C14'],
  accessAnalyzer: ['TYPE_MISMATCH_STRING'],
  docs: `\`BinaryEquals\` compares bytes; the policy must give the expected value base64-encoded.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "BinaryEquals": { "s3:x-amz-content-sha256": "not base64!" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "BinaryEquals": { "s3:x-amz-content-sha256": "QmluYXJ5VmFsdWU=" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'Binary') continue;
      for (const v of entry.values) {
        // a variable here is INVALID_VARIABLE_FOR_OPERATOR's finding, not a second one
        if (typeof v.value === 'string' && v.value.includes('${')) continue;
        if (typeof v.value === 'string' && isBase64(v.value)) continue;
        ctx.report(v, `${show(v.value)} is not base64: BinaryEquals takes the expected bytes base64-encoded.`, { data: { value: v.value } });
      }
    }
  },
};
