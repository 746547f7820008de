/** IMPROVE_IP_RANGE: a CIDR with host bits set beyond its prefix ("10.0.0.5/24" means 10.0.0.0/24). */

import type { Rule } from '../rule';
import { cidrWithoutHostBits, parseCidr } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const improveIpRange: Rule = {
  code: 'IMPROVE_IP_RANGE',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'A CIDR range has host bits set.',
  catalogue: ['C27'],
  accessAnalyzer: ['IMPROVE_IP_RANGE'],
  docs: `IAM ignores the bits after the prefix, so \`203.0.113.7/24\` is the whole \`203.0.113.0/24\` network.
Write the network address to make the range obvious (or use /32 for one address).

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.7/24" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'IpAddress') continue;
      for (const v of entry.values) {
        if (typeof v.value !== 'string') continue;
        const c = parseCidr(v.value.trim());
        const fixed = c && cidrWithoutHostBits(c);
        if (!fixed) continue;
        ctx.report(v, `${show(v.value)} has host bits set beyond /${c.prefix}: it means "${fixed}"; write that (or /${c.version === 4 ? 32 : 128} for a single address).`, {
          data: { value: v.value, suggestion: fixed },
        });
      }
    }
  },
};
