/**
 * IFEXISTS_MISUSE: IfExists that weakens a security check in an Allow (the request passes when the key is
 * absent), or that is pointless on a key every request carries.
 */

import type { Rule } from '../rule';
import { conditionSites, effectOf } from './conditionUtil';

/**
 * Keys whose absence must not grant access: a positive test on them with IfExists in an Allow is a bypass.
 * aws:MultiFactorAuthPresent is left to MFA_ANTI_PATTERN (security/mfaAntiPattern.ts), which owns that case.
 */
const SECURITY_KEYS = new Set(
  ['aws:MultiFactorAuthAge', 'aws:SourceIp', 'aws:SourceVpc', 'aws:SourceVpce', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'aws:VpcSourceIp'].map((k) => k.toLowerCase()),
);

/**
 * Keys the IAM User Guide says are always in the request context, signed or anonymous ("Availability – This
 * key is always included"). Principal keys are left out: anonymous requests to resource policies lack them.
 */
export const ALWAYS_PRESENT = new Set(['aws:CurrentTime', 'aws:EpochTime', 'aws:SecureTransport', 'aws:RequestedRegion'].map((k) => k.toLowerCase()));

export const ifExistsMisuse: Rule = {
  code: 'IFEXISTS_MISUSE',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'IfExists lets requests without a security key through, or is pointless on an always-present key.',
  catalogue: ['C34'],
  docs: `\`…IfExists\` is true when the key is absent. In an Allow that tests a security key such as
\`aws:SourceIp\` or \`aws:MultiFactorAuthAge\`, requests without the key (requests through a VPC endpoint,
long-term access keys) are allowed too. On keys every request has (\`aws:SecureTransport\`,
\`aws:CurrentTime\`, ...) IfExists only adds noise.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": { "IpAddressIfExists": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { statement, op, entry, block } of conditionSites(ctx.policy)) {
      if (!op?.ifExists) continue;
      const lower = entry.key.value.toLowerCase();
      const suggestion = block.operator.value.slice(0, -'IfExists'.length);
      if (ALWAYS_PRESENT.has(lower)) {
        ctx.report(entry.key, `"${entry.key.value}" is present in every request, so "IfExists" changes nothing: use "${suggestion}".`, {
          data: { key: entry.key.value, operator: block.operator.value, suggestedOperator: suggestion },
          severity: 'info',
        });
      } else if (SECURITY_KEYS.has(lower) && effectOf(statement) === 'Allow' && !op.operator.negated) {
        ctx.report(entry.key, `"${block.operator.value}" also allows requests without "${entry.key.value}": use "${suggestion}" so the key is required.`, {
          data: { key: entry.key.value, operator: block.operator.value, suggestedOperator: suggestion },
        });
      }
    }
  },
};
