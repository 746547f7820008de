/** DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: a Deny conditioned on a tag key does not deny services that lack the key. */

import type { Rule } from '../rule';
import { listServices, tagKeyGaps } from './tagKeyServiceSupport';

export const denyWithUnsupportedTagConditionKey: Rule = {
  code: 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A Deny uses a tag condition key that some of its services do not support (security).',
  catalogue: ['C31'],
  accessAnalyzer: ['DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'],
  docs: `\`aws:ResourceTag/…\`, \`aws:RequestTag/…\` and \`aws:TagKeys\` exist only for services that support tags
in that way. For other services the key is absent, so a Deny that tests it (without a negated operator or
IfExists) never denies their actions. Deny those services in a separate statement.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": ["ec2:TerminateInstances", "sts:GetCallerIdentity"], "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Env": "prod" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Env": "prod" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const gap of tagKeyGaps(ctx, 'Deny')) {
      const key = gap.entry.key.value;
      ctx.report(
        gap.entry.key,
        `"${key}" is not supported by ${gap.services.length === 1 ? 'service' : 'services'} ${listServices(gap.services)}, so this Deny never applies to ${gap.services.length === 1 ? 'it' : 'them'}: deny ${gap.services.length === 1 ? 'it' : 'them'} in a separate statement.`,
        { data: { key, services: gap.services, notAction: gap.negatedActions } },
      );
    }
  },
};
