/** ANALYSIS_SKIPPED: the document is over the size or nesting limit, so it was not analysed (one info finding at the start). */

import type { Rule } from '../rule';

export const analysisSkipped: Rule = {
  code: 'ANALYSIS_SKIPPED',
  defaultSeverity: 'info',
  category: 'syntax',
  summary: 'The file is over the size or nesting limit and was not analysed.',
  catalogue: ['G01'],
  docs: `Files larger than \`iamPolicy.maxFileSize\` (default 2,000,000 characters) or nested more than 100
levels deep are not analysed, so that the editor stays responsive. IAM policies are far smaller: the
largest managed policy is 6,144 characters. Split the file or raise the setting.

Bad:
\`\`\`json
{ "Statement": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket" } ] }
\`\`\``,
  checkDocument(ctx) {
    if (ctx.document.skipped) ctx.report({ offset: 0, length: Math.min(1, ctx.text.length) }, ctx.document.skipped);
  },
};
