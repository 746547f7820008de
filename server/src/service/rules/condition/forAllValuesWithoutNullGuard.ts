/** FOR_ALL_VALUES_WITHOUT_NULL_GUARD: Allow + ForAllValues without a Null "false" guard grants requests lacking the key. */

import type { Rule } from '../rule';
import { parseOperator } from '../../knowledge/operators';
import { parseBoolValue } from '../../knowledge/conditionValues';
import type { Statement } from '../../parser/policyModel';
import { effectOf, knownKeyInfo } from './conditionUtil';

/** Keys the statement requires to be present: Null "false", or used with ForAnyValue (false when absent). */
function guardedKeys(statement: Statement): Set<string> {
  const keys = new Set<string>();
  for (const block of statement.condition?.operators ?? []) {
    const op = parseOperator(block.operator.value);
    if (!op) continue;
    for (const entry of block.entries) {
      const lower = entry.key.value.toLowerCase();
      if (op.operator.name === 'Null' && !op.qualifier && entry.values.length > 0 && entry.values.every((v) => parseBoolValue(v.value) === false)) keys.add(lower);
      if (op.qualifier === 'ForAnyValue' && !op.operator.negated && !op.ifExists) keys.add(lower);
    }
  }
  return keys;
}

function isOftenAbsent(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith('aws:') || lower.endsWith(':tagkeys');
}

export const forAllValuesWithoutNullGuard: Rule = {
  code: 'FOR_ALL_VALUES_WITHOUT_NULL_GUARD',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'ForAllValues in an Allow statement also matches requests without the key (security).',
  catalogue: ['C24'],
  docs: `\`ForAllValues:\` is true when the key is absent or empty, so an Allow such as "only these tag keys"
also allows requests that send no tags at all. Add a \`Null\` check (\`"Null": {"aws:TagKeys": "false"}\`)
so the key must be present.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["Project"] } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["Project"] }, "Null": { "aws:TagKeys": "false" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const statement of ctx.policy.statements) {
      if (effectOf(statement) !== 'Allow') continue;
      let guarded: Set<string> | undefined;
      for (const block of statement.condition?.operators ?? []) {
        const op = parseOperator(block.operator.value);
        if (op?.qualifier !== 'ForAllValues' || op.operator.family === 'Null') continue;
        guarded ??= guardedKeys(statement);
        for (const entry of block.entries) {
          const key = entry.key.value;
          if (guarded.has(key.toLowerCase())) continue;
          // only keys documented as absent from many requests (global aws: keys, tag-key lists); service keys
          // such as dynamodb:LeadingKeys are present for the actions that define them
          if (!isOftenAbsent(key)) continue;
          // a known single-valued key is FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY's finding
          const info = knownKeyInfo(ctx.catalog, key);
          if (info && !info.multiValued) continue;
          ctx.report(entry.key, `"${block.operator.value}" on "${key}" also allows requests without "${key}": add "Null": {"${key}": "false"} to the condition.`, {
            data: { key, operator: block.operator.value },
          });
        }
      }
    }
  },
};
