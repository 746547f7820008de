/**
 * SAM_POLICY_TEMPLATE_UNKNOWN: a SAM function's or state machine's Policies list has an entry `{Name: {...}}`
 * whose name is not a documented SAM policy template. A warning, never an error: SAM adds templates over time.
 */

import type { Rule } from '../rule';

export const samPolicyTemplateUnknown: Rule = {
  code: 'SAM_POLICY_TEMPLATE_UNKNOWN',
  defaultSeverity: 'warning',
  category: 'syntax',
  summary: 'A SAM Policies entry names a policy template that is not in the AWS SAM policy template list.',
  catalogue: ['G01'],
  docs: `In \`AWS::Serverless::Function\` and \`AWS::Serverless::StateMachine\`, a \`Policies\` entry such as
\`S3ReadPolicy: {BucketName: !Ref Bucket}\` is a SAM policy template: SAM replaces it with the policy the template
defines, scoped to the resource you name. The known templates are expanded and checked like any other policy (a
finding inside one points at the template's entry). A name that is not in the
[AWS SAM policy template list](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html)
is reported here with the closest documented names: SAM does not expand it, and a one-letter slip (\`DynamoDbCrudPolicy\`
for \`DynamoDBCrudPolicy\`) leaves the function without the access it needs. The check is a warning: a template
added to SAM after this tool's list also shows here.

Bad (CloudFormation JSON; in YAML: \`- DynamoDbCrudPolicy:\` then \`TableName: !Ref Table\`):
\`\`\`json
{ "Transform": "AWS::Serverless-2016-10-31", "Resources": { "Fn": { "Type": "AWS::Serverless::Function",
  "Properties": { "Policies": [ { "DynamoDbCrudPolicy": { "TableName": { "Ref": "Table" } } } ] } } } }
\`\`\`
Good:
\`\`\`json
{ "Transform": "AWS::Serverless-2016-10-31", "Resources": { "Fn": { "Type": "AWS::Serverless::Function",
  "Properties": { "Policies": [ { "DynamoDBCrudPolicy": { "TableName": { "Ref": "Table" } } } ] } } } }
\`\`\``,
  checkDocument(ctx) {
    for (const e of ctx.document.syntaxErrors) if (e.source === 'sam-template') ctx.report({ offset: e.offset, length: e.length }, e.message);
  },
};
