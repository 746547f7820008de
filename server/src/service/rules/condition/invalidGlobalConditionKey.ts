/** INVALID_GLOBAL_CONDITION_KEY: an "aws:" key that does not exist; suggests the nearest real key. */

import type { Rule } from '../rule';
import { classifyKey, conditionSites, suggestConditionKey } from './conditionUtil';
import { isPatternWithoutSuffix } from './missingTagKeyInCondition';

export const invalidGlobalConditionKey: Rule = {
  code: 'INVALID_GLOBAL_CONDITION_KEY',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'An aws: condition key does not exist.',
  catalogue: ['C06'],
  accessAnalyzer: ['INVALID_GLOBAL_CONDITION_KEY'],
  docs: `Only the documented global keys exist under \`aws:\`. A misspelt key is never present in the request,
so the condition never matches (or, with a negated operator or IfExists, always does).

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIP4": "203.0.113.0/24" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      if (classifyKey(ctx.catalog, key).kind !== 'unknown-global') continue;
      if (isPatternWithoutSuffix(ctx.catalog, key)) continue; // MISSING_TAG_KEY_IN_CONDITION
      const suggestion = suggestConditionKey(ctx.catalog, key);
      ctx.report(
        entry.key,
        suggestion
          ? `Unknown global condition key "${key}": did you mean "${suggestion}"?`
          : `Unknown global condition key "${key}": use one of the documented aws: keys.`,
        { data: suggestion ? { key, suggestion } : { key } },
      );
    }
  },
};
