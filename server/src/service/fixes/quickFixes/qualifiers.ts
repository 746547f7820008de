// Set-operator qualifier repairs: add ForAnyValue:/ForAllValues: to a multivalued key's operator, or drop
// ForAllValues: from a single-valued key in an Allow (where it also matches when the key is absent).
// Only rename an operator block that holds just the flagged key, so no other key changes meaning. When the
// Condition already has a block with the new operator, a rename would write a duplicate key (of which IAM
// reads one): the entry moves into that block instead, which is what the rename means (blocks and keys are
// ANDed alike), unless that block already tests the same key.

import type { FixContext, OffsetEdit } from '../fixTypes';
import { locate, type FixProposal, type QuickFixProvider } from '../fixTypes';
import type { ConditionOperatorBlock, Statement } from '../../parser/policyModel';
import { appendProperty, removeProperty } from '../jsonEdits';

function blockWith(statement: Statement, operator: string | undefined, key: string): ConditionOperatorBlock | undefined {
  return statement.condition?.operators.find(
    (b) => (operator === undefined || b.operator.value === operator || b.operator.value.endsWith(`:${operator}`) || b.operator.value === `${operator}IfExists`) && b.entries.some((e) => e.key.value === key),
  );
}

/** The edits that give `block` the operator `to`: a rename, or a merge into the block that already has it. */
function renameEdits(ctx: FixContext, statement: Statement, block: ConditionOperatorBlock, to: string): OffsetEdit[] | undefined {
  const existing = statement.condition?.operators.find((b) => b !== block && b.operator.value === to);
  if (!existing) return [{ offset: block.operator.span.offset, length: block.operator.span.length, newText: JSON.stringify(to) }];
  const entry = block.entries[0];
  const prop = block.operator.node.parent;
  const conditionObject = prop?.parent;
  if (!entry?.valueNode || !prop || prop.type !== 'property' || conditionObject?.type !== 'object' || existing.valueNode?.type !== 'object') return undefined;
  // condition keys are case-insensitive: a second test of the same key there would be ANDed, not merged
  const key = entry.key.value.toLowerCase();
  if (existing.entries.some((e) => e.key.value.toLowerCase() === key)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(ctx.text.slice(entry.valueNode.offset, entry.valueNode.offset + entry.valueNode.length));
  } catch {
    return undefined;
  }
  const remove = removeProperty(conditionObject, prop);
  return remove ? [remove, appendProperty(ctx.text, existing.valueNode, entry.key.value, value)] : undefined;
}

function rename(ctx: FixContext, statement: Statement, block: ConditionOperatorBlock, to: string, title: string): FixProposal[] {
  const edits = renameEdits(ctx, statement, block, to);
  return edits ? [{ title, kind: 'quickfix', edits }] : [];
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
        .flatMap((s) => rename(ctx, statement, block, qualifiedWith(s), `Use "${qualifiedWith(s)}" for the multivalued key "${data.key as string}"`));
    }
    // dropping ForAllValues narrows an Allow; in a Deny it would shrink the Deny, i.e. widen access
    if (statement.effect?.value !== 'Allow' || typeof data.suggestedOperator !== 'string') return [];
    const block = blockWith(statement, typeof data.operator === 'string' ? data.operator : undefined, data.key);
    if (!block || block.entries.length !== 1) return [];
    return rename(ctx, statement, block, data.suggestedOperator, `Use "${data.suggestedOperator}" for the single-valued key "${data.key}"`);
  },
};
