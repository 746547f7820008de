/**
 * STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: StringLike on an ARN-typed key (aws:SourceArn, aws:PrincipalArn,
 * ...) with a wildcard in the partition, service, Region or account field. Under StringLike a `*` may also match
 * colons, so it can run into the next fields (another account's ARN can match); ArnLike matches each field
 * separately. Access Analyzer security warning of the same name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 */

import type { Rule } from '../rule';
import { conditionSites, knownKeyInfo, show } from './conditionUtil';

/**
 * Whether a `*` or `?` before the 5th colon (in the partition, service, Region or account field) is followed by
 * more literal text: only then can the wildcard, matching colons too, shift that text into another field.
 * "arn:aws:codepipeline:*" matches the same strings under StringLike and ArnLike; "arn:aws:iam::*:root" does not.
 */
function wildcardBeforeResource(value: string): boolean {
  let colons = 0;
  for (let i = 0; i < value.length && colons < 5; i++) {
    const c = value[i];
    if (c === ':') colons++;
    else if (c === '*' || c === '?') {
      for (let j = i + 1; j < value.length; j++) if (value[j] !== '*') return true;
      return false;
    }
  }
  return false;
}

export const stringLikeOperatorWithArnConditionKeys: Rule = {
  code: 'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'StringLike on an ARN key with a wildcard before the resource part: the wildcard can span ARN fields; use ArnLike.',
  catalogue: ['C13'],
  accessAnalyzer: ['STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS'],
  docs: `ARN condition operators compare an ARN field by field: "each of the six colon-delimited components of
the ARN is checked separately and each can include multi-character match wildcards (*) or single-character
match wildcards (?)" (IAM User Guide, "Condition operators", Amazon Resource Name (ARN) condition operators,
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
\`StringLike\` compares the whole string, so a \`*\` in the Region or account field may also match colons and
run into the following fields: \`arn:aws:sns:*:111122223333:alerts\` also matches an ARN whose account field is
another account's when the resource part contains \`:111122223333:alerts\`. Use \`ArnLike\` for ARN keys.
Answers Access Analyzer's STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS (a security warning); we report only the values where StringLike and ArnLike can differ: our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "*", "Condition": { "StringLike": { "aws:SourceArn": "arn:aws:sns:*:111122223333:alerts" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "*", "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:sns:*:111122223333:alerts" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op || op.operator.family !== 'String' || !op.operator.supportsWildcards) continue;
      if (knownKeyInfo(ctx.catalog, entry.key.value)?.type !== 'ARN') continue;
      const arnOperator = block.operator.value.replace(/String(Not)?Like/, 'Arn$1Like');
      for (const v of entry.values) {
        if (typeof v.value !== 'string' || !v.value.startsWith('arn:') || !wildcardBeforeResource(v.value)) continue;
        ctx.report(v, `${show(v.value)} is matched with "${block.operator.value}" on the ARN key "${entry.key.value}": a wildcard before the resource part can span ARN fields; use "${arnOperator}".`, {
          data: { key: entry.key.value, operator: block.operator.value, suggestedOperator: arnOperator },
        });
      }
    }
  },
};
