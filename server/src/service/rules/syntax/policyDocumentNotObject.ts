/**
 * POLICY_DOCUMENT_NOT_OBJECT: a template's policy slot (PolicyDocument, KeyPolicy, AssumeRolePolicyDocument…)
 * holds a list instead of one policy object; CloudFormation rejects it and nothing in it is checked.
 */

import type { Rule } from '../rule';

export const policyDocumentNotObject: Rule = {
  code: 'POLICY_DOCUMENT_NOT_OBJECT',
  defaultSeverity: 'error',
  category: 'syntax',
  summary: 'A template gives a policy document as a list instead of one object.',
  catalogue: ['G01'],
  docs: `In a CloudFormation template, \`PolicyDocument\`, \`KeyPolicy\`, \`AssumeRolePolicyDocument\` and the other policy
properties take one JSON object. A YAML \`- Version: …\` (a one-item list) is a common slip: CloudFormation
rejects the template, and the policy inside is not checked until the list is removed.

Bad (YAML \`PolicyDocument:\` followed by \`- Version: "2012-10-17"\`), as JSON:
\`\`\`json
{ "PolicyDocument": [ { "Version": "2012-10-17", "Statement": [] } ] }
\`\`\`
Good:
\`\`\`json
{ "PolicyDocument": { "Version": "2012-10-17", "Statement": [] } }
\`\`\``,
  checkDocument(ctx) {
    for (const e of ctx.document.syntaxErrors) if (e.source === 'template') ctx.report({ offset: e.offset, length: e.length }, e.message);
  },
};
