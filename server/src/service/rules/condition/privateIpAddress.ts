/** PRIVATE_IP_ADDRESS: aws:SourceIp lists only private ranges, so the condition never matches (or NotIpAddress always does). */

import type { Rule } from '../rule';
import { privateSourceIpRanges } from './privateSourceIp';

export const privateIpAddress: Rule = {
  code: 'PRIVATE_IP_ADDRESS',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'aws:SourceIp is compared only with private IP ranges.',
  catalogue: ['C26'],
  accessAnalyzer: ['PRIVATE_IP_ADDRESS', 'PRIVATE_NOT_IP_ADDRESS'],
  docs: `\`aws:SourceIp\` is the public IP address AWS sees. Requests from private addresses reach AWS through a
VPC endpoint, where \`aws:SourceIp\` is absent: an \`IpAddress\` test on private ranges never matches and a
\`NotIpAddress\` test always does. Use \`aws:VpcSourceIp\` (with \`aws:SourceVpc\`) for private addresses.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/8" }, "StringEquals": { "aws:SourceVpc": "vpc-1a2b3c4d" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const r of privateSourceIpRanges(ctx)) {
      if (!r.all) continue;
      ctx.report(
        r.entry.key,
        r.negated
          ? `"aws:SourceIp" lists only private ranges, so "${r.operator}" is always true: use "aws:VpcSourceIp" for private addresses.`
          : `"aws:SourceIp" lists only private ranges, so "${r.operator}" never matches: use "aws:VpcSourceIp" for private addresses.`,
        { data: { key: r.entry.key.value, alternativeKey: 'aws:VpcSourceIp' } },
      );
    }
  },
};
