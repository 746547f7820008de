/** MISSING_VERSION: the policy has no Version, so IAM uses the 2008-10-17 language (no policy variables). */

import type { Rule } from '../rule';
import { closestMatch } from '../../knowledge/suggest';
import { brokenBySyntax, missingAnchor } from './grammarSpans';

export const missingVersion: Rule = {
  code: 'MISSING_VERSION',
  defaultSeverity: 'warning',
  category: 'grammar',
  summary: 'The policy has no Version element.',
  catalogue: ['G06'],
  accessAnalyzer: ['MISSING_VERSION'],
  docs: `Without \`"Version": "2012-10-17"\`, IAM evaluates the policy with the 2008-10-17 language, in which
policy variables such as \`\${aws:username}\` are plain text and never match.

Bad:
\`\`\`json
{ "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/\${aws:username}/*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/\${aws:username}/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.get('Version') || brokenBySyntax(ctx, ctx.policy.root)) return;
    // `"version": ...` already gets INVALID_POLICY_ELEMENT with a "Did you mean" fix
    if (ctx.policy.elements.some((e) => closestMatch(e.key, ['Version']) !== undefined)) return;
    ctx.report(missingAnchor(ctx.policy.root), 'The policy has no "Version": add "Version": "2012-10-17" so policy variables and current features work.', {
      data: { version: '2012-10-17' },
    });
  },
};
