/** TRUSTED_BY_COMPUTE_SERVICE: a role trusted by EC2, ECS tasks, EKS or Lambda: code on that compute runs with it (S22). */

import type { Rule } from '../rule';
import { COMPUTE_SERVICE_PRINCIPALS } from '../../knowledge/principals';
import { isAllow } from './statementFacts';

function computeService(value: string): string | undefined {
  const lower = value.toLowerCase().replace(/\.cn$/, '');
  return COMPUTE_SERVICE_PRINCIPALS.find((c) => c === lower);
}

export const computeServiceTrust: Rule = {
  code: 'TRUSTED_BY_COMPUTE_SERVICE',
  defaultSeverity: 'info',
  category: 'security',
  summary: 'The role can be assumed by a compute service (EC2, ECS tasks, EKS, Lambda).',
  catalogue: ['S22'],
  docs: `Code running on the compute service holds this role's credentials, so anyone who can run code there (or
reach the instance metadata) acts with the role's permissions. Keep the role's permissions minimal. This is
information, not an error: compute roles are normal.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "codebuild.amazonaws.com" }, "Action": "sts:AssumeRole" }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'trust') return;
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.principal || s.principal.negated) continue;
      for (const e of s.principal.entries) {
        if (e.type.value !== 'Service') continue;
        for (const v of e.values) {
          const service = computeService(v.value);
          if (!service) continue;
          ctx.report(v, `Service "${v.value}" can assume this role, so code running there holds its credentials: keep the role's permissions minimal.`, {
            data: { service },
          });
        }
      }
    }
  },
};
