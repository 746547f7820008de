/** REDUNDANT_ACTION (A06): an action already covered by another entry (or wildcard) of the same list. */

import type { Rule } from '../rule';
import { patternCovers } from '../../knowledge/arnMatch';
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
      items.forEach((inner, i) => {
        // a name that matches no action is INVALID_ACTION's finding; calling it redundant too is noise
        if (inner.value !== '*' && expandPattern(ctx.catalog, inner.value).length === 0) return;
        // a pattern covering this one; of two equivalent entries only the later one is reported
        const outer = items.find((o, j) => j !== i && patternCovers(o.value, inner.value, true) && (!patternCovers(inner.value, o.value, true) || j < i));
        if (!outer) return;
        const same = outer.value.toLowerCase() === inner.value.toLowerCase();
        ctx.report(inner, same ? `"${inner.value}" is listed twice; remove this copy.` : `"${inner.value}" is already covered by "${outer.value}"; remove it.`, {
          data: { coveredBy: outer.value },
          tags: ['unnecessary'],
        });
      });
    }
  },
};
