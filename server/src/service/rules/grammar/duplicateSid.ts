/** DUPLICATE_SID: two statements share a Sid (an error in SCPs and RCPs, which require unique Sids). */

import type { Rule } from '../rule';
import type { Located } from '../../parser/policyModel';

const UNIQUE_REQUIRED = new Set(['scp', 'rcp']);

export const duplicateSid: Rule = {
  code: 'DUPLICATE_SID',
  defaultSeverity: 'warning',
  category: 'grammar',
  summary: 'Two statements have the same Sid.',
  catalogue: ['G15'],
  accessAnalyzer: ['UNIQUE_SIDS_RECOMMENDED', 'UNIQUE_SIDS_REQUIRED'],
  docs: `A \`Sid\` identifies a statement and should be unique within the policy. Service and resource
control policies (and some services' resource policies, e.g. SQS and SNS) reject duplicates, so there it
is an error; elsewhere duplicates only make the policy confusing to read and to edit.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Sid": "S3Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
  { "Sid": "S3Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [
  { "Sid": "S3Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
  { "Sid": "S3List", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const first = new Map<string, Located<string>>();
    const required = UNIQUE_REQUIRED.has(ctx.policy.policyType);
    for (const s of ctx.policy.statements) {
      const sid = s.sid;
      if (!sid || sid.value === '') continue;
      const earlier = first.get(sid.value);
      if (!earlier) {
        first.set(sid.value, sid);
        continue;
      }
      const message = required
        ? `Sid "${sid.value}" is already used by an earlier statement, and this policy type requires unique Sids: rename one.`
        : `Sid "${sid.value}" is already used by an earlier statement: give each statement its own Sid.`;
      ctx.report(sid, message, { data: { sid: sid.value, firstOffset: earlier.span.offset }, ...(required ? { severity: 'error' as const } : {}) });
    }
  },
};
