/** INVALID_ARN_CONDITION_VALUE: an Arn* value without the six colon-separated ARN segments (it never matches). */

import type { Rule } from '../rule';
import { hasArnShape } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const invalidArnConditionValue: Rule = {
  code: 'INVALID_ARN_CONDITION_VALUE',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'An ArnEquals/ArnLike value is not a six-segment ARN.',
  catalogue: ['C14'],
  docs: `Arn operators compare the six colon-separated segments of an ARN one by one
(\`arn:partition:service:region:account:resource\`). A bucket name or account ID alone never matches.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sns:Publish", "Resource": "*", "Condition": { "ArnLike": { "aws:SourceArn": "my-bucket" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sns:Publish", "Resource": "*", "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:s3:::my-bucket" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'Arn') continue;
      for (const v of entry.values) {
        if (typeof v.value !== 'string') continue; // mixed types: INVALID_CONDITION_DATA_TYPE
        // a trailing "*" may span the remaining segments: do not guess, accept it
        if (hasArnShape(v.value) || v.value.endsWith('*')) continue;
        ctx.report(v, `${show(v.value)} is not an ARN: ${op.operator.name} compares six-segment ARNs such as "arn:aws:s3:::my-bucket".`, { data: { value: v.value } });
      }
    }
  },
};
