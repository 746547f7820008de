/**
 * SAM_POLICY_TEMPLATE_PARAMETER: a SAM policy template entry lacks a parameter the template uses, gives a key the
 * template does not take, or gives an ARN where the template builds the ARN around a name.
 */

import type { Rule } from '../rule';

export const samPolicyTemplateParameter: Rule = {
  code: 'SAM_POLICY_TEMPLATE_PARAMETER',
  defaultSeverity: 'warning',
  category: 'syntax',
  summary: 'A SAM policy template entry has a missing or unknown parameter, or an ARN where a name is expected.',
  catalogue: ['G01'],
  docs: `Each SAM policy template takes the parameters its policy is built from: \`S3ReadPolicy\` takes \`BucketName\`
and SAM writes \`arn:\${AWS::Partition}:s3:::\${BucketName}\` and \`…/\*\` around it
([AWS SAM policy template list](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html)).
Reported here:
- a parameter the template uses that the entry does not give (SAM cannot expand the template);
- a key that is not one of the template's parameters (often a misspelt one, so the real one is missing too);
- an ARN (\`arn:…\` or \`!GetAtt X.Arn\`) given where the template puts the value inside an ARN: the policy then
  names \`arn:aws:s3:::arn:aws:s3:::bucket\`, which matches no resource, and the function is denied. Templates whose
  parameter is the whole ARN (\`SecretArn\`, \`CertificateArn\`) take the ARN.

Bad (\`BucketName\` given the bucket's ARN):
\`\`\`json
{ "Transform": "AWS::Serverless-2016-10-31", "Resources": { "Fn": { "Type": "AWS::Serverless::Function",
  "Properties": { "Policies": [ { "S3ReadPolicy": { "BucketName": { "Fn::GetAtt": ["Bucket", "Arn"] } } } ] } } } }
\`\`\`
Good:
\`\`\`json
{ "Transform": "AWS::Serverless-2016-10-31", "Resources": { "Fn": { "Type": "AWS::Serverless::Function",
  "Properties": { "Policies": [ { "S3ReadPolicy": { "BucketName": { "Ref": "Bucket" } } } ] } } } }
\`\`\``,
  checkDocument(ctx) {
    for (const e of ctx.document.syntaxErrors) if (e.source === 'sam-parameter') ctx.report({ offset: e.offset, length: e.length }, e.message);
  },
};
