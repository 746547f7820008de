/** OLD_VERSION: Version 2008-10-17, the legacy language (an error in SCPs/RCPs, info when the policy has no variables). */

import type { Rule } from '../rule';

export const oldVersion: Rule = {
  code: 'OLD_VERSION',
  defaultSeverity: 'warning',
  category: 'grammar',
  summary: 'Version 2008-10-17 is the legacy policy language.',
  catalogue: ['G08'],
  docs: `\`"Version": "2008-10-17"\` is the legacy policy language: policy variables such as
\`\${aws:username}\` are plain text there, and newer features are missing. Service and resource control
policies must use 2012-10-17, so this is an error in SCPs and RCPs; without any \`\${…}\` in the policy
nothing behaves differently today, so it is only a hint (info) there.

Bad:
\`\`\`json
{ "Version": "2008-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const v = ctx.policy.version;
    if (v?.value !== '2008-10-17') return;
    const type = ctx.policy.policyType;
    if (type === 'scp' || type === 'rcp') {
      const what = type === 'scp' ? 'service' : 'resource';
      ctx.report(v, `Version "2008-10-17" is not accepted in ${what} control policies: use "2012-10-17".`, { data: { version: '2012-10-17' }, severity: 'error' });
      return;
    }
    const { offset, length } = ctx.policy.span;
    if (ctx.text.slice(offset, offset + length).includes('${')) {
      ctx.report(v, 'Version "2008-10-17" treats policy variables such as ${aws:username} as plain text, so they never match: use "2012-10-17".', {
        data: { version: '2012-10-17' },
      });
      return;
    }
    // no variables: nothing behaves differently today (AWS still generates 2008-10-17 default SNS/SQS policies)
    ctx.report(v, 'Version "2008-10-17" is the legacy policy language: use "2012-10-17" so policy variables and newer features work.', {
      data: { version: '2012-10-17' },
      severity: 'info',
    });
  },
};
