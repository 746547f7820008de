/** INVALID_DATE_VALUE: a Date* value written as epoch seconds (valid, but easy to misread); aws:EpochTime is exempt. */

import type { Rule } from '../rule';
import { isEpochLike } from '../../knowledge/conditionValues';
import { conditionSites, show } from './conditionUtil';

export const invalidDateValue: Rule = {
  code: 'INVALID_DATE_VALUE',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A Date condition value looks like epoch seconds; prefer ISO 8601.',
  catalogue: ['C16'],
  accessAnalyzer: ['INVALID_DATE_VALUE'],
  docs: `Date operators accept epoch seconds, but a bare number is easy to get wrong (milliseconds, wrong
day) and hard to review. Write ISO 8601 dates. \`aws:EpochTime\` is meant to be compared as epoch and is
not reported.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateLessThan": { "aws:CurrentTime": "1767225600" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateLessThan": { "aws:CurrentTime": "2026-01-01T00:00:00Z" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry } of conditionSites(ctx.policy)) {
      if (op?.operator.family !== 'Date') continue;
      if (entry.key.value.toLowerCase() === 'aws:epochtime') continue;
      for (const v of entry.values) {
        if (!isEpochLike(v.value)) continue;
        const iso = epochToIso(v.value);
        ctx.report(v, `${show(v.value)} looks like epoch time: write the date in ISO 8601${iso ? `, e.g. "${iso}"` : ''}.`, {
          data: iso ? { value: v.value, suggestion: iso } : { value: v.value },
        });
      }
    }
  },
};

function epochToIso(v: unknown): string | undefined {
  const n = Number(v);
  if (!Number.isFinite(n)) return undefined;
  // 13 digits are milliseconds
  const ms = String(v).length >= 13 ? n : n * 1000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace('.000Z', 'Z');
}
