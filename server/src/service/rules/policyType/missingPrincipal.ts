/** MISSING_PRINCIPAL: a statement of a resource-based or role trust policy names no Principal/NotPrincipal. */

import type { Rule } from '../rule';
import { brokenBySyntax, missingAnchor } from '../grammar/grammarSpans';
import { TYPE_NAMES } from './policyTypeUtil';

export const missingPrincipal: Rule = {
  code: 'MISSING_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A resource or trust policy statement has no Principal.',
  catalogue: ['T02'],
  accessAnalyzer: ['MISSING_PRINCIPAL'],
  docs: `A resource-based policy (bucket policy, key policy, queue policy, ...) or a role trust policy is
attached to the resource, so each statement must say who it applies to with \`Principal\`.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "sts:AssumeRole" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const type = ctx.policy.policyType;
    if (type !== 'resource' && type !== 'trust') return;
    for (const s of ctx.policy.statements) {
      if (s.principal || brokenBySyntax(ctx, s.node)) continue;
      // `"principal": ...` is reported by INVALID_POLICY_ELEMENT with a "Did you mean" fix
      if (s.elements.some((e) => e.key.toLowerCase() === 'principal' || e.key.toLowerCase() === 'notprincipal')) continue;
      ctx.report(missingAnchor(s.node), `This statement has no "Principal": ${TYPE_NAMES[type]} must say who it applies to.`, { data: { policyType: type } });
    }
  },
};
