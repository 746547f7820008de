/** PUBLIC_RESOURCE_POLICY: a resource policy allows "*" (or {"AWS": "*"}) without any condition: the resource is public (S16). */

import type { Rule } from '../rule';
import type { Located, Statement } from '../../parser/policyModel';
import { conditionUses, isAllow } from './statementFacts';

/** The "*" principal values of a statement: `"Principal": "*"` or `{"AWS": "*"}`. */
export function anyPrincipalValues(s: Statement): Located<string>[] {
  const p = s.principal;
  if (!p || p.negated) return [];
  if (p.wildcard?.value === '*') return [p.wildcard];
  return p.entries.filter((e) => e.type.value === 'AWS').flatMap((e) => e.values.filter((v) => v.value === '*'));
}

/**
 * Keys that describe the request, not the caller: a statement limited only by these is still open to anyone
 * (aws:Referer and aws:UserAgent are set by the caller and can be forged).
 */
const NOT_ABOUT_WHO = new Set(['aws:securetransport', 'aws:currenttime', 'aws:epochtime', 'aws:requestedregion', 'aws:useragent', 'aws:referer']);

function limitsWho(s: Statement): boolean {
  return conditionUses(s).some((u) => !NOT_ABOUT_WHO.has(u.entry.key.value.toLowerCase()));
}

export const publicResourcePolicy: Rule = {
  code: 'PUBLIC_RESOURCE_POLICY',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A resource policy allows any principal ("*") without conditions.',
  catalogue: ['S16'],
  docs: `\`"Principal": "*"\` without a Condition makes the resource public: anyone, signed in or anonymous, in any
account. Conditions that only describe the request (\`aws:SecureTransport\`, \`aws:RequestedRegion\`, times) or
that the caller sets itself (\`aws:Referer\`, \`aws:UserAgent\`) do not change that. If that is intended (a public website bucket), keep the actions to reads; otherwise name the
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
      if (!isAllow(s) || limitsWho(s)) continue;
      const conditioned = conditionUses(s).length > 0;
      for (const v of anyPrincipalValues(s)) {
        const why = conditioned ? 'with conditions that do not limit who may call' : 'without a condition';
        ctx.report(v, `Principal "*" ${why} makes the resource public to anyone: name the principals or add a condition such as aws:PrincipalOrgID.`, {
          data: { statementIndex: s.index, suggestedKeys: ['aws:PrincipalOrgID', 'aws:SourceVpce', 'aws:PrincipalAccount'] },
        });
      }
    }
  },
};
