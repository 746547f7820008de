/**
 * INTRINSIC_IN_POLICY_STRING: a CloudFormation intrinsic object (`{"Fn::Sub": …}`, `{"Ref": …}`) inside a policy
 * written as a string (a YAML `|` block of JSON, an escaped JSON string). Found by the template reader.
 */

import type { Rule } from '../rule';

export const intrinsicInPolicyString: Rule = {
  code: 'INTRINSIC_IN_POLICY_STRING',
  defaultSeverity: 'error',
  category: 'syntax',
  summary: 'A policy written as a string holds an intrinsic function object, which CloudFormation never evaluates.',
  catalogue: ['G01'],
  docs: `CloudFormation evaluates intrinsic functions only where they are template values. A policy written as a string
(a YAML \`PolicyDocument: |\` block holding JSON, or an escaped JSON string) is passed to IAM as it is, so a
\`{"Fn::Sub": …}\` or \`{"Ref": …}\` object inside it reaches IAM as an object where a string is expected, and IAM
rejects the policy (MalformedPolicyDocument). Write the policy as a YAML/JSON object, where intrinsics work, or wrap
the whole string in \`Fn::Sub\` and use \`\${…}\` placeholders.

Bad (inside \`PolicyDocument: |\`):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": { "Fn::Sub": "arn:aws:s3:::\${Bucket}/*" } } ] }
\`\`\`
Good (inside \`PolicyDocument: !Sub |\`):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::\${Bucket}/*" } ] }
\`\`\``,
  checkDocument(ctx) {
    for (const e of ctx.document.syntaxErrors) if (e.source === 'string-intrinsic') ctx.report({ offset: e.offset, length: e.length }, e.message);
  },
};
