// Refactoring: split a statement into one statement per service of its Action list. Equivalent because
// an Allow/Deny over A ∪ B equals the two statements over A and B with the same Resource and Condition.
// Not offered for NotAction (the complement does not split that way).

import { locate, type RefactoringProvider } from '../fixTypes';
import { replaceStringList, replaceNode } from '../jsonEdits';
import { replaceStatementWith, sidWithSuffix, statementTextWith } from '../statementEdits';

export const splitStatementByService: RefactoringProvider = {
  id: 'splitByService',
  provide(ctx, _range, { start }) {
    const where = locate(ctx.parsed, start);
    const statement = where?.statement;
    const action = statement?.action;
    if (!where || !statement || !action?.value || action.negated) return [];
    // offered on the statement's keys (Sid, Effect, Action...), not deep inside values
    const onKey = statement.elements.some((e) => start >= e.keySpan.offset && start <= e.keySpan.offset + e.keySpan.length);
    const inActions = start >= action.value.offset && start <= action.value.offset + action.value.length;
    if (!onKey && !inActions) return [];
    if (action.value.type === 'array' && (action.value.children ?? []).some((c) => c.type !== 'string')) return [];
    const groups = new Map<string, string[]>();
    for (const item of action.items) {
      const colon = item.value.indexOf(':');
      if (colon < 0) return []; // "*" or malformed: nothing sensible to split
      const service = item.value.slice(0, colon).toLowerCase();
      const list = groups.get(service) ?? [];
      list.push(item.value);
      groups.set(service, list);
    }
    if (groups.size < 2) return [];
    const taken = new Set(where.policy.statements.map((s) => s.sid?.value).filter((s): s is string => s !== undefined));
    const texts = [...groups.entries()].map(([service, values]) => {
      const edits = [replaceStringList(ctx.text, action.value!, values)];
      const sid = statement.sid ? sidWithSuffix(statement.sid.value, service, taken) : undefined;
      if (sid && statement.sid) {
        taken.add(sid);
        edits.push(replaceNode(statement.sid.node, JSON.stringify(sid)));
      }
      return statementTextWith(ctx.text, statement, edits);
    });
    return [
      {
        title: `Split statement by service (${[...groups.keys()].join(', ')})`,
        kind: 'refactor.extract',
        edits: [replaceStatementWith(ctx.text, where.policy, statement, texts)],
      },
    ];
  },
};
