/** TYPE_MISMATCH_IP_RANGE: an IpAddress/NotIpAddress value that is not an IPv4/IPv6 address or CIDR range. */

import type { Rule } from '../rule';
import { parseCidr } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const typeMismatchIpRange: Rule = {
  code: 'TYPE_MISMATCH_IP_RANGE',
  // an error, as in Access Analyzer (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html): such a value never matches; no AWS managed policy has one
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'An IpAddress condition value is not an IP address or CIDR range.',
  catalogue: ['C14'],
  accessAnalyzer: ['TYPE_MISMATCH_IP_RANGE'],
  docs: `\`IpAddress\`/\`NotIpAddress\` take IPv4 or IPv6 addresses or CIDR ranges such as \`203.0.113.0/24\`
or \`2001:DB8::/32\`. Anything else never matches.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/33" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'IpAddress') continue;
      for (const v of entry.values) {
        // a variable here is INVALID_VARIABLE_FOR_OPERATOR's finding, not a second one
        if (typeof v.value === 'string' && v.value.includes('${')) continue;
        if (typeof v.value === 'string' && parseCidr(v.value.trim())) continue;
        ctx.report(v, `${show(v.value)} is not an IP address or CIDR range: write it like "203.0.113.0/24" or "2001:db8::/32".`, { data: { value: v.value } });
      }
    }
  },
};
