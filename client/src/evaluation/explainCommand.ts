// "IAM Policy: Explain Access Denied…": paste an AccessDenied message (the clipboard is offered when it holds
// one), the server evaluates it against the workspace's policies and test files; a matching Deny is opened and
// highlighted, a missing Allow is offered as an edit ("Add the Allow…" → pick the identity policy → the
// narrowest statement is appended and highlighted). The full explanation opens beside the editor.

import { env, UIKind, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPLAIN_ACCESS_DENIED_REQUEST, type ExplainAccessDeniedResult, type GrantProposal } from '../../../server/src/evaluationProtocol';
import type { ReportView } from './reportView';
import type { StatementHighlighter } from './statementHighlight';

export const ADD_ALLOW = 'Add the Allow…';

export async function explainAccessDenied(client: LanguageClient, highlighter: StatementHighlighter, reports: ReportView, message?: string): Promise<ExplainAccessDeniedResult | undefined> {
  let text = message;
  if (text === undefined) {
    // the clipboard is a convenience: desktop only (in a browser the read needs a permission and fails with a
    // notification), and never waited on for long
    const clip = env.uiKind === UIKind.Web ? '' : await Promise.race([Promise.resolve(env.clipboard.readText()).then((t) => t, () => ''), new Promise<string>((resolve) => setTimeout(() => resolve(''), 300))]);
    const looksDenied = /not authorized to perform|"context"\s*:/i.test(clip);
    text = await window.showInputBox({
      title: 'Explain access denied',
      prompt: 'Paste the AccessDenied message (e.g. "User: arn:… is not authorized to perform: s3:GetObject on resource: arn:… because no identity-based policy allows …"), or a decoded authorization message',
      value: looksDenied ? clip.replace(/\s+/g, ' ').trim() : '',
      ignoreFocusOut: true,
    });
    if (!text) return undefined;
  }
  const result = await client.sendRequest<ExplainAccessDeniedResult | null>(EXPLAIN_ACCESS_DENIED_REQUEST, { message: text });
  if (!result) return undefined;
  if (!result.ok) {
    void window.showErrorMessage(`Cannot read the message: ${result.reason ?? 'unknown format'}`);
    return result;
  }
  const what = `${result.request?.action ?? ''} on ${result.request?.resource ?? '*'}`;
  if (result.denies.length > 0) {
    await highlighter.show(result.denies, `denies ${what}`);
    await reports.show('access-denied', result.markdown);
    const d = result.denies[0]!;
    void window.showWarningMessage(`${what} is denied by ${d.policy} statement ${d.statement}${d.sid ? ` (Sid ${d.sid})` : ''}${result.denies.length > 1 ? ` and ${result.denies.length - 1} more` : ''}.`);
    return result;
  }
  await reports.show('access-denied', result.markdown);
  if (result.grants.length > 0) {
    // not awaited: the explanation is complete without a choice; the button applies the fix when clicked
    void window.showWarningMessage(`No identity policy in the workspace allows ${what}.`, ADD_ALLOW).then(async (choice) => {
      if (choice === ADD_ALLOW) await addAllow(client, highlighter, result.grants);
    });
  } else if (result.allows.length > 0) {
    void window.showInformationMessage(`${what} is allowed by ${result.allows[0]!.policy} here: something outside these policies (or a condition) denies it. See the explanation.`);
  } else {
    void window.showInformationMessage(`No policy of the workspace decides ${what}. See the explanation.`);
  }
  return result;
}

async function addAllow(client: LanguageClient, highlighter: StatementHighlighter, grants: readonly GrantProposal[]): Promise<void> {
  const picked =
    grants.length === 1
      ? { grant: grants[0]! }
      : await window.showQuickPick(
          grants.map((g) => ({ label: g.label, description: g.reason, grant: g })),
          { title: `Add "Allow ${grants[0]!.statement.Action} on ${grants[0]!.statement.Resource}" to which identity policy?` },
        );
  if (!picked) return;
  const g = picked.grant;
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(g.edit);
  if (!(await workspace.applyEdit(edit))) {
    void window.showErrorMessage(`Could not edit ${g.label}.`);
    return;
  }
  // highlight the statement just added: its Sid is unique in the policy
  const doc = await workspace.openTextDocument(edit.entries()[0]![0]);
  const text = doc.getText();
  const at = text.indexOf(`"${g.statement.Sid}"`);
  const start = text.lastIndexOf('{', at);
  const end = text.indexOf('}', at) + 1;
  if (at >= 0 && start >= 0 && end > 0) {
    const s = doc.positionAt(start);
    const e = doc.positionAt(end);
    await highlighter.show([{ uri: doc.uri.toString(), policy: g.label, statement: -1, sid: g.statement.Sid, effect: 'Allow', range: { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } } }], 'the narrowest grant, just added');
  }
  void window.showInformationMessage(`Added "${g.statement.Sid}" to ${g.label}: save to keep it.`);
}
