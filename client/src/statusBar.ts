// A language status item (the `{}` indicator next to the language mode) instead of a status bar item of our own:
// for policies, templates and Terraform files it shows the version of the IAM data the checks use, or that the
// server has not started yet; its link lists the policy's effective actions. Asks the server once per start.

import { languages, type DocumentSelector, type ExtensionContext } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, DATA_VERSION_REQUEST, type DataVersionResult } from '../../server/src/protocol';

const SELECTOR: DocumentSelector = [
  { language: 'iam-policy' },
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'yaml' },
  { language: 'terraform' },
  { pattern: '**/*.tf' },
];

export function registerStatusBar(context: ExtensionContext, client: LanguageClient): void {
  const item = languages.createLanguageStatusItem('iamPolicy.dataVersion', SELECTOR);
  item.name = 'IAM Policy Assistant';
  item.command = { title: 'Show effective actions', command: COMMANDS.showEffectiveActions };
  context.subscriptions.push(item);
  const idle = (): void => {
    item.text = 'IAM Policy Assistant: idle';
    item.detail = 'starts when an IAM policy, template or Terraform file is opened';
    item.busy = false;
  };
  const show = async (): Promise<void> => {
    item.busy = true;
    let version: DataVersionResult | null;
    try {
      version = await client.sendRequest<DataVersionResult | null>(DATA_VERSION_REQUEST);
    } catch {
      version = null;
    }
    item.busy = false;
    item.text = `IAM data ${version?.version ?? 'unavailable'}`;
    item.detail = version ? `IAM Policy Assistant checks against ${version.package}${version.updatedAt ? ` (${version.updatedAt})` : ''}` : 'the language server did not report its IAM data version';
  };
  idle();
  context.subscriptions.push(
    // only once the (re)started server runs: a request to a stopped client would start a second server
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void show();
      else if (e.newState === State.Stopped) idle();
    }),
  );
  if (client.state === State.Running) void show();
}
