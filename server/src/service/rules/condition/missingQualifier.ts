/**
 * MISSING_QUALIFIER: a multivalued key (aws:TagKeys, aws:CalledVia, ArrayOf* keys) without ForAllValues/ForAnyValue.
 * An error for the global keys our own table marks multivalued, as in Access Analyzer ("Error – Missing
 * qualifier", https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html);
 * a warning for service keys, whose multivaluedness comes from the IAM data: AWS's own managed policies use
 * events:detail-type, which the data types ArrayOfString, with plain StringEquals (4 policies of the corpus).
 */

import type { Rule } from '../rule';
import { conditionSites, knownKeyInfo } from './conditionUtil';

export const missingQualifier: Rule = {
  code: 'MISSING_QUALIFIER',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A multivalued condition key is used without ForAllValues or ForAnyValue.',
  catalogue: ['C22'],
  accessAnalyzer: ['MISSING_QUALIFIER'],
  docs: `Multivalued keys (such as \`aws:TagKeys\` or \`aws:CalledVia\`) carry a set of values. Say how the set is
compared: \`ForAllValues:\` (every request value must be listed) or \`ForAnyValue:\` (at least one must be).
\`Null\` needs no qualifier.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": { "StringEquals": { "aws:TagKeys": ["Project", "Owner"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["Project", "Owner"] }, "Null": { "aws:TagKeys": "false" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op || op.qualifier || op.operator.family === 'Null') continue;
      const info = knownKeyInfo(ctx.catalog, entry.key.value);
      if (!info?.multiValued) continue;
      const base = block.operator.value;
      ctx.report(entry.key, `"${entry.key.value}" is multivalued: use "ForAnyValue:${base}" (any value matches) or "ForAllValues:${base}" (every value matches).`, {
        ...(info.global ? {} : { severity: 'warning' as const }),
        data: { key: entry.key.value, operator: base, suggestions: [`ForAnyValue:${base}`, `ForAllValues:${base}`] },
      });
    }
  },
};
