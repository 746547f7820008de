/** INVALID_CONDITION_KEY_FORMAT: a condition key that is not `prefix:name` (e.g. "SourceIp"). */

import type { Rule } from '../rule';
import { closestMatch } from '../../knowledge/suggest';
import { GLOBAL_CONDITION_KEYS } from '../../knowledge/globalConditionKeys';
import { classifyKey, conditionSites } from './conditionUtil';

export const invalidConditionKeyFormat: Rule = {
  code: 'INVALID_CONDITION_KEY_FORMAT',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A condition key is not of the form prefix:name.',
  catalogue: ['C05'],
  accessAnalyzer: ['INVALID_CONDITION_KEY_FORMAT'],
  docs: `Condition keys are \`service:name\` (\`s3:prefix\`) or \`aws:name\` for global keys. A key without
its prefix is not recognised.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "SourceIp": "203.0.113.0/24" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      if (classifyKey(ctx.catalog, key).kind !== 'malformed') continue;
      // "SourceIp" → "aws:SourceIp": the global key with the same name is the likely intent
      const bare = key.replace(/:$/, '');
      const global = bare && !bare.includes(':') ? closestMatch(`aws:${bare}`, GLOBAL_CONDITION_KEYS.filter((k) => !k.isPattern).map((k) => k.key)) : undefined;
      ctx.report(
        entry.key,
        `"${key}" is not a valid condition key: write it as "prefix:name"${global ? `, e.g. "${global}"` : ''}.`,
        { data: global ? { key, suggestion: global } : { key } },
      );
    }
  },
};
