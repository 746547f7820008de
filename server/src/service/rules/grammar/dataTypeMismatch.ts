/** DATA_TYPE_MISMATCH: an element holds the wrong JSON type (Effect a number, Condition an array, ...). */

import type { Rule } from '../rule';
import { grammarProblems } from './grammarProblems';
import { describePath, expectedPhrase, jsonTypePhrase, narrowSpan } from './grammarSpans';

export const dataTypeMismatch: Rule = {
  code: 'DATA_TYPE_MISMATCH',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'An element has the wrong JSON type.',
  catalogue: ['G04'],
  accessAnalyzer: ['DATA_TYPE_MISMATCH'],
  docs: `Each policy element has a fixed JSON type: \`Version\`, \`Id\`, \`Sid\` and \`Effect\` are strings;
\`Action\`, \`Resource\` and their Not forms are a string or an array of strings; \`Statement\` is an object
or an array of objects; \`Condition\` is an object of operators, each an object of keys whose values are
strings, numbers, booleans or arrays of them. IAM rejects any other type.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [["s3:GetObject"]], "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of grammarProblems(ctx.policy)) {
      if (p.kind !== 'type') continue;
      const isStatementItem = p.path.length === 2 && p.path[0] === 'Statement' && typeof p.path[1] === 'number';
      const what = isStatementItem ? `Statement ${(p.path[1] as number) + 1}` : capitalise(describePath(p.path));
      const expected = isStatementItem ? 'an object' : expectedPhrase(p.expected, p.path);
      ctx.report(narrowSpan(p.node, ctx.text), `${what} must be ${expected}, not ${jsonTypePhrase(p.node)}.`, {
        data: { path: p.path, expected: p.expected, actual: p.node.type },
      });
    }
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
