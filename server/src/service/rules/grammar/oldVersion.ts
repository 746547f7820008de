/** OLD_VERSION: Version 2008-10-17, the legacy language (an error where Organizations requires 2012-10-17). */

import type { Rule } from '../rule';

export const oldVersion: Rule = {
  code: 'OLD_VERSION',
  defaultSeverity: 'warning',
  category: 'grammar',
  summary: 'Version 2008-10-17 is the legacy policy language.',
  catalogue: ['G08'],
  docs: `\`"Version": "2008-10-17"\` is the legacy policy language: policy variables such as
\`\${aws:username}\` are plain text there, and newer features are missing. Service and resource control
policies must use 2012-10-17, so this is an error in SCPs and RCPs.

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
    const org = ctx.policy.policyType === 'scp' || ctx.policy.policyType === 'rcp';
    const message = org
      ? `Version "2008-10-17" is not accepted in ${ctx.policy.policyType === 'scp' ? 'service' : 'resource'} control policies: use "2012-10-17".`
      : 'Version "2008-10-17" is the legacy policy language (policy variables are plain text there): use "2012-10-17".';
    ctx.report(v, message, { data: { version: '2012-10-17' }, ...(org ? { severity: 'error' as const } : {}) });
  },
};
