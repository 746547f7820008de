// Set-operator qualifier repairs: add ForAnyValue:/ForAllValues: to a multivalued key's operator, or drop
// ForAllValues: from a single-valued key in an Allow (where it also matches when the key is absent).
// Only rename an operator block that holds just the flagged key, so no other key changes meaning.

import { locate, type FixProposal, type QuickFixProvider } from '../fixTypes';
import type { ConditionOperatorBlock, Statement } from '../../parser/policyModel';

function blockWith(statement: Statement, operator: string | undefined, key: string): ConditionOperatorBlock | undefined {
  return statement.condition?.operators.find(
    (b) => (operator === undefined || b.operator.value === operator || b.operator.value.endsWith(`:${operator}`) || b.operator.value === `${operator}IfExists`) && b.entries.some((e) => e.key.value === key),
  );
}

function rename(block: ConditionOperatorBlock, to: string, title: string): FixProposal {
  return { title, kind: 'quickfix', edits: [{ offset: block.operator.span.offset, length: block.operator.span.length, newText: JSON.stringify(to) }] };
}

export const qualifierFixes: QuickFixProvider = {
  codes: ['MISSING_QUALIFIER', 'FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY'],
  provide(ctx, diagnostic, at) {
    const statement = locate(ctx.parsed, at.offset)?.statement;
    const data = diagnostic.data as { key?: unknown; operator?: unknown; suggestions?: unknown; suggestedOperator?: unknown } | undefined;
    if (!statement || typeof data?.key !== 'string') return [];
    if (diagnostic.code === 'MISSING_QUALIFIER') {
      const block = blockWith(statement, typeof data.operator === 'string' ? data.operator : undefined, data.key);
      if (!block || block.entries.length !== 1 || !Array.isArray(data.suggestions)) return [];
      const qualifiedWith = (s: string): string => block.operator.value.replace(/^(ForAnyValue:|ForAllValues:)?/, `${s.split(':')[0]}:`);
      return data.suggestions
        .filter((s): s is string => typeof s === 'string' && s.includes(':'))
        .map((s) => rename(block, qualifiedWith(s), `Use "${qualifiedWith(s)}" for the multivalued key "${data.key as string}"`));
    }
    // dropping ForAllValues narrows an Allow; in a Deny it would shrink the Deny, i.e. widen access
    if (statement.effect?.value !== 'Allow' || typeof data.suggestedOperator !== 'string') return [];
    const block = blockWith(statement, typeof data.operator === 'string' ? data.operator : undefined, data.key);
    if (!block || block.entries.length !== 1) return [];
    return [rename(block, data.suggestedOperator, `Use "${data.suggestedOperator}" for the single-valued key "${data.key}"`)];
  },
};
