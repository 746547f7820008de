/** INVALID_EFFECT: Effect is a string other than exactly "Allow" or "Deny" (case-sensitive). */

import type { Rule } from '../rule';
import { grammarProblems } from './grammarProblems';
import { narrowSpan } from './grammarSpans';
import { VALID_EFFECTS } from './policySchema';

export const invalidEffect: Rule = {
  code: 'INVALID_EFFECT',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'Effect is not exactly "Allow" or "Deny".',
  catalogue: ['G10'],
  accessAnalyzer: ['INVALID_EFFECT'],
  docs: `\`Effect\` takes exactly \`"Allow"\` or \`"Deny"\`, case-sensitive.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of grammarProblems(ctx.policy)) {
      if (p.kind !== 'invalid-value' || p.element !== 'Effect') continue;
      const value = String(p.node.value);
      const suggestion = VALID_EFFECTS.find((e) => e.toLowerCase() === value.trim().toLowerCase());
      const message = suggestion
        ? `"${value}" is not a valid Effect (it is case-sensitive): use "${suggestion}".`
        : `"${value}" is not a valid Effect: use "Allow" or "Deny".`;
      ctx.report(narrowSpan(p.node, ctx.text), message, suggestion ? { data: { suggestion } } : {});
    }
  },
};
