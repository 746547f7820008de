/**
 * SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED: a wildcard in the GitHub "sub" condition. A wildcard in the
 * owner/repository part lets other repositories in (warning); one after "repo:owner/name:" lets any branch,
 * environment or pull request of that repository in (information) (S21).
 */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { claimOf, oidcPrincipals } from './oidcTrust';

/** "repository" when the wildcard can match other repositories, "branch" when only the part after the repo name. */
function wildcardScope(value: string): 'repository' | 'branch' | undefined {
  if (!hasWildcard(value)) return undefined;
  const m = /^repo:([^:]*)(:.*)?$/.exec(value);
  if (!m) return 'repository';
  const repo = m[1]!;
  if (hasWildcard(repo) || !repo.includes('/')) return 'repository';
  return 'branch';
}

export const specificGithubRepoRecommended: Rule = {
  code: 'SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'The GitHub "sub" condition uses a wildcard; name the repository and branch.',
  catalogue: ['S21'],
  accessAnalyzer: ['SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED'],
  docs: `A wildcard in \`token.actions.githubusercontent.com:sub\` widens who can assume the role. In the owner or
repository part (\`repo:octo-org/*\`, \`*\`) it admits other repositories (warning); after the repository
(\`repo:octo-org/octo-repo:*\`) it admits every branch, tag, environment and pull request of that repository
(information). Prefer \`repo:OWNER/REPO:ref:refs/heads/BRANCH\` or \`repo:OWNER/REPO:environment:NAME\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringLike": { "token.actions.githubusercontent.com:sub": "repo:octo-org/*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:environment:prod" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of oidcPrincipals(ctx.policy)) {
      if (!p.github) continue;
      for (const u of p.uses) {
        if (claimOf(u, p.prefix) !== 'sub' || u.operator.operator.value.toLowerCase().includes('not')) continue;
        for (const v of u.entry.values) {
          if (typeof v.value !== 'string') continue;
          const scope = wildcardScope(v.value);
          if (!scope) continue;
          ctx.report(
            v,
            scope === 'repository'
              ? `GitHub "sub" value "${v.value}" lets workflows of other repositories assume the role: name the repository, as in "repo:OWNER/REPO:ref:refs/heads/main".`
              : `GitHub "sub" value "${v.value}" admits every branch, environment and pull request of the repository: name the branch or environment.`,
            { data: { value: v.value, scope }, ...(scope === 'branch' ? { severity: 'info' as const } : {}) },
          );
        }
      }
    }
  },
};
