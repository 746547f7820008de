/** INVALID_VPC_FORMAT: an aws:SourceVpc / aws:SourceVpce value that is not "vpc-"/"vpce-" + 8 or 17 characters. */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { conditionSites, show } from './conditionUtil';

const FORMATS: Readonly<Record<string, { prefix: string; example: string }>> = {
  'aws:sourcevpc': { prefix: 'vpc-', example: 'vpc-1a2b3c4d' },
  'aws:ec2instancesourcevpc': { prefix: 'vpc-', example: 'vpc-1a2b3c4d' },
  'aws:sourcevpce': { prefix: 'vpce-', example: 'vpce-1a2b3c4d' },
};

export function isResourceId(value: string, prefix: string): boolean {
  if (!value.startsWith(prefix)) return false;
  const rest = value.slice(prefix.length);
  return (rest.length === 8 || rest.length === 17) && /^[0-9a-zA-Z]+$/.test(rest);
}

export const invalidVpcFormat: Rule = {
  code: 'INVALID_VPC_FORMAT',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A VPC or VPC endpoint ID in a condition is malformed.',
  catalogue: ['C29'],
  accessAnalyzer: ['INVALID_VPC_FORMAT', 'INVALID_VPCE_FORMAT'],
  docs: `VPC IDs are \`vpc-\` and VPC endpoint IDs \`vpce-\` followed by 8 or 17 characters. A malformed ID
never matches.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:SourceVpce": "vpc-1a2b3c4d" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      const format = FORMATS[entry.key.value.toLowerCase()];
      if (!format || op?.operator.family !== 'String') continue;
      for (const v of entry.values) {
        if (typeof v.value !== 'string' || v.value.includes('${')) continue;
        if (op.operator.supportsWildcards && hasWildcard(v.value)) continue;
        if (isResourceId(v.value, format.prefix)) continue;
        ctx.report(v, `${show(v.value)} is not a valid ${format.prefix === 'vpc-' ? 'VPC' : 'VPC endpoint'} ID: write "${format.prefix}" and 8 or 17 characters, e.g. "${format.example}".`, {
          data: { value: v.value, key: entry.key.value },
        });
      }
    }
  },
};
