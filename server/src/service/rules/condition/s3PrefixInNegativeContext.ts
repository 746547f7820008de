/**
 * S3_PREFIX_IN_NEGATIVE_CONTEXT: s3:prefix used to keep callers out of a prefix (an Allow with a negated
 * operator, or a Deny with a positive one). A list request with a shorter prefix, or none, is not that prefix
 * and still returns the keys under it. Access Analyzer security warning of the same name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 */

import type { Rule } from '../rule';
import { conditionSites, effectOf } from './conditionUtil';

export const s3PrefixInNegativeContext: Rule = {
  code: 'S3_PREFIX_IN_NEGATIVE_CONTEXT',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 's3:prefix is used to exclude a prefix, which a list request with a shorter prefix gets around.',
  catalogue: ['C31'],
  accessAnalyzer: ['S3_PREFIX_IN_NEGATIVE_CONTEXT'],
  docs: `\`s3:prefix\` is the \`prefix\` parameter of a ListObjects request, and a listing returns every key that
starts with the prefix asked for (Amazon S3 API Reference, ListObjectsV2: "Limits the response to keys that
begin with the specified prefix"). A policy that tries to hide a prefix by denying it
(\`Deny\` with \`StringEquals\`/\`StringLike\`) or by allowing everything else (\`Allow\` with
\`StringNotEquals\`/\`StringNotLike\`) does not hide it: a request with a shorter prefix, or none, is allowed and
lists the keys under the "excluded" prefix too. Allow only the prefixes callers may list instead
(a positive \`s3:prefix\` test in an \`Allow\`, as in the IAM User Guide's home-folder examples).
Answers Access Analyzer's S3_PREFIX_IN_NEGATIVE_CONTEXT (a security warning): our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example-bucket", "Condition": { "StringNotLike": { "s3:prefix": "confidential/*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example-bucket", "Condition": { "StringLike": { "s3:prefix": ["public/*", "shared/*"] } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block, statement } of conditionSites(ctx.policy)) {
      if (!op || op.operator.family !== 'String' || entry.key.value.toLowerCase() !== 's3:prefix') continue;
      const effect = effectOf(statement);
      const excludes = (effect === 'Allow' && op.operator.negated) || (effect === 'Deny' && !op.operator.negated);
      if (!excludes) continue;
      ctx.report(
        entry.key,
        `"${block.operator.value}" on "s3:prefix" in a${effect === 'Allow' ? 'n Allow' : ' Deny'} statement does not keep callers out of a prefix: a list request with a shorter prefix, or none, still returns its keys; allow only the prefixes callers may list.`,
        { data: { key: entry.key.value, operator: block.operator.value, effect } },
      );
    }
  },
};
