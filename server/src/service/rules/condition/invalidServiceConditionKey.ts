/**
 * INVALID_SERVICE_CONDITION_KEY: a key under a real service prefix that the service does not define, or a
 * key whose prefix is neither a service nor an identity provider. Provider keys (OIDC/SAML domains) are never reported.
 */

import type { Rule } from '../rule';
import { classifyKey, conditionSites, suggestConditionKey } from './conditionUtil';
import { isPatternWithoutSuffix } from './missingTagKeyInCondition';

export const invalidServiceConditionKey: Rule = {
  code: 'INVALID_SERVICE_CONDITION_KEY',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A service condition key does not exist, or its prefix is not a service.',
  catalogue: ['C07'],
  accessAnalyzer: ['INVALID_SERVICE_CONDITION_KEY', 'INVALID_SERVICE'],
  docs: `Service keys must be defined by the service (see the Service Authorization Reference). A misspelt
key is never in the request context. Keys of identity providers (\`accounts.google.com:aud\`,
\`token.actions.githubusercontent.com:sub\`, custom OIDC hosts, \`saml:aud\`) are accepted.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringLike": { "s3:prefixes": "home/*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringLike": { "s3:prefix": "home/*" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      const c = classifyKey(ctx.catalog, key);
      if (c.kind === 'unknown-service') {
        if (isPatternWithoutSuffix(ctx.catalog, key)) continue; // MISSING_TAG_KEY_IN_CONDITION
        const suggestion = suggestConditionKey(ctx.catalog, key);
        const sameService = suggestion?.toLowerCase().startsWith(`${c.prefix}:`) ? suggestion : undefined;
        ctx.report(
          entry.key,
          sameService
            ? `"${key}" is not a condition key of "${c.prefix}": did you mean "${sameService}"?`
            : `"${key}" is not a condition key of "${c.prefix}": check the service's condition keys.`,
          { data: sameService ? { key, service: c.prefix, suggestion: sameService } : { key, service: c.prefix } },
        );
      } else if (c.kind === 'unknown-prefix') {
        const service = ctx.catalog.closestService(c.prefix);
        const name = key.slice(key.indexOf(':') + 1);
        const candidate = service ? suggestConditionKey(ctx.catalog, `${service}:${name}`) : undefined;
        const suggestion = candidate?.toLowerCase().startsWith(`${service}:`) ? candidate : undefined;
        ctx.report(
          entry.key,
          `Unknown service "${c.prefix}" in condition key "${key}"${suggestion ? `: did you mean "${suggestion}"?` : service ? `: did you mean service "${service}"?` : '.'}`,
          { data: { key, service: c.prefix, ...(suggestion ? { suggestion } : {}), ...(service ? { suggestedService: service } : {}) } },
        );
      }
    }
  },
};
