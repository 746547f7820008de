/** VARIABLE_UNSUPPORTED_IN_ELEMENT: `${...}` in Action/NotAction or Principal values, where IAM never substitutes it. */

import type { Rule } from '../rule';
import { scanPolicyVariables } from '../../knowledge/policyVariables';
import type { Located } from '../../parser/policyModel';
import { subSpan } from './conditionUtil';

export const variableUnsupportedInElement: Rule = {
  code: 'VARIABLE_UNSUPPORTED_IN_ELEMENT',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A policy variable is used outside Resource and Condition.',
  catalogue: ['C20'],
  accessAnalyzer: ['VARIABLE_UNSUPPORTED_IN_ELEMENT'],
  docs: `Policy variables are substituted only in the Resource element (the resource part of the ARN) and in
Condition values. In Action or Principal they are literal text.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:\${aws:PrincipalTag/action}", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${aws:username}/*" }
\`\`\``,
  checkPolicy(ctx) {
    const check = (v: Located<string>, element: string): void => {
      const variable = scanPolicyVariables(v.value).find((x) => x.kind === 'variable' || x.kind === 'escape');
      if (!variable) return;
      const text = v.value.slice(variable.start, variable.end);
      ctx.report(subSpan(ctx.text, v, variable.start, variable.end - variable.start), `"${text}" is not substituted in ${element}: variables work only in Resource and Condition values.`, {
        data: { variable: text, element },
      });
    };
    for (const statement of ctx.policy.statements) {
      for (const item of statement.action?.items ?? []) check(item, statement.action!.key);
      const principal = statement.principal;
      if (principal) {
        if (principal.wildcard) check(principal.wildcard, principal.key);
        for (const e of principal.entries) for (const v of e.values) check(v, principal.key);
      }
    }
  },
};
