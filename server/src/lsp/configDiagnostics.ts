// The problems of a .iam-policy.json (schema validation, config/validateConfig.ts) as diagnostics on that file:
// pushed with textDocument/publishDiagnostics, so the editor lists them in its Problems view even while the file is
// closed, and cleared when a config file changes (the next check republishes what is still wrong). Node-side.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedWorkspaceConfig } from '../config/workspaceConfig';

/** The code of every .iam-policy.json diagnostic. */
export const INVALID_CONFIG = 'INVALID_CONFIG';

export class ConfigDiagnostics {
  private readonly published = new Set<string>();

  constructor(private readonly send: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /** Publishes the file's problems (nothing when it has none). */
  report(workspace: LoadedWorkspaceConfig): void {
    const located = workspace.located ?? [];
    if (located.length === 0) return;
    let text = '';
    try {
      text = readFileSync(workspace.path, 'utf8');
    } catch {
      // read a moment ago; gone now: the watcher clears and the next check re-reads
      return;
    }
    const doc = TextDocument.create('file:///config', 'json', 0, text);
    const diagnostics = located.map(
      (p): Diagnostic => ({
        range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + Math.max(p.length, 1)) },
        severity: DiagnosticSeverity.Error,
        code: INVALID_CONFIG,
        source: 'iam-policy',
        message: p.path ? `${p.message} (at ${p.path})` : p.message,
      }),
    );
    const uri = pathToFileURL(workspace.path).toString();
    this.published.add(uri);
    this.send(uri, diagnostics);
  }

  /** Clears every published config diagnostic (a config file was created, changed or deleted). */
  clearAll(): void {
    for (const uri of this.published) this.send(uri, []);
    this.published.clear();
  }
}
