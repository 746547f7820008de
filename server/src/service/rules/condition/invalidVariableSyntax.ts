/** INVALID_VARIABLE_SYNTAX: a malformed `${...}` in a condition value or Resource ARN (unclosed, empty, space, unquoted default). */

import type { Rule } from '../rule';
import { describeVariableProblem, scanPolicyVariables } from '../../knowledge/policyVariables';
import type { Located } from '../../parser/policyModel';
import { subSpan } from './conditionUtil';

export const invalidVariableSyntax: Rule = {
  code: 'INVALID_VARIABLE_SYNTAX',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A policy variable is malformed.',
  catalogue: ['C19'],
  accessAnalyzer: ['MISSING_BRACE_IN_VARIABLE', 'MISSING_QUOTE_IN_VARIABLE', 'UNSUPPORTED_SPACE_IN_VARIABLE', 'EMPTY_VARIABLE'],
  docs: `A policy variable is \`\${key}\`, optionally with a default in single quotes: \`\${key, 'default'}\`.
The escapes \`\${*}\`, \`\${?}\` and \`\${$}\` stand for the literal characters. Unclosed braces, empty
variables, spaces in the key name and unquoted defaults are rejected.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:username/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:username}/*" }
\`\`\``,
  checkPolicy(ctx) {
    // under Version 2008-10-17 (or none) ${...} is literal text: VARIABLE_UNSUPPORTED_IN_VERSION says so
    if (ctx.policy.version?.value !== '2012-10-17') return;
    const check = (v: Located<unknown>): void => {
      if (typeof v.value !== 'string') return;
      for (const variable of scanPolicyVariables(v.value)) {
        if (!variable.problem) continue;
        const text = v.value.slice(variable.start, variable.end);
        ctx.report(subSpan(ctx.text, v, variable.start, variable.end - variable.start), `The variable "${text}" ${describeVariableProblem(variable.problem)}.`, {
          data: { variable: text, problem: variable.problem },
        });
      }
    };
    for (const statement of ctx.policy.statements) {
      for (const item of statement.resource?.items ?? []) check(item);
      for (const block of statement.condition?.operators ?? []) for (const entry of block.entries) for (const v of entry.values) check(v);
    }
  },
};
