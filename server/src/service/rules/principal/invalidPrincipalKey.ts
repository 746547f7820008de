/** INVALID_PRINCIPAL_KEY: a Principal object key other than AWS, Service, Federated or CanonicalUser (PR01). */

import type { Rule } from '../rule';
import { PRINCIPAL_KEYS } from '../../knowledge/principals';

export const invalidPrincipalKey: Rule = {
  code: 'INVALID_PRINCIPAL_KEY',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'A Principal key is not AWS, Service, Federated or CanonicalUser.',
  catalogue: ['PR01'],
  accessAnalyzer: ['INVALID_PRINCIPAL_KEY'],
  docs: `Principal objects accept exactly four keys, matched case-sensitively: \`AWS\`, \`Service\`, \`Federated\` and
\`CanonicalUser\`. Any other key (including another spelling such as \`aws\`) makes the policy invalid.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "aws": "111122223333" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:444455556666:queue" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:444455556666:queue" }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      for (const entry of s.principal?.entries ?? []) {
        const key = entry.type.value;
        if ((PRINCIPAL_KEYS as readonly string[]).includes(key)) continue;
        const suggestion = PRINCIPAL_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
        ctx.report(
          entry.type,
          suggestion
            ? `Principal key "${key}" must be written "${suggestion}" (keys are case-sensitive).`
            : `Principal key "${key}" is not valid: use AWS, Service, Federated or CanonicalUser.`,
          { data: { key, ...(suggestion ? { suggestion } : {}) } },
        );
      }
    }
  },
};
