/**
 * CROSS_ACCOUNT_ACCESS_WITHOUT_CONDITION: a resource policy allows a principal of another account with no
 * Condition (S26). "Your" accounts are settings.accountIds plus the account fields of the policy's own Resource
 * ARNs (the resource's owner); with neither, nothing is reported, since any account might be yours.
 */

import type { Rule } from '../rule';
import { principalAccount, splitArn } from '../../knowledge/principals';
import type { PolicyDocument } from '../../parser/policyModel';
import { hasCondition, isAllow } from './statementFacts';

function ownAccounts(policy: PolicyDocument, configured: readonly string[] | undefined): Set<string> {
  const own = new Set(configured ?? []);
  for (const s of policy.statements) {
    if (s.resource?.negated) continue;
    for (const r of s.resource?.items ?? []) {
      const arn = splitArn(r.value);
      if (arn && /^\d{12}$/.test(arn.account)) own.add(arn.account);
    }
  }
  return own;
}

export const crossAccountAllowWithoutCondition: Rule = {
  code: 'CROSS_ACCOUNT_ACCESS_WITHOUT_CONDITION',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A resource policy allows a principal of another account without any condition.',
  catalogue: ['S26'],
  docs: `Granting another account access to a queue, topic, key or bucket without a Condition trusts everything
that account's administrators allow. Add a condition (\`aws:PrincipalOrgID\`, \`aws:SourceArn\`, \`aws:PrincipalArn\`)
or name a specific role. The owner is taken from the \`accountIds\` setting and from the Resource ARNs.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:alerts" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:alerts",
  "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::444455556666:role/alerting" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'resource') return;
    const own = ownAccounts(ctx.policy, ctx.settings.accountIds);
    if (own.size === 0) return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || hasCondition(s) || !s.principal || s.principal.negated) continue;
      for (const e of s.principal.entries) {
        if (e.type.value !== 'AWS') continue;
        for (const v of e.values) {
          const account = principalAccount(v.value);
          if (!account || own.has(account)) continue;
          ctx.report(v, `Principal "${v.value}" is in another account (${account}) and is allowed without a condition: add one such as aws:PrincipalOrgID or aws:PrincipalArn.`, {
            data: { account, statementIndex: s.index },
          });
        }
      }
    }
  },
};
