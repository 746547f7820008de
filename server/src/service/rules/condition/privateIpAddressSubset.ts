/** PRIVATE_IP_ADDRESS_SUBSET: aws:SourceIp mixes public and private ranges; the private ones never match. */

import type { Rule } from '../rule';
import { show } from './conditionUtil';
import { privateSourceIpRanges } from './privateSourceIp';

export const privateIpAddressSubset: Rule = {
  code: 'PRIVATE_IP_ADDRESS_SUBSET',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'aws:SourceIp lists some private IP ranges, which never match.',
  catalogue: ['C26'],
  accessAnalyzer: ['PRIVATE_IP_ADDRESS_SUBSET', 'PRIVATE_NOT_IP_ADDRESS_SUBSET'],
  docs: `Private ranges in \`aws:SourceIp\` never match: requests from private addresses come through VPC
endpoints, where \`aws:SourceIp\` is absent. Remove them or test \`aws:VpcSourceIp\` in another statement.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": ["203.0.113.0/24"] } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const r of privateSourceIpRanges(ctx)) {
      if (r.all) continue;
      for (const v of r.privateValues) {
        ctx.report(v, `${show(v.value)} is a private range, which "aws:SourceIp" never contains: remove it or use "aws:VpcSourceIp".`, {
          data: { value: v.value, key: r.entry.key.value },
          tags: ['unnecessary'],
        });
      }
    }
  },
};
