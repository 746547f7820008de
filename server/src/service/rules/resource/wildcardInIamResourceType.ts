/** WILDCARD_IN_IAM_RESOURCE_TYPE (R12): `*`/`?` inside the type word of an IAM ARN ("user/", "role/", "policy/"). */

import type { Rule } from '../rule';
import { splitArnFields } from '../../knowledge/arnMatch';
import { hasWildcard } from '../../knowledge/glob';
import { resourceItems } from './arnAnalysis';

/** The wildcarded type word, or undefined when the type part is fine. A bare "*" (all IAM resources) is fine. */
export function wildcardIamType(value: string): string | undefined {
  const f = splitArnFields(value);
  if (f.length < 6 || f[2] !== 'iam') return undefined;
  const resource = f[5]!;
  const slash = resource.indexOf('/');
  const type = slash < 0 ? resource : resource.slice(0, slash);
  if (!hasWildcard(type)) return undefined;
  if (slash < 0 && /^\*+$/.test(type)) return undefined;
  return type;
}

export const wildcardInIamResourceType: Rule = {
  code: 'WILDCARD_IN_IAM_RESOURCE_TYPE',
  defaultSeverity: 'warning',
  category: 'resource',
  summary: 'An IAM ARN has a wildcard inside its resource type word (user/, role/, policy/…).',
  catalogue: ['R12'],
  docs: `In IAM ARNs the word before the first "/" says what kind of resource it is. The IAM User Guide
(IAM identifiers) says not to use wildcards in it: "arn:aws:iam::123456789012:u*" is not a way to say "all
users". Write the type in full and put the wildcard in the name or path.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::123456789012:ro*/app-*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::123456789012:role/app-*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const { item, templated } of resourceItems(ctx.policy)) {
      if (templated) continue;
      const type = wildcardIamType(item.value);
      if (type === undefined) continue;
      ctx.report(item, `"${item.value}" has a wildcard in the IAM resource type "${type}"; write the type ("user", "role", "policy"…) in full and put the wildcard after the "/".`, { data: { type } });
    }
  },
};
