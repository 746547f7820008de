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
      // tokenize once; only entries of the same service (or with a wildcard service) can cover each other
      const entries = items.map((item) => {
        const colon = item.value.indexOf(':');
        const prefix = colon < 0 ? item.value.toLowerCase() : item.value.slice(0, colon).toLowerCase();
        return { item, prefix, wildPrefix: hasWildcard(prefix), tokens: tokenize(item.value, true, false) };
      });
      entries.forEach((inner, i) => {
        // a name that matches no action is INVALID_ACTION's finding; calling it redundant too is noise
        if (inner.item.value !== '*' && expandPattern(ctx.catalog, inner.item.value).length === 0) return;
        // a pattern covering this one; of two equivalent entries only the later one is reported
        const outer = entries.find(
          (o, j) =>
            j !== i &&
            (o.wildPrefix || o.prefix === inner.prefix) &&
            tokensCover(o.tokens, inner.tokens) &&
            (j < i || !tokensCover(inner.tokens, o.tokens)),
        );
        if (!outer) return;
        const same = outer.item.value.toLowerCase() === inner.item.value.toLowerCase();
        const msg = same ? `"${inner.item.value}" is listed twice; remove this copy.` : `"${inner.item.value}" is already covered by "${outer.item.value}"; remove it.`;
        ctx.report(inner.item, msg, { data: { coveredBy: outer.item.value }, tags: ['unnecessary'] });
      });
    }
  },
};
