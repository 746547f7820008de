/** INVALID_CONDITION_OPERATOR: an operator IAM does not know (wrong case, bad IfExists or set-qualifier composition). */

import type { Rule } from '../rule';
import { allOperatorNames, canonicalOperatorCase, parseOperator } from '../../knowledge/operators';
import { closestMatch } from '../../knowledge/suggest';

const QUALIFIED = ['', 'ForAllValues:', 'ForAnyValue:'].flatMap((q) => allOperatorNames().map((n) => q + n));

/** The operator the user most likely meant: same spelling in another case, else the nearest name. */
export function suggestOperator(text: string): string | undefined {
  return canonicalOperatorCase(text) ?? closestMatch(text, QUALIFIED);
}

export const invalidConditionOperator: Rule = {
  code: 'INVALID_CONDITION_OPERATOR',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'The condition operator does not exist (operator names are case-sensitive).',
  catalogue: ['C01'],
  accessAnalyzer: ['INVALID_CONDITION_OPERATOR'],
  docs: `IAM only knows the documented operators (StringEquals, ArnLike, NumericLessThan, Bool, Null, ...),
optionally with an \`IfExists\` suffix and a \`ForAllValues:\`/\`ForAnyValue:\` prefix. Names are case-sensitive:
a policy with an unknown operator is rejected.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "stringEquals": { "s3:prefix": "home/" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringEquals": { "s3:prefix": "home/" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      for (const block of statement.condition?.operators ?? []) {
        const text = block.operator.value;
        if (parseOperator(text)) continue;
        const suggestion = suggestOperator(text);
        ctx.report(
          block.operator,
          suggestion
            ? `Unknown condition operator "${text}": did you mean "${suggestion}"?`
            : `Unknown condition operator "${text}": use one of the IAM condition operators such as "StringEquals".`,
          suggestion ? { data: { operator: text, suggestion } } : { data: { operator: text } },
        );
      }
    }
  },
};
