/** DUPLICATE_KEYS_WITH_DIFFERENT_CASE: one operator block lists the same key twice, differing only in case. */

import type { Rule } from '../rule';

export const duplicateKeysWithDifferentCase: Rule = {
  code: 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'The same condition key appears twice in one operator block with different case.',
  catalogue: ['C12'],
  accessAnalyzer: ['DUPLICATE_KEYS_WITH_DIFFERENT_CASE'],
  docs: `Condition key names are case-insensitive, so \`aws:SourceIp\` and \`aws:sourceip\` in one block are the
same key twice and only one of them is used. Merge their values into one entry.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24", "aws:sourceip": "198.51.100.0/24" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      for (const block of statement.condition?.operators ?? []) {
        const first = new Map<string, string>();
        for (const entry of block.entries) {
          const key = entry.key.value;
          const lower = key.toLowerCase();
          const seen = first.get(lower);
          if (seen === undefined) {
            first.set(lower, key);
          } else if (seen !== key) {
            // exact repeats are DUPLICATE_KEY (JSON level)
            ctx.report(entry.key, `"${key}" repeats "${seen}" in "${block.operator.value}" (key names ignore case): merge their values into one entry.`, {
              data: { key, duplicateOf: seen },
            });
          }
        }
      }
    }
  },
};
