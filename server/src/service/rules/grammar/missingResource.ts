/** MISSING_RESOURCE: a statement has neither Resource nor NotResource (role trust policies omit it). */

import type { Rule } from '../rule';
import type { Statement } from '../../parser/policyModel';
import { anchorOf, forEachMissing } from './missingElement';

/**
 * Services whose resource policies are attached to one resource and omit Resource (ECR repository policies,
 * Serverless Application Repository application policies): their documented examples have no Resource.
 */
const RESOURCE_OPTIONAL_SERVICES = new Set(['ecr', 'ecr-public', 'serverlessrepo']);

/** Template resources whose policy omits Resource: the policy belongs to that one resource. */
const RESOURCE_OPTIONAL_TEMPLATE_TYPES = new Set([
  'AWS::ECR::Repository',
  'AWS::ECR::PublicRepository',
  'aws_ecr_repository_policy',
  'aws_ecrpublic_repository_policy',
  'AWS::Serverless::Application',
]);

function resourceImplied(s: Statement | undefined): boolean {
  const items = s?.action?.items ?? [];
  return items.length > 0 && items.every((a) => RESOURCE_OPTIONAL_SERVICES.has(a.value.slice(0, Math.max(0, a.value.indexOf(':'))).toLowerCase()));
}

export const missingResource: Rule = {
  code: 'MISSING_RESOURCE',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'A statement has neither Resource nor NotResource.',
  catalogue: ['G12'],
  accessAnalyzer: ['MISSING_RESOURCE'],
  docs: `Every statement of an identity, resource, SCP, RCP or boundary policy must name the resources it
applies to, with \`Resource\` (or \`NotResource\`); \`"*"\` means all. Role trust policies are the exception:
the role itself is the resource, so they have no \`Resource\`; so do ECR repository and Serverless Application
Repository policies, which are not reported (recognised by their actions, or in a template by the resource
that holds the policy: \`AWS::ECR::Repository\`, \`aws_ecr_repository_policy\`).

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType === 'trust') return;
    forEachMissing(ctx, 'Resource', (p) => {
      if (ctx.policy.policyType === 'resource' && ctx.policy.resourceType !== undefined && RESOURCE_OPTIONAL_TEMPLATE_TYPES.has(ctx.policy.resourceType)) return;
      if (ctx.policy.policyType === 'resource' && resourceImplied(ctx.policy.statements.find((s) => s.node === p.object))) return;
      ctx.report(anchorOf(p), 'This statement has no "Resource" or "NotResource": add the resources it applies to ("*" for all).');
    });
  },
};
