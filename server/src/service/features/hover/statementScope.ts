// The Resource and Condition columns of the IAM console's policy summary, for one statement: which resources
// (all, or how many ARNs) and which request conditions apply. Wording only; the model gives the facts.

import type { Statement } from '../../parser/policyModel';
import { cappedList, code } from './markdown';

export function statementScopeMarkdown(statement: Statement): string {
  const r = statement.resource;
  let resources: string;
  if (!r) resources = statement.principal ? 'none (trust or resource policy)' : 'none';
  else if (r.negated) resources = `all except ${cappedList(r.items.map((i) => code(i.value)), 3)}`;
  else if (r.items.some((i) => i.value === '*')) resources = 'all resources';
  else resources = `${r.items.length} ARN${r.items.length === 1 ? '' : 's'}`;
  const ops = statement.condition?.operators ?? [];
  const conditions = ops.flatMap((o) => o.entries.map((e) => `${code(e.key.value)} (${o.operator.value})`));
  return `Resources: ${resources} · Request conditions: ${conditions.length ? cappedList(conditions, 5) : 'none'}`;
}
