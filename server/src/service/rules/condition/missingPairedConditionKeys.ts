/** MISSING_PAIRED_CONDITION_KEYS: a key that is weak on its own (aws:VpcSourceIp) without its partner key in the statement. */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';

/**
 * Key → keys of which at least one must also be tested (IAM User Guide, aws:VpcSourceIp: "use it together
 * with aws:SourceVpc or aws:SourceVpce", since private addresses repeat across VPCs). Data, not code.
 */
export const PAIRED_KEYS: ReadonlyArray<{ key: string; partners: readonly string[] }> = [
  { key: 'aws:VpcSourceIp', partners: ['aws:SourceVpc', 'aws:SourceVpce', 'aws:SourceVpcArn'] },
];

export const missingPairedConditionKeys: Rule = {
  code: 'MISSING_PAIRED_CONDITION_KEYS',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A condition key is used without the partner key that makes it meaningful (security).',
  catalogue: ['C32'],
  accessAnalyzer: ['MISSING_PAIRED_CONDITION_KEYS'],
  docs: `Private IP addresses repeat across VPCs: \`aws:VpcSourceIp\` alone matches requests from any VPC, in any
account, that uses that range. Also test \`aws:SourceVpc\` or \`aws:SourceVpce\`.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" }, "StringEquals": { "aws:SourceVpc": "vpc-1a2b3c4d" } } }
\`\`\``,
  checkPolicy(ctx) {
    const sites = conditionSites(ctx.policy);
    for (const { statement, entry } of sites) {
      const pair = PAIRED_KEYS.find((p) => p.key.toLowerCase() === entry.key.value.toLowerCase());
      if (!pair) continue;
      const partners = new Set(pair.partners.map((p) => p.toLowerCase()));
      const present = sites.some((s) => s.statement === statement && partners.has(s.entry.key.value.toLowerCase()));
      if (present) continue;
      ctx.report(entry.key, `"${entry.key.value}" alone matches the same addresses in any VPC: also test ${pair.partners.map((p) => `"${p}"`).join(' or ')}.`, {
        data: { key: entry.key.value, partners: pair.partners },
      });
    }
  },
};
