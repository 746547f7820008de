/** MISSING_RESOURCE: a statement has neither Resource nor NotResource (role trust policies omit it). */

import type { Rule } from '../rule';
import { anchorOf, forEachMissing } from './missingElement';

export const missingResource: Rule = {
  code: 'MISSING_RESOURCE',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'A statement has neither Resource nor NotResource.',
  catalogue: ['G12'],
  accessAnalyzer: ['MISSING_RESOURCE'],
  docs: `Every statement of an identity, resource, SCP, RCP or boundary policy must name the resources it
applies to, with \`Resource\` (or \`NotResource\`); \`"*"\` means all. Role trust policies are the exception:
the role itself is the resource, so they have no \`Resource\`.

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
      ctx.report(anchorOf(p), 'This statement has no "Resource" or "NotResource": add the resources it applies to ("*" for all).');
    });
  },
};
