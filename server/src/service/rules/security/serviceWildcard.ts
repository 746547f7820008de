/** SERVICE_WILDCARD: "service:*" in an Allow statement; "iam:*" always warns because it allows privilege escalation (S04). */

import type { Rule } from '../rule';
import { delegatesToAccounts, grantsAccess, hasCondition, isAllow } from './statementFacts';

/** "svc:*" exactly: the whole service (patterns like "s3:Get*" are narrower and not this rule's business). */
function serviceOf(value: string): string | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || value.slice(colon + 1) !== '*') return undefined;
  const svc = value.slice(0, colon);
  return svc.includes('*') || svc.includes('?') ? undefined : svc.toLowerCase();
}

export const serviceWildcard: Rule = {
  code: 'SERVICE_WILDCARD',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An Allow statement grants every action of a service ("s3:*"); "iam:*" allows privilege escalation.',
  catalogue: ['S04'],
  docs: `\`"s3:*"\` grants every action of the service, including destructive and permission-changing ones and any
added later. List the actions needed. \`"iam:*"\` is worse: it lets the holder grant itself anything, so it is
reported even with conditions. With conditions, other services are reported as information only.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["iam:GetRole", "iam:ListRoles"], "Resource": "*" }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsAccess(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.action || s.action.negated || delegatesToAccounts(s)) continue;
      const conditioned = hasCondition(s);
      for (const item of s.action.items) {
        const service = serviceOf(item.value);
        if (!service || !ctx.catalog.getService(service)) continue;
        if (service === 'iam') {
          ctx.report(item, `Action "${item.value}" grants full control of IAM, which lets the holder give itself any permission: list only the IAM actions that are needed.`, {
            data: { service, statementIndex: s.index, escalates: true },
          });
          continue;
        }
        ctx.report(item, `Action "${item.value}" grants every ${service} action, including ones added later: list only the actions that are needed.`, {
          data: { service, statementIndex: s.index, escalates: false },
          ...(conditioned ? { severity: 'info' as const } : {}),
        });
      }
    }
  },
};
