// The alternative to an MFA condition: a separate statement denying the sensitive actions whenever the
// request was not MFA-authenticated (BoolIfExists ... "false" also catches long-term keys, where the key
// is absent). Adding a Deny can only take access away.

import { locate, type QuickFixProvider } from '../fixTypes';
import { eol, formatValue, indentUnit, isMultiLine, lineIndent } from '../jsonEdits';

export const denyWithoutMfaFix: QuickFixProvider = {
  codes: ['SENSITIVE_ACTION_WITHOUT_CONDITION'],
  provide(ctx, diagnostic, at) {
    const where = locate(ctx.parsed, at.offset);
    const data = diagnostic.data as { actions?: unknown } | undefined;
    const actions = Array.isArray(data?.actions) ? data.actions.filter((a): a is string => typeof a === 'string') : [];
    const statementsNode = where?.policy.statementElement?.value;
    if (!where || actions.length === 0 || !statementsNode) return [];
    const taken = new Set(where.policy.statements.map((s) => s.sid?.value));
    let sid = 'DenySensitiveActionsWithoutMFA';
    for (let n = 2; taken.has(sid); n++) sid = `DenySensitiveActionsWithoutMFA${n}`;
    const statement = {
      Sid: sid,
      Effect: 'Deny',
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    };
    const title = `Add a statement denying ${actions.length === 1 ? `"${actions[0]}"` : `these ${actions.length} actions`} without MFA`;
    if (statementsNode.type === 'array') {
      const items = statementsNode.children ?? [];
      const last = items[items.length - 1];
      if (!last) return [];
      const multi = isMultiLine(ctx.text, statementsNode);
      const indent = lineIndent(ctx.text, last.offset);
      const nl = eol(ctx.text);
      const rendered = formatValue(statement, { multiLine: multi && isMultiLine(ctx.text, last), base: indent, unit: indentUnit(ctx.text), eol: nl });
      const sep = multi ? `,${nl}${indent}` : ', ';
      return [{ title, kind: 'quickfix', edits: [{ offset: last.offset + last.length, length: 0, newText: `${sep}${rendered}` }] }];
    }
    if (statementsNode.type === 'object') {
      // a single statement object becomes an array of two
      const text = ctx.text.slice(statementsNode.offset, statementsNode.offset + statementsNode.length);
      const rendered = formatValue(statement, { multiLine: false, base: '', unit: indentUnit(ctx.text), eol: eol(ctx.text) });
      return [{ title, kind: 'quickfix', edits: [{ offset: statementsNode.offset, length: statementsNode.length, newText: `[${text}, ${rendered}]` }] }];
    }
    return [];
  },
};
