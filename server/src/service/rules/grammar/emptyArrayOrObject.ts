/** EMPTY_ARRAY_OR_OBJECT: an empty list or object in Statement, Action, Resource, Principal or Condition. */

import type { Rule, PolicyContext } from '../rule';
import { properties, propertyKey, propertyValue, type JsonNode } from '../../parser/jsonTree';
import { narrowSpan } from './grammarSpans';

export const emptyArrayOrObject: Rule = {
  code: 'EMPTY_ARRAY_OR_OBJECT',
  defaultSeverity: 'info',
  category: 'grammar',
  summary: 'An empty array or object in Action, Resource, Principal or Condition.',
  catalogue: ['G18', 'C25'],
  accessAnalyzer: [
    'EMPTY_ARRAY_ACTION',
    'EMPTY_ARRAY_RESOURCE',
    'EMPTY_ARRAY_PRINCIPAL',
    'EMPTY_ARRAY_CONDITION',
    'EMPTY_ARRAY_CONDITION_FORALLVALUES',
    'EMPTY_ARRAY_CONDITION_FORANYVALUE',
    'EMPTY_ARRAY_CONDITION_IFEXISTS',
    'EMPTY_OBJECT_CONDITION',
    'EMPTY_OBJECT_PRINCIPAL',
  ],
  docs: `An empty list or object is either a no-op or surprising: \`"Action": []\` matches nothing, while
\`ForAllValues\` or \`…IfExists\` with an empty value list matches only when the key is absent (say that with
the \`Null\` operator instead). Remove the element or fill it in.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {} } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const stmt = ctx.policy.statementElement?.value;
    if (stmt?.type === 'array' && isEmpty(stmt)) report(ctx, stmt, `"Statement" is empty, so the policy allows and denies nothing: add a statement.`, 'EMPTY_ARRAY_STATEMENT');
    for (const s of ctx.policy.statements) {
      for (const el of s.elements) {
        const v = el.value;
        if (!v) continue;
        switch (el.key) {
          case 'Action':
          case 'Resource':
            if (v.type === 'array' && isEmpty(v)) report(ctx, v, `"${el.key}" is empty, so this statement applies to nothing: add values or remove the statement.`, `EMPTY_ARRAY_${el.key.toUpperCase()}`);
            break;
          case 'NotAction':
          case 'NotResource':
            if (v.type === 'array' && isEmpty(v)) report(ctx, v, `"${el.key}" is empty, so it excludes nothing: list what to exclude, or use "${el.key.slice(3)}": "*".`, `EMPTY_ARRAY_${el.key.slice(3).toUpperCase()}`);
            break;
          case 'Principal':
          case 'NotPrincipal':
            if (v.type === 'object' && isEmpty(v)) {
              report(ctx, v, `"${el.key}" is empty: name at least one principal.`, 'EMPTY_OBJECT_PRINCIPAL');
              break;
            }
            for (const p of properties(v)) {
              const pv = propertyValue(p);
              if (pv?.type === 'array' && isEmpty(pv)) report(ctx, pv, `"${propertyKey(p)}" in "${el.key}" has no values: add principals or remove it.`, 'EMPTY_ARRAY_PRINCIPAL');
            }
            break;
          case 'Condition':
            checkCondition(ctx, v);
            break;
        }
      }
    }
  },
};

function checkCondition(ctx: PolicyContext, condition: JsonNode): void {
  // a wrong JSON type (an empty array where an object belongs) is DATA_TYPE_MISMATCH's finding
  if (condition.type !== 'object') return;
  if (isEmpty(condition)) {
    report(ctx, condition, `"Condition" is empty: remove it or add a condition.`, 'EMPTY_OBJECT_CONDITION');
    return;
  }
  for (const op of properties(condition)) {
    const operator = propertyKey(op);
    const block = propertyValue(op);
    if (block?.type !== 'object') continue;
    if (isEmpty(block)) {
      report(ctx, block, `Condition operator "${operator}" has no condition keys: remove it or add a key.`, 'EMPTY_OBJECT_CONDITION');
      continue;
    }
    for (const k of properties(block)) {
      const values = propertyValue(k);
      if (values?.type !== 'array' || !isEmpty(values)) continue;
      const key = propertyKey(k);
      const lower = operator.toLowerCase();
      if (lower.startsWith('forallvalues:') || lower.endsWith('ifexists')) {
        const aa = lower.startsWith('forallvalues:') ? 'EMPTY_ARRAY_CONDITION_FORALLVALUES' : 'EMPTY_ARRAY_CONDITION_IFEXISTS';
        report(ctx, values, `Condition key "${key}" has no values, so "${operator}" matches only when the key is absent: use the "Null" operator to say that.`, aa);
      } else if (lower.startsWith('foranyvalue:')) {
        report(ctx, values, `Condition key "${key}" has no values, so "${operator}" never matches: add values or remove the key.`, 'EMPTY_ARRAY_CONDITION_FORANYVALUE');
      } else {
        report(ctx, values, `Condition key "${key}" has no values: add values or remove the key.`, 'EMPTY_ARRAY_CONDITION');
      }
    }
  }
}

function isEmpty(node: JsonNode): boolean {
  if (node.type === 'array') return (node.children ?? []).length === 0;
  if (node.type === 'object') return properties(node).length === 0;
  return false;
}

function report(ctx: PolicyContext, node: JsonNode, message: string, accessAnalyzerCode: string): void {
  ctx.report(narrowSpan(node, ctx.text), message, { data: { accessAnalyzerCode } });
}
