/** POLICY_SIZE_EXCEEDS_SCP_QUOTA: an SCP or RCP over 5,120 characters, whitespace included (Organizations counts all). */

import type { Rule } from '../rule';
import { formatCount, policySize, sizeAnchor } from './policySize';

export const ORGANIZATIONS_POLICY_LIMIT = 5120;

export const organizationsPolicySize: Rule = {
  code: 'POLICY_SIZE_EXCEEDS_SCP_QUOTA',
  defaultSeverity: 'error',
  category: 'limits',
  summary: 'A service or resource control policy is longer than 5,120 characters.',
  catalogue: ['L04'],
  accessAnalyzer: ['POLICY_SIZE_EXCEEDS_SCP_QUOTA'],
  docs: `AWS Organizations limits each SCP and RCP to 5,120 characters and, unlike IAM, counts whitespace
too. Minify the JSON (the console keeps your spacing), or split the policy: up to five SCPs can be attached
to each root, OU and account.

Bad: a 5,400-character pretty-printed SCP. Good: the same policy minified, or split in two.
\`\`\`json
{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}
\`\`\``,
  checkPolicy(ctx) {
    const type = ctx.policy.policyType;
    if (type !== 'scp' && type !== 'rcp') return;
    const { characters, nonWhitespace } = policySize(ctx.policy, ctx.text);
    if (characters <= ORGANIZATIONS_POLICY_LIMIT) return;
    const what = type === 'scp' ? 'service control policy' : 'resource control policy';
    const hint = nonWhitespace <= ORGANIZATIONS_POLICY_LIMIT ? 'minify it (whitespace counts here)' : 'split it into several policies';
    ctx.report(
      sizeAnchor(ctx.policy),
      `This ${what} has ${formatCount(characters)} characters including whitespace, over the ${formatCount(ORGANIZATIONS_POLICY_LIMIT)} Organizations allows: ${hint}.`,
      { data: { size: characters, limit: ORGANIZATIONS_POLICY_LIMIT, nonWhitespace } },
    );
  },
};
