/** POLICY_SIZE_EXCEEDS_SCP_QUOTA: an SCP or RCP over 5,120 characters (an error even minified; a warning when only whitespace pushes it over). */

import type { Rule } from '../rule';
import { formatCount, policyCharacters, policyNonWhitespace, sizeAnchor } from './policySize';

export const ORGANIZATIONS_POLICY_LIMIT = 5120;

export const organizationsPolicySize: Rule = {
  code: 'POLICY_SIZE_EXCEEDS_SCP_QUOTA',
  defaultSeverity: 'error',
  category: 'limits',
  summary: 'A service or resource control policy is longer than 5,120 characters.',
  catalogue: ['L04'],
  accessAnalyzer: ['POLICY_SIZE_EXCEEDS_SCP_QUOTA'],
  docs: `AWS Organizations limits each SCP and RCP to 5,120 characters. Saved through the API, the CLI or an
IaC tool, the policy is stored as written and whitespace counts too; the console strips whitespace between
elements first. Over the limit even without whitespace is an error (split the policy: up to five SCPs can be
attached to each root, OU and account); over it only because of whitespace is a warning (minify it).

Bad: a 5,400-character pretty-printed SCP. Good: the same policy minified, or split in two.
\`\`\`json
{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}
\`\`\``,
  checkPolicy(ctx) {
    const type = ctx.policy.policyType;
    if (type !== 'scp' && type !== 'rcp') return;
    const characters = policyCharacters(ctx.policy, ctx.text);
    if (characters <= ORGANIZATIONS_POLICY_LIMIT) return;
    const nonWhitespace = policyNonWhitespace(ctx);
    const what = type === 'scp' ? 'service control policy' : 'resource control policy';
    if (nonWhitespace <= ORGANIZATIONS_POLICY_LIMIT) {
      // the console strips whitespace between elements before counting; the API, CLI and IaC tools do not
      ctx.report(
        sizeAnchor(ctx.policy),
        `This ${what} has ${formatCount(characters)} characters including whitespace, over the ${formatCount(ORGANIZATIONS_POLICY_LIMIT)} Organizations allows when saved through the API, CLI or IaC tools (the console strips whitespace): minify it.`,
        { data: { size: characters, limit: ORGANIZATIONS_POLICY_LIMIT, nonWhitespace }, severity: 'warning' },
      );
      return;
    }
    ctx.report(
      sizeAnchor(ctx.policy),
      `This ${what} has ${formatCount(nonWhitespace)} characters even without whitespace, over the ${formatCount(ORGANIZATIONS_POLICY_LIMIT)} Organizations allows: split it into several policies.`,
      { data: { size: characters, limit: ORGANIZATIONS_POLICY_LIMIT, nonWhitespace } },
    );
  },
};
