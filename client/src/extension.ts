// VS Code entry point (dist/extension.js): creates the output channel, starts the language client, and
// shows an error notification when that fails (VS Code shows none when an extension fails to activate).

import { window, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { registerClientFeatures } from './commands';
import { startWhenNeeded } from './serverActivation';
import { registerEvaluationFeatures } from './evaluation';
import { registerPermissionDiff } from './permissionDiff';
import { registerGenerateCommand } from './generateCommand';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  // commands and the status item are there at once; the server process starts only when a document it has
  // something to say about is opened (serverActivation.ts): opening package.json starts none
  registerClientFeatures(context, client);
  // command-driven features: their first request starts the server (vscode-languageclient starts on first use)
  registerEvaluationFeatures(context, client);
  registerGenerateCommand(context, client);
  const started = client;
  context.subscriptions.push(...startWhenNeeded(() => void startClient(context, started, output)));
}

async function startClient(context: ExtensionContext, client: LanguageClient, output: LogOutputChannel): Promise<void> {
  try {
    await client.start();
    // after the start: its HEAD-summary CodeLens asks the server for every JSON document, which would start
    // the server for package.json too (vscode-languageclient starts on the first request)
    registerPermissionDiff(context, client);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.error(`Activation failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
    void window.showErrorMessage(`${CLIENT_NAME} failed to start: ${message}`, 'Show Output').then((choice) => {
      if (choice) output.show();
    });
  }
}

export async function deactivate(): Promise<void> {
  // a server that never started (no policy was opened) has nothing to stop
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
