/**
 * REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY: an assumed-role session listed next to its own role, which already covers
 * every session (PR07). Principal only: in NotPrincipal each session must be listed.
 */

import type { Rule } from '../rule';
import { classifyAwsPrincipal } from '../../knowledge/principals';

export const redundantAssumedRolePrincipal: Rule = {
  code: 'REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY',
  defaultSeverity: 'info',
  category: 'principal',
  summary: 'An assumed-role session principal is listed alongside the role itself.',
  catalogue: ['PR07'],
  accessAnalyzer: ['REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY'],
  docs: `A role ARN in a principal matches every session of that role, so also listing one session
(\`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION\`) adds nothing. Remove the session principal.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::111122223333:role/ci", "arn:aws:sts::111122223333:assumed-role/ci/build"] }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/ci" }, "Action": "sts:AssumeRole" }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      // NotPrincipal matches literally: a Deny that spares a role must list its session ARNs too (IAM User
      // Guide, reference_policies_elements_notprincipal), so the session there is not redundant
      if (s.principal?.negated) continue;
      const values = (s.principal?.entries ?? []).filter((e) => e.type.value === 'AWS').flatMap((e) => e.values);
      const roles = new Set<string>();
      for (const v of values) {
        const info = classifyAwsPrincipal(v.value);
        if (info.kind === 'role') roles.add(`${info.account}/${info.name}`);
      }
      if (roles.size === 0) continue;
      for (const v of values) {
        const info = classifyAwsPrincipal(v.value);
        if (info.kind !== 'assumed-role' || !roles.has(`${info.account}/${info.name}`)) continue;
        ctx.report(v, `Principal "${v.value}" is redundant: the role "${info.name}" is already trusted, which covers all of its sessions.`, {
          data: { value: v.value },
          tags: ['unnecessary'],
        });
      }
    }
  },
};
