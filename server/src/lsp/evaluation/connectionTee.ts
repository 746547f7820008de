// Lets a second set of features (a "guest") share the one LSP connection with startServer (the "host")
// without either knowing the other's handlers. The host registers through the returned connection; those
// registrations are kept here, and the real connection gets one handler per method that routes by document
// (documents the guest owns go to the guest, all others to the host) or calls both (document sync; watched
// files, the host getting only the changes matching the globs it registered). The initialize result is merged (the guest's capabilities, its executeCommand ids). Nothing else
// changes: every other member of the connection is the real one.

import { fileURLToPath } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type Diagnostic,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type DidSaveTextDocumentParams,
  type Disposable,
  type DocumentDiagnosticParams,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { matchGlob } from '../../config/globs';

export interface GuestFeatures {
  /** true for the documents whose hover, completion, CodeLens, code actions and diagnostics the guest answers */
  owns(uri: string): boolean;
  /** after the host initialized successfully; returns capabilities merged into the host's */
  initialize(params: InitializeParams): Partial<ServerCapabilities>;
  initialized(): void;
  /** the command ids the guest answers through workspace/executeCommand */
  readonly commands: readonly string[];
  executeCommand(params: ExecuteCommandParams, token: CancellationToken): Promise<unknown>;
  hover(params: HoverParams, token: CancellationToken): Promise<Hover | null>;
  completion(params: CompletionParams, token: CancellationToken): Promise<CompletionList>;
  codeLens(params: CodeLensParams, token: CancellationToken): Promise<CodeLens[]>;
  codeAction(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]>;
  /** pull diagnostics for an owned document (push: the guest publishes itself) */
  diagnostics(uri: string): Promise<Diagnostic[]>;
  didOpen(params: DidOpenTextDocumentParams): void;
  didChange(params: DidChangeTextDocumentParams): void;
  didClose(params: DidCloseTextDocumentParams): void;
  didSave(params: DidSaveTextDocumentParams): void;
  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void;
}

type Handler = (...args: never[]) => unknown;

