/** REDUNDANT_RESOURCE (R09): an ARN already covered by another entry of the same Resource/NotResource list. */

import type { Rule } from '../rule';
import { tokenize, tokensCover } from '../../knowledge/arnMatch';
import { isTemplated } from '../../parser/containers/templateValue';
import { globMatch, hasWildcard } from '../../knowledge/glob';
import { firstCopies } from '../listCopies';

export const redundantResource: Rule = {
  code: 'REDUNDANT_RESOURCE',
  defaultSeverity: 'info',
  category: 'resource',
  summary: 'A resource is already covered by another entry (or wildcard) of the same list.',
  catalogue: ['R09'],
  accessAnalyzer: ['REDUNDANT_RESOURCE'],
  docs: `An ARN that another entry of the same list already matches (through a wildcard, or as a duplicate) adds
nothing. Removing it keeps the policy short (policies have size limits) and readable. ARNs are compared
case-sensitively, and a different policy variable is never assumed to cover another.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/*", "arn:aws:s3:::my-bucket/reports/*"] }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      // values built from CloudFormation/Terraform placeholders (`${Bucket}` read as `*`) cannot be compared
      const all = statement.resource?.items ?? [];
      if (all.length < 2) continue;
      const items = all.some((i) => isTemplated(i.node)) ? all.filter((i) => !isTemplated(i.node)) : all;
      if (items.length < 2 || items.length > 500) continue;
      // as in REDUNDANT_ACTION: a literal ARN covers only its own copy, so exact copies are found by comparison
      // and only wildcard entries are glob-tested (ARNs compare case-sensitively)
      const copies = firstCopies(items, (a, b) => a === b, (v) => v);
      const wildcards: number[] = [];
      items.forEach((item, index) => {
        if (hasWildcard(item.value)) wildcards.push(index);
      });
      const tokens: Array<Int32Array | undefined> = [];
      const tokensOf = (i: number): Int32Array => (tokens[i] ??= tokenize(items[i]!.value, false, false));
      items.forEach((inner, i) => {
        let outerIndex = copies[i]!;
        const literal = !hasWildcard(inner.value);
        for (const j of wildcards) {
          if (outerIndex >= 0 && j > outerIndex) break;
          if (j === i) continue;
          const covers = literal ? globMatch(items[j]!.value, inner.value, false) : tokensCover(tokensOf(j), tokensOf(i)) && (j < i || !tokensCover(tokensOf(i), tokensOf(j)));
          if (covers) {
            outerIndex = j;
            break;
          }
        }
        if (outerIndex < 0) return;
        const outer = items[outerIndex]!;
        const same = outer.value === inner.value;
        ctx.report(inner, same ? `"${inner.value}" is listed twice; remove this copy.` : `"${inner.value}" is already covered by "${outer.value}"; remove it.`, {
          data: { coveredBy: outer.value },
          tags: ['unnecessary'],
        });
      });
    }
  },
};
