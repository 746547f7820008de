/** TRUST_ANY_PRINCIPAL: a trust policy lets any AWS principal ("*", "arn:aws:iam::*:root") assume the role (S17). */

import type { Rule } from '../rule';
import type { Located, Statement } from '../../parser/policyModel';
import { splitArn } from '../../knowledge/principals';
import { hasCondition, isAllow } from './statementFacts';

function anyPrincipal(s: Statement): Located<string>[] {
  const p = s.principal;
  if (!p || p.negated) return [];
  if (p.wildcard?.value === '*') return [p.wildcard];
  return p.entries
    .filter((e) => e.type.value === 'AWS')
    .flatMap((e) =>
      e.values.filter((v) => {
        if (v.value === '*') return true;
        const arn = splitArn(v.value);
        return arn !== undefined && arn.service === 'iam' && arn.account === '*' && arn.resource === 'root';
      }),
    );
}

export const trustAnyPrincipal: Rule = {
  code: 'TRUST_ANY_PRINCIPAL',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A trust policy lets any AWS principal assume the role.',
  catalogue: ['S17'],
  docs: `A trust policy whose principal is \`"*"\` lets anyone in any AWS account assume the role. Without a
Condition that is a critical exposure; with conditions (reported as information) check that they really limit
who can assume it, e.g. \`aws:PrincipalOrgID\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/deployer" }, "Action": "sts:AssumeRole" }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s)) continue;
      const conditioned = hasCondition(s);
      for (const v of anyPrincipal(s)) {
        ctx.report(
          v,
          conditioned
            ? `Principal "${v.value}" lets any AWS principal assume this role when the conditions hold: check that they limit it to the intended accounts.`
            : `Principal "${v.value}" lets anyone in any AWS account assume this role: name the trusted principals or add a condition such as aws:PrincipalOrgID.`,
          { data: { statementIndex: s.index, conditioned }, ...(conditioned ? { severity: 'info' as const } : {}) },
        );
      }
    }
  },
};
