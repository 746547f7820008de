/** VARIABLE_UNSUPPORTED_IN_VERSION: `${...}` while Version is missing or 2008-10-17, where variables are literal text. */

import type { Rule } from '../rule';
import { scanPolicyVariables } from '../../knowledge/policyVariables';
import type { Located } from '../../parser/policyModel';
import { subSpan } from './conditionUtil';

export const variableUnsupportedInVersion: Rule = {
  code: 'VARIABLE_UNSUPPORTED_IN_VERSION',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A policy variable is used but the policy Version is not 2012-10-17.',
  catalogue: ['C20'],
  accessAnalyzer: ['VARIABLE_UNSUPPORTED_IN_VERSION'],
  docs: `Policy variables need \`"Version": "2012-10-17"\`. Without a Version, or with 2008-10-17, \`\${aws:username}\`
is matched as the literal text "\${aws:username}".

Bad:
\`\`\`json
{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:username}/*" }] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:username}/*" }] }
\`\`\``,
  checkPolicy(ctx) {
    const version = ctx.policy.version?.value;
    if (version === '2012-10-17') return;
    const check = (v: Located<unknown>): void => {
      if (typeof v.value !== 'string') return;
      const variable = scanPolicyVariables(v.value).find((x) => !x.problem);
      if (!variable) return;
      const text = v.value.slice(variable.start, variable.end);
      ctx.report(
        subSpan(ctx.text, v, variable.start, variable.end - variable.start),
        `"${text}" is literal text because the policy ${version === undefined ? 'has no Version' : `has Version "${String(version)}"`}: set "Version": "2012-10-17".`,
        { data: { variable: text, suggestedVersion: '2012-10-17' } },
      );
    };
    for (const statement of ctx.policy.statements) {
      for (const item of statement.resource?.items ?? []) check(item);
      for (const block of statement.condition?.operators ?? []) for (const entry of block.entries) for (const v of entry.values) check(v);
    }
  },
};
