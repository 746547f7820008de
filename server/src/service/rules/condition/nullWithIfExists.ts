/** NULL_WITH_IF_EXISTS: "NullIfExists" is not an operator: Null already tests whether the key exists. */

import type { Rule } from '../rule';
import { parseOperator } from '../../knowledge/operators';

export const nullWithIfExists: Rule = {
  code: 'NULL_WITH_IF_EXISTS',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'The Null operator cannot take the IfExists suffix.',
  catalogue: ['C02'],
  accessAnalyzer: ['NULL_WITH_IF_EXISTS'],
  docs: `\`Null\` tests whether a key is present, so \`IfExists\` makes no sense on it and IAM rejects
\`NullIfExists\`. Use \`Null\`.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": { "NullIfExists": { "aws:RequestTag/Owner": "true" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": { "Null": { "aws:RequestTag/Owner": "true" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      for (const block of statement.condition?.operators ?? []) {
        const op = parseOperator(block.operator.value);
        if (!op || op.operator.name !== 'Null' || !op.ifExists) continue;
        const suggestion = op.qualifier ? `${op.qualifier}:Null` : 'Null';
        ctx.report(block.operator, `"${block.operator.value}" is not allowed: Null already tests whether the key exists; use "${suggestion}".`, {
          data: { operator: block.operator.value, suggestion },
        });
      }
    }
  },
};
