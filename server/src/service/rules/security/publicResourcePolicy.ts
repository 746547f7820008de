/** PUBLIC_RESOURCE_POLICY: a resource policy allows "*" (or {"AWS": "*"}) without any condition: the resource is public (S16). */

import type { Rule } from '../rule';
import type { Located, Statement } from '../../parser/policyModel';
import { hasCondition, isAllow } from './statementFacts';

/** The "*" principal values of a statement: `"Principal": "*"` or `{"AWS": "*"}`. */
export function anyPrincipalValues(s: Statement): Located<string>[] {
  const p = s.principal;
  if (!p || p.negated) return [];
  if (p.wildcard?.value === '*') return [p.wildcard];
  return p.entries.filter((e) => e.type.value === 'AWS').flatMap((e) => e.values.filter((v) => v.value === '*'));
}

export const publicResourcePolicy: Rule = {
  code: 'PUBLIC_RESOURCE_POLICY',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A resource policy allows any principal ("*") without conditions.',
  catalogue: ['S16'],
  docs: `\`"Principal": "*"\` without a Condition makes the resource public: anyone, signed in or anonymous, in any
account. If that is intended (a public website bucket), say so by narrowing the actions; otherwise name the
principals or add conditions such as \`aws:PrincipalOrgID\` or \`aws:SourceVpce\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders",
  "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'resource') return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || hasCondition(s)) continue;
      for (const v of anyPrincipalValues(s)) {
        ctx.report(v, `Principal "*" without a condition makes the resource public to anyone: name the principals or add a condition such as aws:PrincipalOrgID.`, {
          data: { statementIndex: s.index, suggestedKeys: ['aws:PrincipalOrgID', 'aws:SourceVpce', 'aws:PrincipalAccount'] },
        });
      }
    }
  },
};