/** Wraps `real` for the host; call before the host registers anything. */
export function teeConnection(real: Connection, guest: GuestFeatures): Connection {
  const host = new Map<string, Handler>();
  const hostHandler = <H extends Handler>(name: string): H | undefined => host.get(name) as H | undefined;
  const keep = (name: string) => (handler: Handler): Disposable => {
    host.set(name, handler);
    return { dispose: () => host.delete(name) };
  };
  const call = (name: string, ...args: unknown[]): unknown => (host.get(name) as ((...a: unknown[]) => unknown) | undefined)?.(...args);

  real.onInitialize((async (params: InitializeParams, token: CancellationToken, workDone: unknown) => {
    const h = hostHandler<(p: InitializeParams, t: CancellationToken, w: unknown) => InitializeResult | ResponseError<unknown> | Promise<InitializeResult | ResponseError<unknown>>>('onInitialize');
    const result = h ? await h(params, token, workDone) : { capabilities: {} };
    if (result instanceof ResponseError) return result;
    const extra = guest.initialize(params);
    const capabilities: ServerCapabilities = { ...result.capabilities, ...extra };
    // document sync: the guest wants saves too; keep the host's open/close and change kind
    if (typeof result.capabilities.textDocumentSync === 'object') capabilities.textDocumentSync = { ...result.capabilities.textDocumentSync, save: { includeText: false } };
    capabilities.executeCommandProvider = { commands: [...(result.capabilities.executeCommandProvider?.commands ?? []), ...guest.commands] };
    return { ...result, capabilities };
  }) as never);
  real.onInitialized((params) => {
    call('onInitialized', params);
    guest.initialized();
  });

  // requests answered per document
  const route = <P extends { textDocument: { uri: string } }, R>(name: string, guestAnswer: (p: P, t: CancellationToken) => Promise<R>, empty: R) =>
    ((params: P, token: CancellationToken, ...rest: unknown[]): unknown => {
      if (guest.owns(params.textDocument.uri)) return guestAnswer(params, token);
      const h = host.get(name) as ((...a: unknown[]) => unknown) | undefined;
      return h ? h(params, token, ...rest) : empty;
    }) as never;
  real.onHover(route<HoverParams, Hover | null>('onHover', (p, t) => guest.hover(p, t), null));
  real.onCompletion(route<CompletionParams, CompletionList>('onCompletion', (p, t) => guest.completion(p, t), { isIncomplete: false, items: [] }));
  real.onCodeLens(route<CodeLensParams, CodeLens[]>('onCodeLens', (p, t) => guest.codeLens(p, t), []));
  real.onCodeAction(route<CodeActionParams, CodeAction[]>('onCodeAction', (p, t) => guest.codeAction(p, t), []));
  real.languages.diagnostics.on(
    route<DocumentDiagnosticParams, unknown>('diagnostics.on', async (p) => ({ kind: DocumentDiagnosticReportKind.Full, items: await guest.diagnostics(p.textDocument.uri) }), { kind: DocumentDiagnosticReportKind.Full, items: [] }),
  );
  real.onExecuteCommand(async (params, token, ...rest) => {
    if (guest.commands.includes(params.command)) return guest.executeCommand(params, token);
    const h = host.get('onExecuteCommand') as ((...a: unknown[]) => unknown) | undefined;
    if (h) return h(params, token, ...rest);
    return new ResponseError(ErrorCodes.InvalidParams, `Unknown command "${params.command}"`);
  });

  // notifications both sides see: the host first (its document store), then the guest
  real.onDidOpenTextDocument((p) => (call('onDidOpenTextDocument', p), guest.didOpen(p)));
  real.onDidChangeTextDocument((p) => (call('onDidChangeTextDocument', p), guest.didChange(p)));
  real.onDidCloseTextDocument((p) => (call('onDidCloseTextDocument', p), guest.didClose(p)));
  real.onDidSaveTextDocument((p) => (call('onDidSaveTextDocument', p), guest.didSave(p)));
  let hostWatchGlobs: string[] | undefined;
  const hostWatches = (uri: string): boolean => {
    let path: string;
    try {
      path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    } catch {
      return true;
    }
    return hostWatchGlobs!.some((g) => matchGlob(g, path));
  };
  // the host sees only the changes of the files it asked the client to watch (the guest watches more)
  real.onDidChangeWatchedFiles((p) => {
    const changes = hostWatchGlobs === undefined ? p.changes : p.changes.filter((c) => hostWatches(c.uri));
    if (changes.length > 0) call('onDidChangeWatchedFiles', { ...p, changes });
    guest.didChangeWatchedFiles(p);
  });
  const client = new Proxy(real.client, {
    get(target, prop, receiver) {
      if (prop !== 'register') return bound(target, Reflect.get(target, prop, receiver));
      return (type: { method?: string } | string, options?: { watchers?: Array<{ globPattern: unknown }> }, ...rest: unknown[]) => {
        const method = typeof type === 'string' ? type : type.method;
        if (method === DidChangeWatchedFilesNotification.method && options?.watchers) {
          const globs = options.watchers.map((w) => w.globPattern);
          // a relative pattern (an object) cannot be matched here: then the host sees every change, as before
          hostWatchGlobs = globs.every((g): g is string => typeof g === 'string') ? [...(hostWatchGlobs ?? []), ...globs] : undefined;
        }
        return (target.register as (...a: unknown[]) => unknown)(type, options, ...rest);
      };
    },
  });

  const overrides: Record<string, unknown> = {
    onInitialize: keep('onInitialize'),
    onInitialized: keep('onInitialized'),
    onHover: keep('onHover'),
    onCompletion: keep('onCompletion'),
    onCodeLens: keep('onCodeLens'),
    onCodeAction: keep('onCodeAction'),
    onExecuteCommand: keep('onExecuteCommand'),
    onDidOpenTextDocument: keep('onDidOpenTextDocument'),
    onDidChangeTextDocument: keep('onDidChangeTextDocument'),
    onDidCloseTextDocument: keep('onDidCloseTextDocument'),
    onDidSaveTextDocument: keep('onDidSaveTextDocument'),
    onDidChangeWatchedFiles: keep('onDidChangeWatchedFiles'),
    // the host's (empty) diagnostics for a guest document would overwrite the guest's
    sendDiagnostics: (p: PublishDiagnosticsParams) => (guest.owns(p.uri) ? Promise.resolve() : real.sendDiagnostics(p)),
  };
  const diagnostics = new Proxy(real.languages.diagnostics, {
    get: (target, prop, receiver) => (prop === 'on' ? keep('diagnostics.on') : bound(target, Reflect.get(target, prop, receiver))),
  });
  const languages = new Proxy(real.languages, {
    get: (target, prop, receiver) => (prop === 'diagnostics' ? diagnostics : bound(target, Reflect.get(target, prop, receiver))),
  });
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop];
      if (prop === 'languages') return languages;
      if (prop === 'client') return client;
      return bound(target, Reflect.get(target, prop, receiver));
    },
  });
}

function bound(target: object, value: unknown): unknown {
  return typeof value === 'function' ? (value as Handler).bind(target) : value;
}

