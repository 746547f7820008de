/**
 * UNSUPPORTED_ACTION_FOR_CONDITION_KEY: a service key (or aws: tag key) that some named actions of the statement
 * do not support, so the condition does not apply to them. Wildcards are reported only when no matched action
 * supports the key; tag keys of services that lack them altogether are the tag-key rules' finding. Not for
 * "...IfExists" operators, which hold where the key is absent.
 */

import type { Rule } from '../rule';
import type { ActionInfo } from '../../knowledge/catalog';
import { conditionSites } from './conditionUtil';
import { serviceSupportsKey } from './tagKeyServiceSupport';
import { actionSupport, isGlobalTagKey, isPerActionKey } from './conditionKeySupport';

const MAX_NAMED = 5;

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED).map((n) => `"${n}"`);
  const more = names.length - shown.length;
  const body = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : body;
}

export const unsupportedActionForConditionKey: Rule = {
  code: 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A condition key is not supported by some actions of the statement.',
  catalogue: ['C08'],
  accessAnalyzer: ['UNSUPPORTED_ACTION_FOR_CONDITION_KEY'],
  docs: `Service condition keys exist only for the actions (and resource types) that define them. For other
actions the key is absent: in an Allow those actions are never granted by this statement, in a Deny
with a negated operator they are always denied. Put the actions that support the key in their own statement.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": "*", "Condition": { "StringLike": { "s3:prefix": "home/*" } } }
\`\`\`
Good:
\`\`\`json
[
  { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "StringLike": { "s3:prefix": "home/*" } } },
  { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }
]
\`\`\``,
  checkPolicy(ctx) {
    for (const { statement, op, entry } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      // "...IfExists" is true where the key is absent: the documented way to mix actions that do and do not
      // carry the key (IAM User Guide, IfExists; DynamoDB dynamodb:Select example; data-perimeter RCPs)
      if (op?.ifExists) continue;
      if (!isPerActionKey(ctx.catalog, key)) continue;
      const tagKey = isGlobalTagKey(key);
      const names: string[] = [];
      const serviceSupports = (a: ActionInfo): boolean => serviceSupportsKey(ctx.catalog, a.service, key);
      const support = actionSupport(ctx.catalog, statement, key);
      // no action of the statement supports the key: MISSING_ACTION_FOR_CONDITION_KEY's finding
      if (support.every((s) => s.unsupported.length === s.actions.length)) continue;
      for (const s of support) {
        // aws: tag keys on a service that has none are DENY/ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE's
        if (s.pattern) {
          // a pattern is named only when none of its actions supports the key
          if (s.unsupported.length === s.actions.length && (!tagKey || s.unsupported.every(serviceSupports))) names.push(s.item.value);
        } else {
          const first = tagKey ? s.unsupported.find(serviceSupports) : s.unsupported[0];
          if (first) names.push(first.fullName);
        }
      }
      if (names.length === 0) continue;
      ctx.report(
        entry.key,
        `"${key}" is not supported by ${quoteList(names)}; the condition does not apply to ${names.length === 1 ? 'it' : 'them'}. Split the statement or remove the key.`,
        { data: { key, actions: names } },
      );
    }
  },
};
