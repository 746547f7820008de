/** MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY: trusting rolesanywhere.amazonaws.com without AssumeRole, SetSourceIdentity and TagSession. */

import type { Rule } from '../rule';
import { actionSpan, actionsCover } from './policyTypeUtil';

const ROLES_ANYWHERE = 'rolesanywhere.amazonaws.com';
const REQUIRED = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

export const missingActionForRolesAnywhere: Rule = {
  code: 'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A Roles Anywhere trust statement lacks AssumeRole, SetSourceIdentity or TagSession.',
  catalogue: ['T08'],
  accessAnalyzer: ['MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY'],
  docs: `IAM Roles Anywhere calls \`sts:AssumeRole\`, \`sts:SetSourceIdentity\` and \`sts:TagSession\` together
when it creates a session: the trust statement for \`rolesanywhere.amazonaws.com\` must allow all three.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"] } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      const at = actionSpan(s);
      if (!at || s.action?.negated || s.effect?.value !== 'Allow' || s.principal?.negated) continue;
      const trusts = s.principal?.entries.some((e) => e.type.value === 'Service' && e.values.some((v) => v.value.toLowerCase() === ROLES_ANYWHERE));
      if (!trusts) continue;
      const missing = REQUIRED.filter((a) => !actionsCover(s, a));
      if (missing.length === 0) continue;
      ctx.report(at, `IAM Roles Anywhere needs "sts:AssumeRole", "sts:SetSourceIdentity" and "sts:TagSession": add ${missing.map((m) => `"${m}"`).join(' and ')}.`, {
        data: { missingActions: missing },
      });
    }
  },
};
