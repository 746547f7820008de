// The permission diff in VS Code: "IAM Policy: Compare Permissions with HEAD" and "…with File…" open the diff
// (Markdown from the server's iamPolicy/permissionDiff request) in a read-only virtual document, and a CodeLens
// on the first line of a policy file that differs from HEAD gives the one-line summary (it also shows on the
// modified side of the git diff editor). The server computes everything; this module only asks and shows.

import { CodeLens, commands, EventEmitter, languages, Range, Uri, window, workspace, type CodeLensProvider, type Disposable, type ExtensionContext, type TextDocument, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIFF_CLIENT_COMMANDS, PERMISSION_DIFF_REQUEST, type PermissionDiffParams, type PermissionDiffResult } from '../../server/src/diffProtocol';

export const DIFF_SCHEME = 'iam-policy-diff';
const POLICY_LANGUAGES = ['json', 'jsonc', 'iam-policy', 'yaml', 'terraform'];

class DiffDocuments implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  set(uri: Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

/** One-line summary against HEAD for changed policy files; cached per document version. */
class HeadSummaryLens implements CodeLensProvider {
  private readonly cache = new Map<string, { version: number; result: Promise<PermissionDiffResult | null> }>();
  readonly changed = new EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  constructor(private readonly client: LanguageClient) {}
  async provideCodeLenses(doc: TextDocument): Promise<CodeLens[]> {
    if (doc.uri.scheme !== 'file') return [];
    const key = doc.uri.toString();
    let hit = this.cache.get(key);
    if (!hit || hit.version !== doc.version) {
      const params: PermissionDiffParams = { uri: key, against: { ref: 'HEAD' }, detail: 'summary' };
      hit = { version: doc.version, result: Promise.resolve(this.client.sendRequest<PermissionDiffResult | null>(PERMISSION_DIFF_REQUEST, params)).catch(() => null) };
      this.cache.set(key, hit);
    }
    const r = await hit.result;
    // nothing to say for files equal to HEAD, outside git, or that hold no policy in either version
    if (!r || r.error || r.identical || r.policies === 0) return [];
    return [new CodeLens(new Range(0, 0, 0, 0), { title: `$(git-compare) ${r.summary}`, command: DIFF_CLIENT_COMMANDS.compareWithHead, arguments: [key] })];
  }
  forget(doc: TextDocument): void {
    this.cache.delete(doc.uri.toString());
  }
}

export function registerPermissionDiff(context: ExtensionContext, client: LanguageClient): void {
  const docs = new DiffDocuments();
  const lens = new HeadSummaryLens(client);
  const subs: Disposable[] = [
    workspace.registerTextDocumentContentProvider(DIFF_SCHEME, docs),
    languages.registerCodeLensProvider(POLICY_LANGUAGES.map((language) => ({ language, scheme: 'file' })), lens),
    workspace.onDidSaveTextDocument(() => lens.changed.fire()),
    workspace.onDidCloseTextDocument((d) => lens.forget(d)),
    commands.registerCommand(DIFF_CLIENT_COMMANDS.compareWithHead, (uri?: string) => compare(client, docs, uri, { ref: 'HEAD' })),
    commands.registerCommand(DIFF_CLIENT_COMMANDS.compareWithFile, async (uri?: string, oldUri?: string) => {
      let against = oldUri;
      if (!against) {
        const picked = await window.showOpenDialog({ canSelectMany: false, openLabel: 'Compare with this (old) version', title: 'IAM Policy: the version to compare with' });
        against = picked?.[0]?.toString();
      }
      if (against) await compare(client, docs, uri, { uri: against });
    }),
  ];
  context.subscriptions.push(...subs);
}

async function compare(client: LanguageClient, docs: DiffDocuments, uri: string | undefined, against: PermissionDiffParams['against']): Promise<void> {
  const target = uri ?? window.activeTextEditor?.document.uri.toString();
  if (!target) {
    void window.showInformationMessage('Open an IAM policy file to compare its permissions.');
    return;
  }
  const result = await client.sendRequest<PermissionDiffResult | null>(PERMISSION_DIFF_REQUEST, { uri: target, against, detail: 'full' } satisfies PermissionDiffParams);
  if (!result) {
    void window.showInformationMessage('The IAM Policy language server is not ready yet.');
    return;
  }
  if (result.error) {
    void window.showWarningMessage(`IAM Policy: cannot compare: ${result.error}`);
    return;
  }
  const name = decodeURIComponent(target.split('/').pop() ?? 'policy');
  const text = result.identical ? `# Permission diff: ${name} vs ${result.against}\n\nThe two versions are identical.\n` : (result.markdown ?? result.summary);
  const out = Uri.from({ scheme: DIFF_SCHEME, path: `/${name}.permission-diff.md`, query: `${target}|${result.against}` });
  docs.set(out, text);
  const doc = await workspace.openTextDocument(out);
  await window.showTextDocument(doc, { preview: true, preserveFocus: false });
}
