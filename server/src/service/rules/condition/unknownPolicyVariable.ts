/** UNKNOWN_POLICY_VARIABLE: `${name}` whose name is no known condition key (a missing key makes the statement not match). */

import type { Rule } from '../rule';
import { scanPolicyVariables } from '../../knowledge/policyVariables';
import type { Located } from '../../parser/policyModel';
import { classifyKey, subSpan } from './conditionUtil';

export const unknownPolicyVariable: Rule = {
  code: 'UNKNOWN_POLICY_VARIABLE',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A policy variable names a condition key that does not exist.',
  catalogue: ['C21'],
  docs: `A variable is replaced by the value of the request key it names. When the key does not exist, the
statement does not match (unless a default value is given). Check the spelling.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:user-name}/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:username}/*" }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.version?.value !== '2012-10-17') return;
    const check = (v: Located<unknown>): void => {
      if (typeof v.value !== 'string') return;
      for (const variable of scanPolicyVariables(v.value)) {
        if (variable.kind !== 'variable' || variable.problem) continue;
        const kind = classifyKey(ctx.catalog, variable.name).kind;
        if (kind === 'global' || kind === 'service' || kind === 'provider') continue;
        const suggestion = kind === 'malformed' ? undefined : ctx.catalog.closestConditionKey(variable.name);
        const text = v.value.slice(variable.start, variable.end);
        ctx.report(
          subSpan(ctx.text, v, variable.start, variable.end - variable.start),
          `"${variable.name}" in "${text}" is not a known condition key${suggestion ? `: did you mean "${suggestion}"?` : '; the statement will not match.'}`,
          { data: { variable: variable.name, ...(suggestion ? { suggestedKey: suggestion } : {}) } },
        );
      }
    };
    for (const statement of ctx.policy.statements) {
      for (const item of statement.resource?.items ?? []) check(item);
      for (const block of statement.condition?.operators ?? []) for (const entry of block.entries) for (const v of entry.values) check(v);
    }
  },
};
