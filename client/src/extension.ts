// VS Code entry point (dist/extension.js): creates the output channel, starts the language client, and
// shows an error notification when that fails (VS Code shows none when an extension fails to activate).

import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { registerClientFeatures } from './commands';
import { registerPermissionDiff } from './permissionDiff';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  try {
    client = createLanguageClient(context, output);
    await client.start();
    // client-side features (commands, status bar) are wired here, after the server is up
    registerClientFeatures(context, client);
    registerPermissionDiff(context, client);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.error(`Activation failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
    void window.showErrorMessage(`${CLIENT_NAME} failed to start: ${message}`, 'Show Output').then((choice) => {
      if (choice) output.show();
    });
    throw err;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
