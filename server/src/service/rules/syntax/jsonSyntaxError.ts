/** JSON_SYNTAX_ERROR: the text is not valid JSON; one diagnostic per error at its exact place. */

import type { Rule } from '../rule';

export const jsonSyntaxError: Rule = {
  code: 'JSON_SYNTAX_ERROR',
  defaultSeverity: 'error',
  category: 'syntax',
  summary: 'The policy is not valid JSON.',
  catalogue: ['G01'],
  accessAnalyzer: ['JSON_SYNTAX_ERROR'],
  docs: `IAM accepts only strict JSON: no comments, no trailing commas, double-quoted strings.
The rest of the document is still checked where the parser could recover.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" } ] }
\`\`\``,
  checkDocument(ctx) {
    for (const e of ctx.document.syntaxErrors) if (e.source === undefined) ctx.report({ offset: e.offset, length: e.length }, e.message);
  },
};
