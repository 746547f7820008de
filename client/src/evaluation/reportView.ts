// Read-only Markdown views of a verdict (simulation or access-denied explanation), shown beside the editor as a
// virtual document of the `iam-policy-evaluation` scheme. Only display: the server wrote the Markdown.

import { EventEmitter, Uri, ViewColumn, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

export const REPORT_SCHEME = 'iam-policy-evaluation';

export class ReportView implements TextDocumentContentProvider, Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows `markdown` as `<name>.md` beside the active editor without taking the focus. */
  async show(name: string, markdown: string): Promise<void> {
    const uri = Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const doc = await workspace.openTextDocument(uri);
    await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
