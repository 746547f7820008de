/**
 * WILDCARD_WITHOUT_LIKE_OPERATOR: `*` or `?` in a value of an operator that compares literally (StringEquals, ...).
 * Not for a bare "*" on a key whose real value is "*" (s3:if-none-match).
 */

import type { Rule } from '../rule';
import { scanPolicyVariables } from '../../knowledge/policyVariables';
import { conditionSites, subSpan } from './conditionUtil';

/** Index of the first `*`/`?` outside `${...}` (variables and the ${*} ${?} escapes), or -1. */
export function literalWildcardIndex(value: string): number {
  const vars = scanPolicyVariables(value);
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '*' && c !== '?') continue;
    if (vars.some((v) => i >= v.start && i < v.end)) continue;
    return i;
  }
  return -1;
}

/**
 * Keys whose request value is itself a literal "*": S3 conditional writes send `If-None-Match: *`, so
 * `"StringEquals": {"s3:if-none-match": "*"}` tests exactly that header (S3 User Guide, conditional writes).
 */
const LITERAL_STAR_KEYS = new Set(['s3:if-none-match']);

export const wildcardWithoutLikeOperator: Rule = {
  code: 'WILDCARD_WITHOUT_LIKE_OPERATOR',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A condition value has * or ? but the operator does not support wildcards.',
  catalogue: ['C17'],
  accessAnalyzer: ['WILDCARD_WITHOUT_LIKE_OPERATOR'],
  docs: `\`StringEquals\` and the other non-Like operators compare literally: \`*\` and \`?\` match only those
characters. Use \`StringLike\` (or \`ArnLike\`) for patterns.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringEquals": { "s3:prefix": "home/*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringLike": { "s3:prefix": "home/*" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op || op.operator.supportsWildcards || op.operator.family !== 'String') continue;
      const literalStar = LITERAL_STAR_KEYS.has(entry.key.value.toLowerCase());
      for (const v of entry.values) {
        if (typeof v.value !== 'string' || (literalStar && v.value === '*')) continue;
        const i = literalWildcardIndex(v.value);
        if (i < 0) continue;
        const like = block.operator.value.replace(/(Equals)(IgnoreCase)?/, () => 'Like');
        ctx.report(subSpan(ctx.text, v, i, 1), `"${v.value}" has a wildcard but "${block.operator.value}" compares literally: use "${like}" or remove the "${v.value[i]}".`, {
          data: { value: v.value, operator: block.operator.value, suggestedOperator: like },
        });
      }
    }
  },
};
