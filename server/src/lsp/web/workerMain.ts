// The language server in a web worker (dist/web/server.js), for vscode.dev / github.dev: the same pure service
// (checks, hover, completion, quick fixes, CodeLens, outline, links, inlay hints, formatting of JSON policies)
// over postMessage. It fetches dist/iam-catalog.json next to itself (a file of the extension, not the network).
// Not here, because a browser has no file system: .iam-policy.json, and the policyTypes/files globs of the
// settings (rule levels, account ids and the rest of the settings apply).

import {
  BrowserMessageReader,
  BrowserMessageWriter,
  CodeActionKind,
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, decodeCatalogFile, loadCatalog, type IamLanguageService, type ParsedDocument, type ServiceSettings } from '../../service';
import { SettingsCache } from '../settings';
import { DocumentCache } from '../documentCache';
import { formatDocument, isFormattable } from '../formatting';
import { registerCustomRequests } from '../customRequests';
import { briefHover } from '../briefHover';
import { CLIENT_COMMAND_FOR, ruleDocsUrl, type IamPolicySettings } from '../../protocol';

interface WorkerScope {
  readonly location: { readonly href: string };
  fetch(url: string): Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
}
const scope = globalThis as unknown as WorkerScope;

const connection: Connection = createConnection(new BrowserMessageReader(globalThis as never), new BrowserMessageWriter(globalThis as never));
const documents = new TextDocuments(TextDocument);
let service: IamLanguageService | undefined;
let settings: SettingsCache | undefined;
let clientCommands = new Set<string>();
const cache = new DocumentCache((doc, options) => service!.parse(doc, options));
const timers = new Map<string, ReturnType<typeof setTimeout>>();

const serviceSettings = (s: IamPolicySettings): ServiceSettings => ({
  rules: s.rules,
  accountIds: s.accountIds,
  ...(s.sensitiveActions.length ? { sensitiveActions: s.sensitiveActions } : {}),
  ...(s.legacyScp ? { legacyScp: true } : {}),
});

async function contextOf(uri: string): Promise<{ doc: TextDocument; parsed: ParsedDocument; settings: IamPolicySettings; service: IamLanguageService } | undefined> {
  const doc = documents.get(uri);
  if (!doc || !service || !settings) return undefined;
  const s = await settings.get(uri);
  return { doc, parsed: cache.get(doc, { limits: { maxSize: s.maxFileSize } }), settings: s, service };
}

async function policy(uri: string) {
  const c = await contextOf(uri);
  return c && c.parsed.isPolicy ? c : undefined;
}

function validateLater(doc: TextDocument, delay: number): void {
  const t = timers.get(doc.uri);
  if (t) clearTimeout(t);
  timers.set(
    doc.uri,
    setTimeout(async () => {
      timers.delete(doc.uri);
      const c = await contextOf(doc.uri);
      if (!c || c.doc.version !== doc.version) return;
      const diagnostics = c.service.validate(c.doc, c.parsed, serviceSettings(c.settings));
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }, delay),
  );
}

connection.onInitialize(async (params) => {
  // the worker script sits in dist/web/: the catalog is one folder up
  const url = new URL('../iam-catalog.json', scope.location.href).href;
  const response = await scope.fetch(url);
  if (!response.ok) throw new Error(`IAM Policy Assistant could not load its IAM catalog (${url}: HTTP ${response.status})`);
  service = createIamLanguageService({
    // the file's head is parsed now, each service's actions on first use (catalogFile.ts)
    catalog: loadCatalog(decodeCatalogFile(new Uint8Array(await response.arrayBuffer()))),
    docsUrl: ruleDocsUrl,
    snippetEdits: (params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
  });
  settings = new SettingsCache(connection, params.capabilities.workspace?.configuration === true);
  settings.initial(params.initializationOptions);
  const opts = params.initializationOptions as { clientCommands?: unknown } | undefined;
  clientCommands = new Set(Array.isArray(opts?.clientCommands) ? opts.clientCommands.filter((c): c is string => typeof c === 'string') : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor], resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      inlayHintProvider: { resolveProvider: false },
      documentFormattingProvider: true,
    },
    serverInfo: { name: 'iam-policy-assistant (web worker)' },
  };
});

connection.onDidChangeConfiguration((change) => {
  settings?.changed(change.settings);
  for (const doc of documents.all()) validateLater(doc, 0);
});
documents.onDidOpen(({ document }) => validateLater(document, 0));
documents.onDidChangeContent(({ document }) => validateLater(document, 200));
documents.onDidClose(({ document }) => {
  cache.delete(document.uri);
  settings?.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onHover(async (p) => {
  const c = await policy(p.textDocument.uri);
  const hover = c ? c.service.hover(c.doc, c.parsed, p.position, serviceSettings(c.settings)) : null;
  return hover && c?.settings.hover.detail === 'brief' ? briefHover(hover) : hover;
});
connection.onCompletion(async (p) => {
  const c = await policy(p.textDocument.uri);
  return c ? c.service.complete(c.doc, c.parsed, p.position, serviceSettings(c.settings)) : { isIncomplete: false, items: [] };
});
connection.onCodeAction(async (p) => {
  const c = await policy(p.textDocument.uri);
  return c ? c.service.codeActions(c.doc, c.parsed, p.range, p.context, serviceSettings(c.settings)) : [];
});
connection.onCodeLens(async (p) => {
  const c = await policy(p.textDocument.uri);
  if (!c || !c.settings.codeLens.enabled) return [];
  // without the client's command (another web client) the lens carries no command rather than a broken one
  return c.service.codeLenses(c.doc, c.parsed, serviceSettings(c.settings)).map((l) =>
    l.command && !clientCommands.has(l.command.command) && Object.values(CLIENT_COMMAND_FOR).includes(l.command.command) ? { ...l, command: { title: l.command.title, command: '' } } : l,
  );
});
connection.onDocumentSymbol(async (p) => {
  const c = await policy(p.textDocument.uri);
  return c ? c.service.editor.documentSymbols(c.doc, c.parsed) : [];
});
connection.onDocumentLinks(async (p) => {
  const c = await contextOf(p.textDocument.uri);
  return c ? c.service.editor.documentLinks(c.doc, c.parsed.isPolicy ? c.parsed : undefined) : [];
});
connection.languages.inlayHint.on(async (p) => {
  const c = await policy(p.textDocument.uri);
  return c ? c.service.editor.inlayHints(c.doc, c.parsed, p.range) : [];
});
connection.onDocumentFormatting(async (p) => {
  const c = await contextOf(p.textDocument.uri);
  return c && isFormattable(c.parsed) ? formatDocument(c.doc, p.options) : [];
});
registerCustomRequests(connection, async (uri) => {
  const c = await policy(uri);
  return c ? { ctx: { parsed: c.parsed }, service: c.service } : undefined;
}, () => service);

documents.listen(connection);
connection.listen();
