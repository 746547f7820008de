/**
 * MISSING_ACTION_FOR_CONDITION_KEY: a service key (or aws: tag key) that none of the statement's actions supports,
 * so the condition is never met for this statement; names actions that do support it.
 */

import type { Rule } from '../rule';
import type { ActionInfo, ServiceInfo } from '../../knowledge/catalog';
import { actionSupportsKey, conditionSites, matchesWhenKeyAbsent } from './conditionUtil';
import { actionSupport, isGlobalTagKey, isPerActionKey } from './conditionKeySupport';
import { serviceSupportsKey } from './tagKeyServiceSupport';

const MAX_SUGGESTIONS = 3;

export const missingActionForConditionKey: Rule = {
  code: 'MISSING_ACTION_FOR_CONDITION_KEY',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'No action of the statement supports the condition key, so the condition is constant.',
  catalogue: ['C09'],
  accessAnalyzer: ['MISSING_ACTION_FOR_CONDITION_KEY'],
  docs: `Service keys are set only for the actions that define them: \`iam:PassedToService\` exists only for
\`iam:PassRole\`. When no action of the statement supports the key, the key is always absent: an Allow never
applies and a negated Deny always does. Add the action the key belongs to, or use another key.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { statement, entry, op } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      if (!isPerActionKey(ctx.catalog, key)) continue;
      const support = actionSupport(ctx.catalog, statement, key);
      if (support.length === 0 || support.some((s) => s.unsupported.length < s.actions.length)) continue;
      const services = new Set<ServiceInfo>();
      for (const s of support) for (const a of s.actions) services.add(a.service);
      // aws: tag keys on services that have none at all: the tag-key rules report those
      if (isGlobalTagKey(key) && ![...services].some((svc) => serviceSupportsKey(ctx.catalog, svc, key))) continue;
      const own = ctx.catalog.getService(key.slice(0, key.indexOf(':')));
      const searchIn = [...(own && !isGlobalTagKey(key) ? [own] : []), ...services];
      const suggestions: string[] = [];
      for (const svc of searchIn) {
        for (const a of svc.actions as readonly ActionInfo[]) {
          if (suggestions.length >= MAX_SUGGESTIONS) break;
          if (!suggestions.includes(a.fullName) && actionSupportsKey(ctx.catalog, a, key)) suggestions.push(a.fullName);
        }
      }
      const named = support.map((s) => s.item.value);
      // the key is always absent here, so the condition is constant: false for plain operators, true for
      // negated ones, IfExists, ForAllValues and Null "true"
      const outcome = op && matchesWhenKeyAbsent(op, entry.values) ? 'always met' : 'never met';
      ctx.report(
        entry.key,
        `"${key}" is ${named.length === 1 ? 'not supported by' : 'supported by none of'} ${named.map((n) => `"${n}"`).join(', ')}, so this condition is ${outcome}${suggestions.length ? `: it applies to actions such as ${suggestions.map((n) => `"${n}"`).join(', ')}` : ''}.`,
        { data: { key, actions: named, suggestions } },
      );
    }
  },
};
