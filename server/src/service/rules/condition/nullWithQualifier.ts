/** NULL_WITH_QUALIFIER: ForAllValues:/ForAnyValue: on Null, which tests presence and takes no value set. */

import type { Rule } from '../rule';
import { parseOperator } from '../../knowledge/operators';

export const nullWithQualifier: Rule = {
  code: 'NULL_WITH_QUALIFIER',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'The Null operator is used with ForAllValues or ForAnyValue.',
  catalogue: ['C03'],
  accessAnalyzer: ['NULL_WITH_QUALIFIER'],
  docs: `\`Null\` checks whether a key is present; a set qualifier adds nothing and makes the condition
always true or always false. Drop the qualifier.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*", "Condition": { "ForAllValues:Null": { "aws:TagKeys": "true" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*", "Condition": { "Null": { "aws:TagKeys": "true" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      for (const block of statement.condition?.operators ?? []) {
        const op = parseOperator(block.operator.value);
        if (!op || op.operator.name !== 'Null' || !op.qualifier) continue;
        ctx.report(block.operator, `"${block.operator.value}": Null tests whether the key exists, so "${op.qualifier}" makes it always true or always false; use "Null".`, {
          data: { operator: block.operator.value, suggestion: 'Null' },
        });
      }
    }
  },
};
