/** NON_CANONICAL_CONDITION_KEY_CASE: a known condition key written in a different case than documented (quick fix). */

import type { Rule } from '../rule';
import { conditionKeyPatternPrefix } from '../../knowledge/globalConditionKeys';
import { classifyKey, conditionSites } from './conditionUtil';

/** Keys documented in two spellings: either is fine. */
const EITHER_CASE = new Set(['aws:referer']);

/** The canonical spelling of `key`, keeping a pattern key's suffix (the tag key) as written. */
export function canonicalKeyCase(canonical: string, isPattern: boolean, key: string): string {
  if (!isPattern) return canonical;
  const prefixLength = conditionKeyPatternPrefix(canonical.toLowerCase()).length;
  return canonical.slice(0, prefixLength) + key.slice(prefixLength);
}

/** "PrincipalARN" → "PrincipalArn", "OrgID" → "OrgId": an upper-case letter after another upper-case letter is lowered. */
function acronymsFolded(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    const prev = i > 0 ? key[i - 1]! : '';
    out += prev >= 'A' && prev <= 'Z' && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }
  return out;
}

export const nonCanonicalConditionKeyCase: Rule = {
  code: 'NON_CANONICAL_CONDITION_KEY_CASE',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'A condition key is written in a different case than documented.',
  catalogue: ['C35'],
  docs: `Key names are case-insensitive, so this works, but the documented spelling is easier to search
for and review. The quick fix rewrites it.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:securetransport": "false" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      const c = classifyKey(ctx.catalog, key);
      if (c.kind !== 'global' && c.kind !== 'service') continue;
      if (EITHER_CASE.has(key.toLowerCase())) continue;
      const canonical = canonicalKeyCase(c.info.key, c.info.isPattern, key);
      if (canonical === key || canonical.toLowerCase() !== key.toLowerCase()) continue;
      // acronym case only ("aws:PrincipalARN", "ec2:SourceInstanceARN", "aws:SourceIP"): AWS's own documents
      // and data use both spellings, so that is no deviation worth a hint
      if (acronymsFolded(canonical) === acronymsFolded(key)) continue;
      ctx.report(entry.key, `"${key}" is documented as "${canonical}": use the documented spelling.`, { data: { key, canonical } });
    }
  },
};
