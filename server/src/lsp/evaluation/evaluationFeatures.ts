// The language server side of the evaluation features (issue 15), as a guest of the connection (connectionTee):
// policy test files get diagnostics, completion, hover and a pass/fail CodeLens per test, re-run when the file
// or a policy it references changes (open-document edits, saves, watched files); "simulate" and "explain
// access denied" answer as custom requests and as workspace/executeCommand commands. The logic is in the pure
// service layer (features/policyTests, features/simulate, features/accessDenied); here: documents, files, timing.

import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type ExecuteCommandParams,
  type Hover,
  type InitializeParams,
  type Position,
  type Range,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog, Logger } from '../../service';
import { parseDocument } from '../../service/parser/parseDocument';
import type { PolicyDocument } from '../../service/parser/policyModel';
import { isPolicyTestFile } from '../../service/evaluation/testFile';
import { runTestFile, type TestFileRun } from '../../service/features/policyTests/marks';
import { completeTestFile } from '../../service/features/policyTests/complete';
import { hoverTestFile } from '../../service/features/policyTests/hover';
import { testFileQuickFixes } from '../../service/features/policyTests/quickFixes';
import { simulationChoices } from '../../service/features/simulate/choices';
import { simulateOnPolicy } from '../../service/features/simulate/simulate';
import { explainAccessDenied, type WorkspacePolicyFile, type WorkspaceTestFile } from '../../service/features/accessDenied/explain';
import { appendStatementEdit, grantStatement } from '../../service/features/accessDenied/grantEdit';
import {
  EVALUATION_SERVER_COMMANDS,
  EXPLAIN_ACCESS_DENIED_REQUEST,
  POLICY_TEST_RESULTS_REQUEST,
  SIMULATE_REQUEST,
  SIMULATION_CHOICES_REQUEST,
  type ExplainAccessDeniedParams,
  type ExplainAccessDeniedResult,
  type PolicyTestResults,
  type PolicyTestResultsParams,
  type SimulateParams,
  type SimulateResult,
  type SimulationChoices,
  type SimulationChoicesParams,
} from '../../evaluationProtocol';
import { runSafe } from '../runSafe';
import type { GuestFeatures } from './connectionTee';
import { FileReader, pathToUri, relativeFrom, uriToPath, WorkspaceWalk } from './workspaceFiles';

export interface EvaluationRuntime {
  /** the catalog the host loaded (shared, loaded once) */
  catalog(): IamCatalog;
  readonly docsUrl?: (code: string) => string;
}

/** Edits of a test file or a referenced policy re-run the marks after this quiet period. */
const RERUN_DELAY_MS = 200;

const LANGUAGE_BY_EXT: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.json$/i, 'json'],
  [/\.ya?ml$/i, 'yaml'],
  [/\.tf$/i, 'terraform'],
];

