/**
 * HCL_SYNTAX_ERROR: the Terraform reader could not follow the HCL around the policies. A warning, never an
 * error: HCL syntax is `terraform validate`'s job, and where this reader and Terraform disagree, Terraform is right.
 */

import type { Rule } from '../rule';

export const hclSyntaxError: Rule = {
  code: 'HCL_SYNTAX_ERROR',
  defaultSeverity: 'warning',
  category: 'syntax',
  summary: 'The Terraform file could not be read as HCL here; policies after this point may be missed.',
  catalogue: ['G01'],
  docs: `Policies inside Terraform files (\`jsonencode({...})\`, heredocs, \`aws_iam_policy_document\` data sources) are
read with a built-in HCL reader. Where it cannot follow the file, it says so here and checks what it could read.
This is a warning, not an error: \`terraform validate\` is the judge of HCL syntax. Problems inside the policy
JSON itself (a heredoc that is not valid JSON) are JSON_SYNTAX_ERROR errors.

Bad (the \`jsonencode(\` call is never closed):
\`\`\`hcl
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [] }
}
\`\`\`
Good (the policy inside, as the JSON it encodes):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [] }
\`\`\``,
  checkDocument(ctx) {
    for (const e of ctx.document.syntaxErrors) if (e.source === 'hcl') ctx.report({ offset: e.offset, length: e.length }, `HCL: ${e.message.replace(/\.$/, '')}; policies after this point may be missed (\`terraform validate\` has the last word on HCL).`);
  },
};
