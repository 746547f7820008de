// iam:PassRole on every role: scope it with an iam:PassedToService condition. An explicit "iam:PassRole"
// listed beside other actions moves to its own statement first, so the condition does not silently
// switch off the other actions (they lack the key). PassRole reached only through a wildcard is left alone.

import { locate, type QuickFixProvider } from '../fixTypes';
import { replaceNode, replaceStringList } from '../jsonEdits';
import { replaceStatementWith, sidWithSuffix, statementTextWith } from '../statementEdits';
import { addConditionEdits } from './addConditions';
import { placeholder, type ConditionTemplate } from '../conditionTemplates';

export const passRoleFix: QuickFixProvider = {
  codes: ['PASS_ROLE_WITH_STAR_IN_RESOURCE'],
  provide(ctx, _diagnostic, at) {
    const where = locate(ctx.parsed, at.offset);
    const statement = where?.statement;
    const action = statement?.action;
    if (!where || !statement || !action?.value || action.negated || statement.effect?.value !== 'Allow') return [];
    const passRole = action.items.filter((i) => i.value.toLowerCase() === 'iam:passrole');
    if (passRole.length === 0) return [];
    const example = 'ec2.amazonaws.com';
    const template: ConditionTemplate = {
      id: 'passedToService',
      title: 'iam:PassedToService',
      entries: [{ operator: 'StringEquals', key: 'iam:PassedToService', value: ctx.snippetEdits ? placeholder(ctx, 1, example) : example }],
    };
    const title = 'Allow iam:PassRole only to one service (iam:PassedToService)';
    const others = action.items.filter((i) => !passRole.includes(i));
    if (others.length === 0) {
      const edits = addConditionEdits(ctx, statement, template);
      return edits?.length ? [{ title, kind: 'quickfix', edits, snippet: ctx.snippetEdits }] : [];
    }
    if (action.value.type === 'array' && (action.value.children ?? []).some((c) => c.type !== 'string')) return [];
    const conditionEdits = addConditionEdits(ctx, statement, template);
    if (!conditionEdits?.length) return [];
    const taken = new Set(where.policy.statements.map((s) => s.sid?.value).filter((s): s is string => s !== undefined));
    const restText = statementTextWith(ctx.text, statement, [replaceStringList(ctx.text, action.value, others.map((o) => o.value))]);
    const passEdits = [replaceStringList(ctx.text, action.value, ['iam:PassRole']), ...conditionEdits];
    const sid = statement.sid ? sidWithSuffix(statement.sid.value, 'PassRole', taken) : undefined;
    if (sid && statement.sid) passEdits.push(replaceNode(statement.sid.node, JSON.stringify(sid)));
    const passText = statementTextWith(ctx.text, statement, passEdits);
    return [{ title: `${title}, in its own statement`, kind: 'quickfix', edits: [replaceStatementWith(ctx.text, where.policy, statement, [restText, passText])], snippet: ctx.snippetEdits }];
  },
};