export function createEvaluationFeatures(connection: Connection, runtime: EvaluationRuntime): GuestFeatures {
  const logger: Logger = { error: (m) => connection.console.error(m), warn: (m) => connection.console.warn(m), info: (m) => connection.console.info(m) };
  const documents = new TextDocuments(TextDocument);
  const syncHandlers: Record<string, (p: never) => void> = {};
  // our own document store, fed by the tee (the host keeps its own)
  documents.listen(new Proxy({} as Connection, { get: (_t, prop: string) => (prop.startsWith('on') ? (h: (p: never) => void) => ((syncHandlers[prop] = h), { dispose: () => undefined }) : undefined), set: () => true }));
  const files = new FileReader(documents);
  let folders: string[] = [];
  const walk = new WorkspaceWalk(() => folders);
  let pull = false;
  let codeLensRefresh = false;
  let watchRegistration = false;
  type Run = TestFileRun & { readonly referenced: Set<string>; readonly version: number | undefined };
  const runs = new Map<string, Run>();
  const timers = new Map<string, NodeJS.Timeout>();
  const forced = new Set<string>();

  const catalog = () => runtime.catalog();

  function run(uri: string): Run {
    const doc = documents.get(uri);
    const path = uriToPath(uri);
    const text = doc ?? TextDocument.create(uri, 'yaml', 0, '');
    const result = runTestFile(text, {
      catalog: catalog(),
      resolver: (p) => (path ? files.read(FileReader.resolveFrom(path, p)) : { error: 'the test file is not on disk' }),
      uriOf: (name, file) => (file ? file : path ? pathToUri(FileReader.resolveFrom(path, name)) : uri),
      ...(runtime.docsUrl ? { docsUrl: (code: string) => runtime.docsUrl!(code).replace(/rules\.md#.*/, `policy-test-diagnostics.md#${code.toLowerCase()}`) } : {}),
    });
    const referenced = new Set(path ? result.referencedPaths.map((p) => FileReader.resolveFrom(path, p)) : []);
    const entry: Run = { ...result, referenced, version: doc?.version };
    runs.set(uri, entry);
    return entry;
  }

  /** The run of the document's current version (pull diagnostics, CodeLens and the re-run timer share it). */
  function current(uri: string): Run {
    const hit = runs.get(uri);
    return hit && hit.version === documents.get(uri)?.version ? hit : run(uri);
  }

  /** Re-runs a test file (`force`: a policy it reads changed) and tells the client: diagnostics and CodeLens. */
  function rerun(uri: string, delay: number, force = false): void {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    // a forced re-run stays forced when a later edit of the test file restarts the timer
    if (force) forced.add(uri);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const wasForced = forced.delete(uri);
        try {
          const r = wasForced ? run(uri) : current(uri);
          if (!pull) void connection.sendDiagnostics({ uri, diagnostics: r.diagnostics });
          // pull: the client asks for the test file's own edits itself; a policy change needs a refresh
          else if (wasForced) void connection.languages.diagnostics.refresh().catch(() => undefined);
          if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        } catch (err) {
          logger.error(`policy tests of ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        }
      }, delay),
    );
  }

  /** A policy changed (edited, saved, or on disk): re-run the open test files that reference it. */
  function policyChanged(path: string | undefined): void {
    for (const [uri, r] of runs) if (documents.get(uri) && (path === undefined || r.referenced.has(path))) rerun(uri, RERUN_DELAY_MS, true);
  }

  /** Workspace files that look like policies (a "Statement" key), for path completion; kept until files change. */
  let policyPaths: string[] | undefined;
  function policyFilePaths(): string[] {
    if (policyPaths) return policyPaths;
    policyPaths = walk
      .files()
      .filter((f) => !isPolicyTestFile(f.path))
      .filter((f) => {
        const r = files.read(f.path);
        return 'text' in r && /["']?Statement["']?\s*:/.test(r.text);
      })
      .map((f) => f.path);
    return policyPaths;
  }

  function workspacePolicies(): { policies: WorkspacePolicyFile[]; tests: WorkspaceTestFile[] } {
    const policies: WorkspacePolicyFile[] = [];
    const tests: WorkspaceTestFile[] = [];
    for (const f of walk.files()) {
      const read = files.read(f.path);
      if (!('text' in read)) continue;
      const uri = files.openDocument(f.path)?.uri ?? pathToUri(f.path);
      if (isPolicyTestFile(f.path)) {
        tests.push({ uri, label: f.label, text: read.text, resolver: (p) => files.read(FileReader.resolveFrom(f.path, p)), uriOf: (name, file) => file ?? pathToUri(FileReader.resolveFrom(f.path, name)) });
        continue;
      }
      const languageId = LANGUAGE_BY_EXT.find(([re]) => re.test(f.path))?.[1] ?? 'json';
      const parsed = parseDocument(read.text, { uri, languageId });
      if (parsed.isPolicy && !parsed.skipped) policies.push({ uri, label: f.label, parsed });
    }
    return { policies, tests };
  }

  function policyOf(uri: string, position?: Position): { name: string; doc: TextDocument; parsed: ReturnType<typeof parseDocument>; policy: PolicyDocument } | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const path = uriToPath(uri);
    const folder = path ? folders.filter((f) => path.startsWith(f)).sort((a, b) => b.length - a.length)[0] : undefined;
    const name = path && folder ? relativeFrom(`${folder}/x`, path) : decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    const parsed = parseDocument(doc.getText(), { uri, languageId: doc.languageId });
    if (!parsed.isPolicy || parsed.policies.length === 0 || parsed.skipped) return undefined;
    const offset = position ? doc.offsetAt(position) : -1;
    const policy = parsed.policies.find((p) => offset >= p.span.offset && offset <= p.span.offset + p.span.length) ?? parsed.policies[0]!;
    return { name: policy.label ? `${name} (${policy.label})` : name, doc, parsed, policy };
  }

  // ---- the operations, shared by requests and commands ----
  const testResults = (p: PolicyTestResultsParams): PolicyTestResults | null => (isPolicyTestFile(p.uri) ? current(p.uri).results : null);
  const choices = (p: SimulationChoicesParams): SimulationChoices | null => {
    const t = policyOf(p.uri, p.position);
    return t ? simulationChoices(p.uri, t.policy, catalog()) : null;
  };
  const simulate = (p: SimulateParams): SimulateResult | null => {
    const t = policyOf(p.uri, p.position);
    if (!t || typeof p.action !== 'string' || p.action.trim() === '') return null;
    return simulateOnPolicy(p, t.name, t.parsed.text, t.policy, catalog());
  };
  const explain = (p: ExplainAccessDeniedParams): ExplainAccessDeniedResult => {
    const ws = workspacePolicies();
    return explainAccessDenied(typeof p.message === 'string' ? p.message : '', ws.policies, ws.tests, catalog());
  };
  async function addGrant(p: { uri: string; action: string; resource?: string }): Promise<{ applied: boolean; reason?: string }> {
    const path = uriToPath(p.uri);
    const read = path ? files.read(path) : { error: 'not a file' };
    if (!('text' in read)) return { applied: false, reason: read.error };
    const parsed = parseDocument(read.text, { uri: p.uri, languageId: 'json' });
    const policy = parsed.policies[0];
    if (!parsed.isPolicy || !policy || parsed.container || parsed.syntax) return { applied: false, reason: 'not a JSON policy file' };
    const edit = appendStatementEdit(read.text, policy, grantStatement(policy, p.action, p.resource));
    if (!edit) return { applied: false, reason: 'the policy has no Statement list to add to' };
    const doc = TextDocument.create(p.uri, 'json', 0, read.text);
    const uri = files.openDocument(path!)?.uri ?? p.uri;
    const r = await connection.workspace.applyEdit({ label: `Allow ${p.action}`, edit: { changes: { [uri]: [{ range: { start: doc.positionAt(edit.offset), end: doc.positionAt(edit.offset + edit.length) }, newText: edit.newText }] } } });
    return { applied: r.applied, ...(r.failureReason ? { reason: r.failureReason } : {}) };
  }

  const safe = <T>(label: string, token: CancellationToken, empty: T, fn: () => T | Promise<T>) => runSafe<T>(logger, label, token, empty, fn) as Promise<T>;
  connection.onRequest(POLICY_TEST_RESULTS_REQUEST, (p: PolicyTestResultsParams, token) => safe('policyTestResults', token, null, () => testResults(p)));
  connection.onRequest(SIMULATION_CHOICES_REQUEST, (p: SimulationChoicesParams, token) => safe('simulationChoices', token, null, () => choices(p)));
  connection.onRequest(SIMULATE_REQUEST, (p: SimulateParams, token) => safe('simulate', token, null, () => simulate(p)));
  connection.onRequest(EXPLAIN_ACCESS_DENIED_REQUEST, (p: ExplainAccessDeniedParams, token) => safe('explainAccessDenied', token, null, () => explain(p)));

  const commandIds = Object.values(EVALUATION_SERVER_COMMANDS);

  return {
    owns: (uri) => isPolicyTestFile(uri),
    initialize(params: InitializeParams): Partial<ServerCapabilities> {
      folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
      if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)].filter((p): p is string => p !== undefined);
      pull = params.capabilities.textDocument?.diagnostic !== undefined;
      codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
      watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      return {};
    },
    initialized() {
      // referenced policies change on disk too (git checkout, another editor): the client watches them for us
      if (watchRegistration) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{json,yaml,yml,template,tf}' }] });
    },
    commands: commandIds,
    async executeCommand(params: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
      const arg = (params.arguments ?? [])[0] as never;
      switch (params.command) {
        case EVALUATION_SERVER_COMMANDS.policyTestResults:
          return safe('policyTestResults', token, null, () => testResults(arg));
        case EVALUATION_SERVER_COMMANDS.simulationChoices:
          return safe('simulationChoices', token, null, () => choices(arg));
        case EVALUATION_SERVER_COMMANDS.simulate:
          return safe('simulate', token, null, () => simulate(arg));
        case EVALUATION_SERVER_COMMANDS.explainAccessDenied:
          return safe('explainAccessDenied', token, null, () => explain(arg));
        case EVALUATION_SERVER_COMMANDS.addGrant:
          return safe('addGrant', token, { applied: false }, () => addGrant(arg));
        case EVALUATION_SERVER_COMMANDS.revealStatement: {
          const [uri, range] = (params.arguments ?? []) as [string, Range];
          return safe('revealStatement', token, { success: false }, () => connection.window.showDocument({ uri, takeFocus: true, selection: range }));
        }
        default:
          return null;
      }
    },
    hover: (p, token) =>
      safe<Hover | null>('hover', token, null, () => {
        const doc = documents.get(p.textDocument.uri);
        return doc ? hoverTestFile(doc, doc.offsetAt(p.position), catalog()) : null;
      }),
    completion: (p, token) =>
      safe<CompletionList>('completion', token, { isIncomplete: false, items: [] }, () => {
        const doc = documents.get(p.textDocument.uri);
        const path = uriToPath(p.textDocument.uri);
        if (!doc) return { isIncomplete: false, items: [] };
        const policyFiles = path ? policyFilePaths().map((p) => relativeFrom(path, p)) : [];
        return completeTestFile(doc, doc.offsetAt(p.position), { catalog: catalog(), policyFiles });
      }),
    codeLens: (p, token) => safe<CodeLens[]>('codeLens', token, [], () => current(p.textDocument.uri).lenses),
    codeAction: (p, token) =>
      safe<CodeAction[]>('codeAction', token, [], () => {
        const doc = documents.get(p.textDocument.uri);
        return doc ? testFileQuickFixes(doc, p.context.diagnostics, catalog()) : [];
      }),
    diagnostics: async (uri): Promise<Diagnostic[]> => current(uri).diagnostics,
    didOpen(p) {
      syncHandlers['onDidOpenTextDocument']?.(p as never);
      if (isPolicyTestFile(p.textDocument.uri)) rerun(p.textDocument.uri, 0);
      else policyChanged(uriToPath(p.textDocument.uri));
    },
    didChange(p) {
      syncHandlers['onDidChangeTextDocument']?.(p as never);
      if (isPolicyTestFile(p.textDocument.uri)) rerun(p.textDocument.uri, RERUN_DELAY_MS);
      else policyChanged(uriToPath(p.textDocument.uri));
    },
    didClose(p) {
      syncHandlers['onDidCloseTextDocument']?.(p as never);
      const uri = p.textDocument.uri;
      if (isPolicyTestFile(uri)) {
        runs.delete(uri);
        forced.delete(uri);
        const t = timers.get(uri);
        if (t) clearTimeout(t);
        timers.delete(uri);
        if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
      } else policyChanged(uriToPath(uri)); // back to the text on disk
    },
    didSave(p) {
      syncHandlers['onDidSaveTextDocument']?.(p as never);
      if (!isPolicyTestFile(p.textDocument.uri)) policyChanged(uriToPath(p.textDocument.uri));
    },
    didChangeWatchedFiles(p) {
      walk.invalidate();
      policyPaths = undefined;
      for (const change of p.changes) policyChanged(uriToPath(change.uri));
    },
  };
}
