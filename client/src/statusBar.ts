// A status bar item that shows the version of the IAM data the checks use, while an IAM policy is the active
// editor (json/jsonc/yaml/terraform documents mentioning a Statement, or the iam-policy language). Clicking it
// shows the policy's effective actions. It asks the server for the version once (iamPolicy/dataVersion).

import { StatusBarAlignment, window, workspace, type ExtensionContext, type TextEditor } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, DATA_VERSION_REQUEST, type DataVersionResult } from '../../server/src/protocol';

const POLICY_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'terraform']);
// cheap client-side guess; the server decides for real (it reports nothing on non-policies)
const LOOKS_LIKE_POLICY = /["']?Statement["']?\s*[:=]/;

export function registerStatusBar(context: ExtensionContext, client: LanguageClient): void {
  const item = window.createStatusBarItem('iamPolicy.dataVersion', StatusBarAlignment.Right, 100);
  item.name = 'IAM Policy Assistant: IAM data version';
  item.command = COMMANDS.showEffectiveActions;
  item.text = '$(shield) IAM data';
  context.subscriptions.push(item);
  let version: DataVersionResult | null | undefined;
  let shown = false;

  const update = async (editor: TextEditor | undefined): Promise<void> => {
    const doc = editor?.document;
    const isPolicy = doc !== undefined && (doc.languageId === 'iam-policy' || (POLICY_LANGUAGES.has(doc.languageId) && LOOKS_LIKE_POLICY.test(doc.getText())));
    shown = isPolicy;
    if (!isPolicy) {
      item.hide();
      return;
    }
    if (version === undefined && client.state === State.Running) {
      try {
        version = await client.sendRequest<DataVersionResult | null>(DATA_VERSION_REQUEST);
      } catch {
        version = null;
      }
    }
    item.text = `$(shield) IAM data ${version ? (version.updatedAt ? version.updatedAt.slice(0, 10) : version.version) : 'unavailable'}`;
    item.tooltip = version
      ? `IAM Policy Assistant checks against ${version.package} ${version.version}${version.updatedAt ? ` (${version.updatedAt})` : ''}. Click to list the actions this policy grants.`
      : 'IAM Policy Assistant: the language server did not report its IAM data version.';
    item.show();
  };

  context.subscriptions.push(
    window.onDidChangeActiveTextEditor((e) => void update(e)),
    // a new or untitled document becomes a policy while it is typed
    workspace.onDidChangeTextDocument((e) => {
      // only while hidden: once shown it stays until the editor changes (no full-text scan per keystroke)
      if (!shown && e.document === window.activeTextEditor?.document) void update(window.activeTextEditor);
    }),
    // only once the (re)started server runs: a request to a stopped client would start a second server
    client.onDidChangeState((e) => {
      version = undefined;
      if (e.newState === State.Running) void update(window.activeTextEditor);
    }),
  );
  void update(window.activeTextEditor);
}
