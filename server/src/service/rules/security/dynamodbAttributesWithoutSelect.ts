/**
 * DYNAMODB_ATTRIBUTES_WITHOUT_SELECT: an Allow that limits DynamoDB attributes with dynamodb:Attributes but does
 * not test dynamodb:Select, so a Query/Scan can still return every projected attribute. Access Analyzer
 * security warning of the same name (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 */

import type { Rule } from '../rule';
import { conditionSites, effectOf } from '../condition/conditionUtil';

export const dynamodbAttributesWithoutSelect: Rule = {
  code: 'DYNAMODB_ATTRIBUTES_WITHOUT_SELECT',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow limits dynamodb:Attributes without a dynamodb:Select condition, so other attributes can still be returned.',
  catalogue: ['C32'],
  accessAnalyzer: ['DYNAMODB_ATTRIBUTES_WITHOUT_SELECT'],
  docs: `\`dynamodb:Attributes\` limits the attribute names a request names, but a \`Query\` or \`Scan\` that asks for
\`ALL_ATTRIBUTES\` or \`ALL_PROJECTED_ATTRIBUTES\` names none. AWS's own example pairs it with
\`dynamodb:Select\`: "The dynamodb:Select requirement prevents the API action from returning any attributes
that aren't allowed, such as from an index projection" (IAM User Guide, "Amazon DynamoDB: Allows access to
specific attributes",
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_dynamodb_attributes.html). Add
\`"StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}\` to the same statement. Answers Access Analyzer's DYNAMODB_ATTRIBUTES_WITHOUT_SELECT (a security warning): our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "arn:aws:dynamodb:*:*:table/orders", "Condition": { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["id", "status"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "arn:aws:dynamodb:*:*:table/orders", "Condition": { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["id", "status"] }, "StringEqualsIfExists": { "dynamodb:Select": "SPECIFIC_ATTRIBUTES" } } }
\`\`\``,
  checkPolicy(ctx) {
    const withSelect = new Set<number>();
    for (const { statement, entry } of conditionSites(ctx.policy)) {
      if (entry.key.value.toLowerCase() === 'dynamodb:select') withSelect.add(statement.index);
    }
    for (const { statement, entry, block } of conditionSites(ctx.policy)) {
      if (entry.key.value.toLowerCase() !== 'dynamodb:attributes' || effectOf(statement) !== 'Allow' || withSelect.has(statement.index)) continue;
      // a Null test of the key limits nothing
      if (block.operator.value.toLowerCase() === 'null') continue;
      ctx.report(entry.key, `"${entry.key.value}" limits attributes, but without a "dynamodb:Select" condition a Query or Scan can still return all attributes: add "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}.`, {
        data: { key: entry.key.value },
      });
    }
  },
};
