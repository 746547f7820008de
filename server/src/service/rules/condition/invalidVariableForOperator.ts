/** INVALID_VARIABLE_FOR_OPERATOR: a policy variable in a value of an operator that takes none (Numeric, Date, Binary, IP, Null). */

import type { Rule } from '../rule';
import { scanPolicyVariables } from '../../knowledge/policyVariables';
import { conditionSites, subSpan } from './conditionUtil';

export const invalidVariableForOperator: Rule = {
  code: 'INVALID_VARIABLE_FOR_OPERATOR',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A policy variable is used with an operator that does not support variables.',
  catalogue: ['C18'],
  accessAnalyzer: ['INVALID_VARIABLE_FOR_OPERATOR'],
  docs: `Policy variables are replaced only in String, ARN and Bool operator values. With Numeric, Date,
Binary, IpAddress or Null operators \`\${...}\` is not substituted and the value is invalid.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "NumericLessThan": { "s3:max-keys": "\${aws:PrincipalTag/maxkeys}" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "NumericLessThan": { "s3:max-keys": "100" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op || op.operator.allowsVariables) continue;
      for (const v of entry.values) {
        if (typeof v.value !== 'string') continue;
        const variable = scanPolicyVariables(v.value).find((x) => x.kind === 'variable');
        if (!variable) continue;
        const text = v.value.slice(variable.start, variable.end);
        ctx.report(subSpan(ctx.text, v, variable.start, variable.end - variable.start), `"${text}" cannot be used with "${block.operator.value}": variables work only with String, Arn and Bool operators.`, {
          data: { variable: text, operator: block.operator.value },
        });
      }
    }
  },
};
