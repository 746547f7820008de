/** ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: an Allow conditioned on a tag key grants nothing for services lacking it. */

import type { Rule } from '../rule';
import { listServices, tagKeyGaps } from './tagKeyServiceSupport';

export const allowWithUnsupportedTagConditionKey: Rule = {
  code: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  defaultSeverity: 'info',
  category: 'condition',
  summary: 'An Allow uses a tag condition key that some of its services do not support (dead grant).',
  catalogue: ['C31'],
  accessAnalyzer: ['ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'],
  docs: `For services that do not support the tag key, the key is absent and an Allow that tests it never
grants their actions. Move those actions to a statement without the tag condition, or remove them.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["ec2:StartInstances", "sts:GetCallerIdentity"], "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Env": "dev" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Env": "dev" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const gap of tagKeyGaps(ctx, 'Allow')) {
      const key = gap.entry.key.value;
      ctx.report(
        gap.entry.key,
        `"${key}" is not supported by ${gap.services.length === 1 ? 'service' : 'services'} ${listServices(gap.services)}, so this Allow never grants ${gap.services.length === 1 ? 'its' : 'their'} actions: move them to another statement.`,
        { data: { key, services: gap.services, notAction: gap.negatedActions } },
      );
    }
  },
};
