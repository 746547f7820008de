// Delivers diagnostics one of two ways, chosen from the client's capabilities (never both, so a document is
// never validated twice): push (publishDiagnostics, debounced per document, cleared on close) or pull
// (textDocument/diagnostic, the client asks). Does not compute diagnostics itself: `validate` is given.

import type { Connection, Diagnostic, DiagnosticServerCancellationData, Disposable, FullDocumentDiagnosticReport, TextDocuments } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../service';
import { runSafe } from './runSafe';

export type Validate = (doc: TextDocument) => Promise<Diagnostic[]>;

export interface DiagnosticsSupport {
  /** settings or the workspace config changed: recompute every open document */
  requestRefresh(): void;
  dispose(): void;
}

/** Edits are validated after this quiet period; a freshly opened document is validated at once. */
export const VALIDATION_DELAY_MS = 200;

export function registerDiagnosticsPushSupport(documents: TextDocuments<TextDocument>, connection: Connection, logger: Logger, validate: Validate): DiagnosticsSupport {
  const pending = new Map<string, NodeJS.Timeout>();
  const seen = new Set<string>();
  const disposables: Disposable[] = [];

  const cancel = (uri: string): void => {
    const t = pending.get(uri);
    if (t) clearTimeout(t);
    pending.delete(uri);
  };

  const trigger = (doc: TextDocument, delay: number): void => {
    cancel(doc.uri);
    pending.set(
      doc.uri,
      setTimeout(async () => {
        pending.delete(doc.uri);
        try {
          const diagnostics = await validate(doc);
          // the document may have changed or closed while we worked: only publish for the current version
          const current = documents.get(doc.uri);
          if (current && current.version === doc.version) await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
        } catch (err) {
          logger.error(`validation of ${doc.uri} failed: ${err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)}`);
        }
      }, delay),
    );
  };

  disposables.push(
    documents.onDidChangeContent(({ document }) => {
      const first = !seen.has(document.uri);
      seen.add(document.uri);
      trigger(document, first ? 0 : VALIDATION_DELAY_MS);
    }),
    documents.onDidClose(({ document }) => {
      cancel(document.uri);
      seen.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }),
  );

  return {
    requestRefresh: () => {
      for (const doc of documents.all()) trigger(doc, 0);
    },
    dispose: () => {
      for (const uri of [...pending.keys()]) cancel(uri);
      for (const d of disposables) d.dispose();
    },
  };
}

export function registerDiagnosticsPullSupport(documents: TextDocuments<TextDocument>, connection: Connection, logger: Logger, validate: Validate): DiagnosticsSupport {
  const registration = connection.languages.diagnostics.on((params, token) =>
    runSafe<FullDocumentDiagnosticReport, DiagnosticServerCancellationData>(logger, 'textDocument/diagnostic', token, { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
      const doc = documents.get(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: doc ? await validate(doc) : [] };
    }),
  );
  return {
    requestRefresh: () => {
      void connection.languages.diagnostics.refresh().catch((err: unknown) => logger.warn(`diagnostic refresh failed: ${String(err)}`));
    },
    dispose: () => registration.dispose(),
  };
}
