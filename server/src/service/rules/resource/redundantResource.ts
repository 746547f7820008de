/** REDUNDANT_RESOURCE (R09): an ARN already covered by another entry of the same Resource/NotResource list. */

import type { Rule } from '../rule';
import { tokenize, tokensCover } from '../../knowledge/arnMatch';
import { isTemplated } from '../../parser/containers/templateValue';

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
      const items = (statement.resource?.items ?? []).filter((i) => !isTemplated(i.node));
      if (items.length < 2 || items.length > 500) continue;
      const tokens = items.map((item) => tokenize(item.value, false, false));
      items.forEach((inner, i) => {
        const t = tokens[i]!;
        const outer = items.find((_o, j) => j !== i && tokensCover(tokens[j]!, t) && (j < i || !tokensCover(t, tokens[j]!)));
        if (!outer) return;
        const same = outer.value === inner.value;
        ctx.report(inner, same ? `"${inner.value}" is listed twice; remove this copy.` : `"${inner.value}" is already covered by "${outer.value}"; remove it.`, {
          data: { coveredBy: outer.value },
          tags: ['unnecessary'],
        });
      });
    }
  },
};
