// "IAM Policy: Generate Policy from CloudTrail Logs…": the user picks log files or a folder, then a principal
// from those the server found in the logs; the generated policy opens as a new untitled iam-policy document
// with the Markdown report beside it. The language server reads the logs and builds both
// (server/src/lsp/generateRequests.ts); this module only asks and shows.

import { commands, ProgressLocation, Uri, ViewColumn, window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GENERATE_COMMAND,
  GENERATE_PRINCIPALS_REQUEST,
  GENERATE_REQUEST,
  type GenerateParams,
  type GeneratePrincipalsResult,
  type GenerateResultMessage,
} from '../../server/src/generateProtocol';

const ALL = '';

async function pickLogs(): Promise<string[] | undefined> {
  // Windows and Linux dialogs cannot offer files and folders at once: ask which first
  const kind = await window.showQuickPick(
    [
      { label: '$(file) Log files…', description: '.json or .json.gz files, or lookup-events output', id: 'files' },
      { label: '$(folder) A folder of logs…', description: 'for example an AWSLogs/ tree downloaded from S3', id: 'folder' },
    ],
    { title: 'Generate policy from CloudTrail logs', placeHolder: 'Where are the logs?' },
  );
  if (!kind) return undefined;
  const uris = await window.showOpenDialog({
    canSelectFiles: kind.id === 'files',
    canSelectFolders: kind.id === 'folder',
    canSelectMany: true,
    openLabel: 'Use these logs',
    ...(kind.id === 'files' ? { filters: { 'CloudTrail logs': ['json', 'gz'], 'All files': ['*'] } } : {}),
  });
  return uris?.map((u) => u.fsPath);
}

async function pickPrincipal(client: LanguageClient, paths: string[]): Promise<string | undefined> {
  const found = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Reading CloudTrail logs…', cancellable: true },
    (_, token) => client.sendRequest<GeneratePrincipalsResult>(GENERATE_PRINCIPALS_REQUEST, { paths }, token),
  );
  for (const p of found.problems) void window.showWarningMessage(`${p.path}: ${p.message}`);
  if (found.principals.length === 0) {
    void window.showWarningMessage(`No API calls found in ${found.files} log file${found.files === 1 ? '' : 's'}.`);
    return undefined;
  }
  const items: (QuickPickItem & { principal: string })[] = [
    ...found.principals.map((p) => ({ label: p.principal, description: `${p.count} call${p.count === 1 ? '' : 's'}`, principal: p.principal })),
    { label: 'All principals', description: 'one policy for every call in the logs', principal: ALL },
  ];
  const choice = await window.showQuickPick(items, { title: 'Generate policy from CloudTrail logs', placeHolder: 'Whose calls should the policy allow?', matchOnDescription: true });
  return choice?.principal;
}

/** `paths` and `principal` may be passed by other extensions and tests to skip the pickers. */
async function generate(client: LanguageClient, paths?: string[], principal?: string): Promise<void> {
  const logs = paths?.length ? paths : await pickLogs();
  if (!logs?.length) return;
  const who = principal ?? (await pickPrincipal(client, logs));
  if (who === undefined) return;
  const params: GenerateParams = { paths: logs, ...(who ? { principal: who } : {}) };
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Generating the policy…', cancellable: true },
    (_, token) => client.sendRequest<GenerateResultMessage>(GENERATE_REQUEST, params, token),
  );
  for (const text of result.policies) {
    const doc = await workspace.openTextDocument({ language: 'iam-policy', content: text });
    await window.showTextDocument(doc, { viewColumn: ViewColumn.Active, preview: false });
  }
  const report = await workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await window.showTextDocument(report, { viewColumn: ViewColumn.Beside, preserveFocus: true, preview: false });
  if (result.problems.length) void window.showWarningMessage(`${result.problems.length} log file${result.problems.length === 1 ? '' : 's'} could not be read completely: see the report.`);
}

export function registerGenerateCommand(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(GENERATE_COMMAND, async (first?: string[] | Uri, second?: string | Uri[]) => {
      try {
        // from the explorer's context menu VS Code passes the clicked resource and the whole selection;
        // other callers (tests, extensions) may pass paths and a principal to skip the pickers
        const given =
          first instanceof Uri
            ? (Array.isArray(second) && second.length ? second : [first]).map((u) => u.fsPath)
            : Array.isArray(first) && first.every((p) => typeof p === 'string')
              ? first
              : undefined;
        await generate(client, given, typeof second === 'string' ? second : undefined);
      } catch (err) {
        void window.showErrorMessage(`Could not generate the policy: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
}
