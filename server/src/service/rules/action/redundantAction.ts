/** REDUNDANT_ACTION (A06): an action already covered by another entry (or wildcard) of the same list. */

import type { Rule } from '../rule';
import { tokenize, tokensCover } from '../../knowledge/arnMatch';
import { globMatchAsciiCase, hasWildcard, sameIgnoringCase } from '../../knowledge/glob';
import { isTemplated } from '../../parser/containers/templateValue';
import { expandPattern } from '../../knowledge/statementActions';
import { firstCopies } from '../listCopies';

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
      const all = statement.action?.items;
      if (!all || all.length < 2) continue;
      const items = all.some((i) => isTemplated(i.node)) ? all.filter((i) => !isTemplated(i.node)) : all;
      if (items.length < 2 || items.length > 1000) continue;
      // A literal entry covers only its own (case-insensitive) copy; only wildcard entries cover others. So:
      // exact copies by comparison (listCopies.ts), and the glob test only against the few wildcard
      // entries, tokenized once: a statement costs about its length, not its length squared.
      const copies = firstCopies(items, sameIgnoringCase, (v) => v.toLowerCase());
      // the wildcard entries grouped by lowercased service prefix, and those whose prefix has a wildcard: an entry
      // is only compared with the wildcards of its own service and the wild-prefixed ones (a ReadOnlyAccess-sized
      // list has hundreds of wildcards; comparing every entry with every one of them was its largest cost)
      let byPrefix: Map<string, WildcardEntry[]> | undefined;
      const wildPrefixed: WildcardEntry[] = [];
      items.forEach((item, index) => {
        if (!hasWildcard(item.value)) return;
        const prefix = prefixOf(item.value);
        const entry: WildcardEntry = { index, value: item.value, prefix, wildPrefix: hasWildcard(prefix), tokens: undefined };
        if (entry.wildPrefix) wildPrefixed.push(entry);
        else {
          const key = prefix.toLowerCase();
          const list = (byPrefix ??= new Map()).get(key);
          if (list) list.push(entry);
          else byPrefix.set(key, [entry]);
        }
      });
      for (let i = 0; i < items.length; i++) {
        const inner = items[i]!;
        // the first entry covering this one; of two equivalent entries only the later one is reported
        let outerIndex = copies[i]!;
        if (byPrefix || wildPrefixed.length > 0) {
          const innerPrefix = prefixOf(inner.value);
          let innerTokens: Int32Array | undefined;
          const literal = !hasWildcard(inner.value);
          // the same service's wildcards and the wild-prefixed ones, merged in list order
          const same = byPrefix?.get(innerPrefix.toLowerCase()) ?? NO_ENTRIES;
          let a = 0;
          let b = 0;
          while (a < same.length || b < wildPrefixed.length) {
            const o = b >= wildPrefixed.length || (a < same.length && same[a]!.index < wildPrefixed[b]!.index) ? same[a++]! : wildPrefixed[b++]!;
            if (outerIndex >= 0 && o.index > outerIndex) break;
            if (o.index === i) continue;
            if (!o.wildPrefix && !sameIgnoringCase(o.prefix, innerPrefix)) continue;
            // a literal name is covered when the pattern matches it (and never covers a pattern back);
            // two patterns need the token-level comparison
            if (literal) {
              if (!globMatchAsciiCase(o.value, inner.value)) continue;
            } else {
              innerTokens ??= tokenize(inner.value, true, false);
              const outerTokens = (o.tokens ??= tokenize(o.value, true, false));
              if (!tokensCover(outerTokens, innerTokens) || (o.index > i && tokensCover(innerTokens, outerTokens))) continue;
            }
            outerIndex = o.index;
            break;
          }
        }
        if (outerIndex < 0) continue;
        // a name that matches no action is INVALID_ACTION's finding; calling it redundant too is noise
        if (inner.value !== '*' && expandPattern(ctx.catalog, inner.value).length === 0) continue;
        const outer = items[outerIndex]!;
        const msg = sameIgnoringCase(outer.value, inner.value) ? `"${inner.value}" is listed twice; remove this copy.` : `"${inner.value}" is already covered by "${outer.value}"; remove it.`;
        ctx.report(inner, msg, { data: { coveredBy: outer.value }, tags: ['unnecessary'] });
      }
    }
  },
};

const NO_ENTRIES: readonly WildcardEntry[] = [];

interface WildcardEntry {
  readonly index: number;
  readonly value: string;
  readonly prefix: string;
  readonly wildPrefix: boolean;
  /** made on first use: only two patterns need the token comparison */
  tokens: Int32Array | undefined;
}

function prefixOf(value: string): string {
  const colon = value.indexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}
