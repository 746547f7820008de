/** REDUNDANT_ACTION (A06): an action already covered by another entry (or wildcard) of the same list. */

import type { Rule } from '../rule';
import { tokenize, tokensCover } from '../../knowledge/arnMatch';
import { hasWildcard } from '../../knowledge/glob';
import { isTemplated } from '../../parser/containers/templateValue';
import { expandPattern } from '../../knowledge/statementActions';

export const redundantAction: Rule = {
  code: 'REDUNDANT_ACTION',
  defaultSeverity: 'info',
  category: 'action',
  summary: 'An action is already covered by another entry (or wildcard) of the same list.',
  catalogue: ['A06'],
  accessAnalyzer: ['REDUNDANT_ACTION'],
  docs: `"s3:GetObject" next to "s3:Get*" adds nothing: the wildcard already matches it, today and for every
action AWS adds later. Removing it keeps the policy short (policies have size limits). Names are compared
case-insensitively, as IAM does.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      const items = (statement.action?.items ?? []).filter((i) => !isTemplated(i.node));
      if (items.length < 2 || items.length > 1000) continue;
      // A literal entry covers only its own (case-insensitive) copy; only wildcard entries cover others. So:
      // exact copies through a map, and the pairwise glob test only against the few wildcard entries, with
      // tokens made once (a statement is linear in its length instead of quadratic).
      const lower = items.map((i) => i.value.toLowerCase());
      const firstIndex = new Map<string, number>();
      const wildcards: Array<{ index: number; prefix: string; wildPrefix: boolean; tokens: Int32Array }> = [];
      const prefixOf = (value: string): string => {
        const colon = value.indexOf(':');
        return colon < 0 ? value : value.slice(0, colon);
      };
      lower.forEach((value, index) => {
        if (!firstIndex.has(value)) firstIndex.set(value, index);
        if (!hasWildcard(value)) return;
        const prefix = prefixOf(value);
        wildcards.push({ index, prefix, wildPrefix: hasWildcard(prefix), tokens: tokenize(items[index]!.value, true, false) });
      });
      items.forEach((inner, i) => {
        // a name that matches no action is INVALID_ACTION's finding; calling it redundant too is noise
        if (inner.value !== '*' && expandPattern(ctx.catalog, inner.value).length === 0) return;
        // the first entry covering this one; of two equivalent entries only the later one is reported
        const copyAt = firstIndex.get(lower[i]!)!;
        let outerIndex = copyAt < i ? copyAt : -1;
        if (wildcards.length > 0) {
          const prefix = prefixOf(lower[i]!);
          let innerTokens: Int32Array | undefined;
          for (const o of wildcards) {
            if (outerIndex >= 0 && o.index > outerIndex) break;
            if (o.index === i || !(o.wildPrefix || o.prefix === prefix)) continue;
            innerTokens ??= tokenize(inner.value, true, false);
            if (tokensCover(o.tokens, innerTokens) && (o.index < i || !tokensCover(innerTokens, o.tokens))) {
              outerIndex = o.index;
              break;
            }
          }
        }
        if (outerIndex < 0) return;
        const outer = items[outerIndex]!;
        const same = lower[outerIndex] === lower[i];
        const msg = same ? `"${inner.value}" is listed twice; remove this copy.` : `"${inner.value}" is already covered by "${outer.value}"; remove it.`;
        ctx.report(inner, msg, { data: { coveredBy: outer.value }, tags: ['unnecessary'] });
      });
    }
  },
};
