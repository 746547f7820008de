/**
 * INVALID_REGION: a Region condition value (aws:RequestedRegion, ec2:Region, ...) that is no AWS Region.
 * Malformed names are errors; well-formed names missing from our table only warnings (new Regions launch).
 */

import type { Rule } from '../rule';
import { globMatch, hasWildcard } from '../../knowledge/glob';
import { ALL_REGIONS, isKnownRegion, looksLikeRegion } from '../../knowledge/partitions';
import { closestMatch } from '../../knowledge/suggest';
import { conditionSites, show } from './conditionUtil';

const REGION_KEYS = new Set(['aws:requestedregion', 'ec2:region']);

export const invalidRegion: Rule = {
  code: 'INVALID_REGION',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A Region condition value is not an AWS Region.',
  catalogue: ['C30'],
  accessAnalyzer: ['INVALID_REGION'],
  docs: `\`aws:RequestedRegion\` holds Region codes such as \`eu-west-1\`. A misspelt Region never matches: an Allow
grants nothing and a \`StringNotEquals\` Deny blocks every Region.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-centrall-1"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (!REGION_KEYS.has(entry.key.value.toLowerCase()) || op?.operator.family !== 'String') continue;
      const ignoreCase = op.operator.ignoresCase;
      for (const v of entry.values) {
        if (typeof v.value !== 'string' || v.value.includes('${')) continue;
        const value = ignoreCase ? v.value.toLowerCase() : v.value;
        if (op.operator.supportsWildcards && hasWildcard(value)) {
          if (ALL_REGIONS.some((r) => globMatch(value, r, false))) continue;
          ctx.report(v, `${show(v.value)} matches no AWS Region: check the pattern.`, { data: { value: v.value } });
          continue;
        }
        if (isKnownRegion(value)) continue;
        const suggestion = closestMatch(value, ALL_REGIONS);
        const wellFormed = looksLikeRegion(value);
        ctx.report(
          v,
          wellFormed
            ? `${show(v.value)} is not a Region we know${suggestion ? `: did you mean "${suggestion}"?` : '; check the Region code.'}`
            : `${show(v.value)} is not an AWS Region${suggestion ? `: did you mean "${suggestion}"?` : '; Region codes look like "eu-west-1".'}`,
          { data: { value: v.value, ...(suggestion ? { suggestion } : {}) }, ...(wellFormed ? { severity: 'warning' as const } : {}) },
        );
      }
    }
  },
};
