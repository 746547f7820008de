// "IAM Policy: Simulate Request…" on the open policy: pick the action among the policy's own actions, then
// the resource, principal and the context keys its statements test (input boxes, Escape cancels), ask the
// server for the verdict, highlight the deciding statements and show the full report beside the editor.

import { window, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SIMULATE_REQUEST, SIMULATION_CHOICES_REQUEST, type SimulateParams, type SimulateResult, type SimulationChoices } from '../../../server/src/evaluationProtocol';
import type { ReportView } from './reportView';
import type { StatementHighlighter } from './statementHighlight';

const OTHER = 'Another action…';

export async function simulateRequest(client: LanguageClient, highlighter: StatementHighlighter, reports: ReportView): Promise<SimulateResult | undefined> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showInformationMessage('Open an IAM policy to simulate a request against it.');
    return undefined;
  }
  const uri = editor.document.uri.toString();
  const position = { line: editor.selection.active.line, character: editor.selection.active.character };
  const choices = await client.sendRequest<SimulationChoices | null>(SIMULATION_CHOICES_REQUEST, { uri, position });
  if (!choices) {
    void window.showInformationMessage('This document is not an IAM policy: open a policy to simulate a request against it.');
    return undefined;
  }
  const items: QuickPickItem[] = choices.actions.map((a) => ({ label: a }));
  items.push({ label: OTHER, description: 'type any action' });
  const picked = await window.showQuickPick(items, { title: 'Simulate request (1/4): action', placeHolder: `One of the ${choices.actions.length}${choices.actionsTruncated ? '+' : ''} actions of this ${choices.policyType} policy`, matchOnDescription: true });
  if (!picked) return undefined;
  let action = picked.label;
  if (action === OTHER) {
    const typed = await window.showInputBox({ title: 'Simulate request: action', prompt: 'An action, service:Action', placeHolder: 's3:GetObject', validateInput: (v) => (/^[\w-]+:[\w]+$/.test(v.trim()) ? undefined : 'service:Action, without wildcards') });
    if (!typed) return undefined;
    action = typed.trim();
  }
  const patterns = choices.resourcesByAction[action.toLowerCase()] ?? [];
  const resource = await window.showInputBox({
    title: `Simulate request (2/4): resource of ${action}`,
    prompt: patterns.length ? `The policy names: ${patterns.slice(0, 5).join(', ')}. Replace wildcards with a concrete ARN.` : 'The resource ARN (* for actions without a resource)',
    value: patterns.find((p) => p !== '*') ?? '*',
  });
  if (resource === undefined) return undefined;
  const principal = await window.showInputBox({
    title: 'Simulate request (3/4): principal',
    prompt: 'Who asks: an IAM role, user, role session or account ARN, a service principal, or "anonymous"',
    value: choices.principals.find((p) => p !== '*') ?? 'arn:aws:iam::111122223333:role/SimulatedRole',
  });
  if (principal === undefined) return undefined;
  const context: Record<string, string | string[]> = {};
  const keys = choices.contextKeys.filter((k) => k.actions.length === 0 || k.actions.includes(action.toLowerCase()));
  for (const [i, k] of keys.entries()) {
    const value = await window.showInputBox({
      title: `Simulate request (4/4): context key ${i + 1} of ${keys.length}`,
      prompt: `${k.key} (tested with ${k.operators.join(', ')}${k.values.length ? ` against ${k.values.slice(0, 3).join(', ')}` : ''}). Empty: absent from the request. Commas: a multivalued key.`,
      value: '',
    });
    if (value === undefined) return undefined;
    if (value.trim() === '') continue;
    context[k.key] = value.includes(',') ? value.split(',').map((v) => v.trim()).filter(Boolean) : value.trim();
  }
  const params: SimulateParams = { uri, position, action, resource, principal, context };
  const result = await client.sendRequest<SimulateResult | null>(SIMULATE_REQUEST, params);
  if (!result) {
    void window.showErrorMessage('The request could not be simulated (is the document still a policy?).');
    return undefined;
  }
  await highlighter.show(result.decidedBy, result.summary);
  await reports.show(`simulation-${action.replace(':', '-')}`, result.markdown);
  const keysNote = result.missingContextKeys.length ? ` Context keys that could change it: ${result.missingContextKeys.join(', ')}.` : '';
  void window.showInformationMessage(`${action}: ${result.summary}.${keysNote}`);
  return result;
}
