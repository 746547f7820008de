/** UNSUPPORTED_RESOURCE_ARN_IN_POLICY: a Resource that is not an S3 ARN in a file named as a bucket policy. */

import type { Rule } from '../rule';
import { attachedResource } from './attachedResource';

const S3_ARN = /^arn:[a-z-]+:s3:::./;

export const unsupportedResourceArnInPolicy: Rule = {
  code: 'UNSUPPORTED_RESOURCE_ARN_IN_POLICY',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A resource that is not the bucket or its objects, in an S3 bucket policy.',
  catalogue: ['T12'],
  accessAnalyzer: ['UNSUPPORTED_RESOURCE_ARN_IN_POLICY'],
  docs: `An S3 bucket policy may only name its own bucket and objects (\`arn:aws:s3:::my-bucket\`,
\`arn:aws:s3:::my-bucket/*\`): other ARNs and a bare \`"*"\` are rejected. This runs only when the file name
says it is a bucket policy (\`*bucket-policy*.json\`), so the intent is explicit.

Bad (\`my-bucket-policy.json\`):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const attached = attachedResource(ctx.policy, ctx.document.uri);
    if (attached?.kind !== 's3-bucket' || !attached.fromFileName) return;
    for (const s of ctx.policy.statements) {
      if (!s.resource) continue;
      for (const r of s.resource.items) {
        if (S3_ARN.test(r.value)) continue;
        const what = r.value === '*' ? '"*"' : `"${r.value}"`;
        ctx.report(r, `${what} is not allowed in an S3 bucket policy: name the bucket ("arn:aws:s3:::BUCKET") or its objects ("arn:aws:s3:::BUCKET/*").`, {
          data: { resourceKind: attached.kind },
        });
      }
    }
  },
};
