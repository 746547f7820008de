/** MISSING_GITHUB_REPO_CONDITION_KEY: GitHub Actions OIDC trust without a condition on token.actions.githubusercontent.com:sub (S21). */

import type { Rule } from '../rule';
import { GITHUB_OIDC_HOST } from '../../knowledge/principals';
import { claimOf, oidcPrincipals } from './oidcTrust';

export const missingGithubRepoConditionKey: Rule = {
  code: 'MISSING_GITHUB_REPO_CONDITION_KEY',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'GitHub Actions can assume the role from any repository: no condition on the "sub" claim.',
  catalogue: ['S21'],
  accessAnalyzer: ['MISSING_GITHUB_REPO_CONDITION_KEY'],
  docs: `Every GitHub Actions workflow, in any repository of any GitHub user, gets tokens from
\`token.actions.githubusercontent.com\`. Without a condition on \`token.actions.githubusercontent.com:sub\` all of
them can assume the role. Limit it to your repository (and branch or environment).

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of oidcPrincipals(ctx.policy)) {
      if (!p.github || p.uses.some((u) => claimOf(u, p.prefix) === 'sub')) continue;
      ctx.report(p.value, `GitHub OIDC principal "${p.value.value}" has no condition on "${GITHUB_OIDC_HOST}:sub", so any repository can assume the role: add one naming your repository.`, {
        data: { statementIndex: p.statement.index, statementOffset: p.statement.node.offset, conditionKey: `${GITHUB_OIDC_HOST}:sub`, conditionOperator: 'StringEquals' },
      });
    }
  },
};
