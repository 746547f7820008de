/** INVALID_PRINCIPAL_FORMAT: Principal/NotPrincipal is neither "*" nor an object of principal types (PR01). */

import type { Rule } from '../rule';
import { classifyAwsPrincipal, classifyFederatedPrincipal, isServicePrincipalFormat } from '../../knowledge/principals';

/** The principal type a bare string most likely meant, so a quick fix can wrap it: {"AWS": value}. */
function likelyKey(value: string): string | undefined {
  if (classifyAwsPrincipal(value).kind !== 'invalid') return 'AWS';
  if (isServicePrincipalFormat(value)) return 'Service';
  const f = classifyFederatedPrincipal(value).kind;
  return f === 'saml-provider' || f === 'oidc-provider' || f === 'known-idp' ? 'Federated' : undefined;
}

export const invalidPrincipalFormat: Rule = {
  code: 'INVALID_PRINCIPAL_FORMAT',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'Principal is neither "*" nor an object such as {"AWS": …}.',
  catalogue: ['PR01'],
  accessAnalyzer: ['INVALID_PRINCIPAL_FORMAT'],
  docs: `The only string a Principal may be is \`"*"\`. Any other principal goes inside an object keyed by its
type: \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      const el = s.principal;
      const v = el?.value;
      if (!el || !v || v.type === 'object') continue;
      if (v.type === 'string') {
        const value = v.value as string;
        if (value === '*') continue;
        const key = likelyKey(value);
        ctx.report(
          v,
          key
            ? `Principal "${value}" must be inside an object: write {"${key}": "${value}"}.`
            : `Principal "${value}" is not valid: use "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}.`,
          { data: { value, ...(key ? { key } : {}) } },
        );
        continue;
      }
      ctx.report(v, `${el.key} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not ${v.type === 'array' ? 'an' : 'a'} ${v.type}.`, { data: { jsonType: v.type } });
    }
  },
};
