// VS Code for the Web entry point (package.json "browser": dist/web/extension.js): the same client features,
// with the language server in a web worker (dist/web/server.js) instead of a Node process. Documents of any
// scheme are served (vscode.dev and github.dev open files from virtual file systems).

import { Uri, window, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { COMMANDS, SETTINGS_SECTION, type IamInitializationOptions } from '../../server/src/protocol';
import { registerClientFeatures } from './commands';

let client: LanguageClient | undefined;
// the web extension host has Worker; the project's type settings have no DOM library
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  client = new LanguageClient(SETTINGS_SECTION, 'IAM Policy Assistant', {
    documentSelector: ['json', 'jsonc', 'iam-policy', 'yaml', 'terraform'].map((language) => ({ language })),
    initializationOptions: { clientCommands: [COMMANDS.showEffectiveActions, COMMANDS.openRuleDocs], editorFormatsPolicies: true } satisfies IamInitializationOptions,
  }, worker);
  // the node client type is what the shared features are written against; the browser client has the same API
  registerClientFeatures(context, client as never);
  try {
    await client.start();
  } catch (err) {
    void window.showErrorMessage(`IAM Policy Assistant failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
