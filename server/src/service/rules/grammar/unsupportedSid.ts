/** UNSUPPORTED_SID: a Sid with characters other than A-Z, a-z, 0-9 in an IAM policy (identity, boundary, trust). */

import type { Rule } from '../rule';

/** Policy types stored by IAM itself; resource policies of other services accept more (S3 allows spaces). */
const IAM_TYPES = new Set(['identity', 'boundary', 'trust']);

export const unsupportedSid: Rule = {
  code: 'UNSUPPORTED_SID',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'Sid contains characters IAM does not accept.',
  catalogue: ['G14'],
  accessAnalyzer: ['UNSUPPORTED_SID'],
  docs: `In IAM policies (identity, permission boundary, role trust) a \`Sid\` may contain only ASCII letters
and digits. Resource policies of other services (e.g. S3 bucket policies) accept more, so they are not
checked.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Sid": "read-only access", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Sid": "ReadOnlyAccess", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (!IAM_TYPES.has(ctx.policy.policyType)) return;
    for (const s of ctx.policy.statements) {
      const sid = s.sid;
      if (!sid || sid.value === '' || /^[A-Za-z0-9]+$/.test(sid.value)) continue;
      const suggestion = pascalCase(sid.value);
      const badChars = [...new Set(sid.value.replace(/[A-Za-z0-9]/g, ''))].map((c) => (c === ' ' ? 'a space' : `"${c}"`));
      const bad = badChars.length > 1 ? `${badChars.slice(0, -1).join(', ')} and ${badChars[badChars.length - 1]}` : badChars[0];
      ctx.report(sid, `Sid "${sid.value}" contains ${bad}: IAM accepts only letters A-Z, a-z and digits 0-9${suggestion ? `, e.g. "${suggestion}"` : ''}.`, {
        data: suggestion ? { suggestion } : {},
      });
    }
  },
};

/** "read-only access" -> "ReadOnlyAccess": a valid Sid that keeps the words. */
function pascalCase(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
