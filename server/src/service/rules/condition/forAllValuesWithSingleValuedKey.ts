/** FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY: ForAllValues on a single-valued key also matches when the key is absent. */

import type { Rule } from '../rule';
import { conditionSites, knownKeyInfo } from './conditionUtil';

export const forAllValuesWithSingleValuedKey: Rule = {
  code: 'FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'ForAllValues is used with a single-valued condition key (security).',
  catalogue: ['C23'],
  // AWS spells the check FORALLVALUES_… (the rule's own code, older, stays as shipped)
  accessAnalyzer: ['FORALLVALUES_WITH_SINGLE_VALUED_KEY'],
  docs: `\`ForAllValues:\` is for multivalued keys, and it is true when the key is missing from the request. On a
single-valued key such as \`aws:SourceVpc\` an Allow then also grants requests that carry no such key at
all. Drop the qualifier.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:SourceVpc": "vpc-1a2b3c4d" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpc": "vpc-1a2b3c4d" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (op?.qualifier !== 'ForAllValues' || op.operator.family === 'Null') continue;
      const info = knownKeyInfo(ctx.catalog, entry.key.value);
      if (!info || info.multiValued) continue;
      const suggestion = block.operator.value.slice('ForAllValues:'.length);
      ctx.report(entry.key, `"${entry.key.value}" is single-valued, so "${block.operator.value}" also matches requests without the key: use "${suggestion}".`, {
        data: { key: entry.key.value, operator: block.operator.value, suggestedOperator: suggestion },
      });
    }
  },
};
