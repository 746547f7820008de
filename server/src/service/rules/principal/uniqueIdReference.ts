// INVALID_ROLE_REFERENCE / INVALID_USER_REFERENCE: a principal written as a unique ID (AROA…/AIDA…). IAM shows
// these when the named role or user was deleted; a new one with the same name is not trusted (PR04).

import type { Rule } from '../rule';
import { uniqueIdPrefix } from '../../knowledge/principals';
import { principalValues } from './principalValues';

function uniqueIdRule(code: string, prefix: 'AROA' | 'AIDA', what: 'role' | 'user'): Rule {
  const example = what === 'role' ? 'arn:aws:iam::111122223333:role/deploy' : 'arn:aws:iam::111122223333:user/alice';
  return {
    code,
    defaultSeverity: 'warning',
    category: 'principal',
    summary: `A principal is an IAM ${what} unique ID (${prefix}…) instead of an ARN.`,
    catalogue: ['PR04'],
    accessAnalyzer: [code],
    docs: `When an IAM ${what} named in a policy is deleted, IAM rewrites the principal to its unique ID (\`${prefix}…\`).
A new ${what} with the same name gets a new ID, so the policy no longer trusts anyone. Replace the ID with the
${what}'s ARN (or remove it).

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "${prefix}EXAMPLEID12345678" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "${example}" }, "Action": "sts:AssumeRole" }
\`\`\``,
    checkPolicy(ctx) {
      for (const p of principalValues(ctx.policy)) {
        if (p.type !== 'AWS' || uniqueIdPrefix(p.value.value) !== prefix) continue;
        ctx.report(
          p.value,
          `Principal "${p.value.value}" is the unique ID of an IAM ${what}, probably one that was deleted: replace it with the ${what}'s ARN or remove it.`,
          { data: { value: p.value.value, kind: what } },
        );
      }
    },
  };
}

export const invalidRoleReference: Rule = uniqueIdRule('INVALID_ROLE_REFERENCE', 'AROA', 'role');
export const invalidUserReference: Rule = uniqueIdRule('INVALID_USER_REFERENCE', 'AIDA', 'user');
