/**
 * CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: a trust policy trusts a principal of another account without
 * sts:ExternalId, aws:PrincipalOrgID/OrgPaths or an MFA condition (S18). "Another account" needs
 * settings.accountIds; without it we cannot know whose account an ID is, so the finding is information
 * worded as a question ("if … is not yours").
 */

import type { Rule } from '../rule';
import { classifyAwsPrincipal } from '../../knowledge/principals';
import { isAllow, usesConditionKey } from './statementFacts';

const GUARD_KEYS = ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:MultiFactorAuthPresent'];

export const crossAccountTrust: Rule = {
  code: 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A role trusts another account without an ExternalId, organization or MFA condition.',
  catalogue: ['S18'],
  docs: `A role that another account can assume should say why that account may: for a third party, require
\`sts:ExternalId\` (it prevents the confused-deputy problem); inside your organization, require
\`aws:PrincipalOrgID\`; for people, require MFA. Set \`accountIds\` to your own account IDs to make this check
exact; without it, account principals are reported as information ("if this account is not yours").

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole",
  "Condition": { "StringEquals": { "sts:ExternalId": "Unique-ID-from-the-vendor" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    const own = new Set(ctx.settings.accountIds ?? []);
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.principal || s.principal.negated || usesConditionKey(s, GUARD_KEYS)) continue;
      for (const e of s.principal.entries) {
        if (e.type.value !== 'AWS') continue;
        for (const v of e.values) {
          const account = classifyAwsPrincipal(v.value).account;
          if (!account || own.has(account)) continue;
          const data = { account, statementIndex: s.index, known: own.size > 0, conditionKey: 'sts:ExternalId' };
          if (own.size > 0) {
            ctx.report(v, `Principal "${v.value}" is in account ${account}, not one of yours, and the role has no sts:ExternalId or aws:PrincipalOrgID condition: add one.`, { data });
          } else {
            ctx.report(v, `If account ${account} in principal "${v.value}" is not yours, require sts:ExternalId or aws:PrincipalOrgID (set accountIds to check this exactly).`, {
              data,
              severity: 'info',
            });
          }
        }
      }
    }
  },
};
