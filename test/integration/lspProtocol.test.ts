// The built language server (node dist/server.js --stdio) driven over real JSON-RPC, as any LSP editor would:
// push diagnostics with exact ranges, incremental edits, non-policy JSON, settings, hover/completion, pull mode.
// Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
// compiled to out/test/integration/: the repository root is three levels up
const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

interface Session {
  readonly connection: MessageConnection;
  readonly initializeResult: { capabilities: Record<string, unknown> };
  readonly registrations: { method: string; registerOptions?: unknown }[];
  readonly child: ChildProcess;
  readonly published: PublishDiagnosticsParams[];
  waitFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<number | null>;
}

/** settingsFor: what the client answers to workspace/configuration for a document */
async function startSession(capabilities: object, settingsFor: (uri: string) => unknown = () => ({})): Promise<Session> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
    params.items.map((i) => (i.section === 'iamPolicy' ? settingsFor(i.scopeUri ?? '') : null)),
  );
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.onNotification('window/logMessage', () => {});
  connection.listen();
  const initializeResult = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null })) as Session['initializeResult'];
  await connection.sendNotification('initialized', {});
  return {
    connection,
    initializeResult,
    registrations,
    child,
    published,
    waitFor: (uri, accept) =>
      new Promise((resolve, reject) => {
        const done = published.find((p) => p.uri === uri && accept(p));
        if (done) return resolve(done);
        const timer = setTimeout(() => reject(new Error(`no matching publishDiagnostics for ${uri}; got ${JSON.stringify(published.filter((p) => p.uri === uri))}`)), 10_000);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      }),
    stop: async () => {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    },
    {
      "Effect": "Allow",
      "Action": "sqs:SendMessage",
      "Action": "sqs:ReceiveMessage",
      "Resource": "arn:aws:sqs:eu-west-1:111122223333:jobs"
    }
  ]
}
`;

const codes = (d: readonly Diagnostic[]): string[] => d.map((x) => String(x.code));
const dup = (d: readonly Diagnostic[]): Diagnostic[] => d.filter((x) => x.code === 'DUPLICATE_KEY');

test('push diagnostics: open, incremental edits, non-policy JSON, hover/completion, close, shutdown', async () => {
  const s = await startSession({ workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } });
  const uri = 'file:///virtual/app-policy.json';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: POLICY } });
  const first = await s.waitFor(uri, (p) => p.version === 1);
  const d1 = dup(first.diagnostics);
  assert.equal(d1.length, 1, JSON.stringify(first.diagnostics));
  // the second "Action" key of the second statement: line 11 (0-based), columns 6..14 with quotes
  assert.deepEqual(d1[0]!.range, { start: { line: 11, character: 6 }, end: { line: 11, character: 14 } });
  assert.equal(d1[0]!.severity, 1);
  assert.equal(d1[0]!.source, 'iam');
  assert.match(d1[0]!.codeDescription?.href ?? '', /^https:\/\/.*\/docs\/rules\.md#duplicate_key$/);

  // incremental edit 1: delete the duplicate line -> the finding goes away
  s.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 11, character: 0 }, end: { line: 12, character: 0 } }, text: '' }],
  });
  const second = await s.waitFor(uri, (p) => p.version === 2);
  assert.deepEqual(dup(second.diagnostics), [], JSON.stringify(second.diagnostics));

  // incremental edit 2 (two changes in one notification): duplicate "Effect" in the first statement
  s.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [
      { range: { start: { line: 4, character: 24 }, end: { line: 4, character: 24 } }, text: '\n      "Effect": "Deny",' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' },
    ],
  });
  const third = await s.waitFor(uri, (p) => p.version === 3);
  assert.deepEqual(
    dup(third.diagnostics).map((d) => d.range),
    [{ start: { line: 5, character: 6 }, end: { line: 5, character: 14 } }],
    JSON.stringify(third.diagnostics),
  );

  // a JSON file that is not a policy gets an empty list
  const pkgUri = 'file:///virtual/package.json';
  s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: pkgUri, languageId: 'json', version: 1, text: '{\n  "name": "app",\n  "version": "1.0.0",\n  "name": "dup"\n}\n' },
  });
  const pkg = await s.waitFor(pkgUri, (p) => p.version === 1);
  assert.deepEqual(pkg.diagnostics, []);

  // hover, completion, code actions and CodeLens answer without error
  const hover = await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 18 } });
  assert.ok(hover === null || typeof hover === 'object');
  const completion = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 17 } })) as { items: unknown[] } | unknown[] | null;
  assert.ok(completion === null || Array.isArray(completion) || Array.isArray(completion.items));
  const actions = await s.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: third.diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: third.diagnostics },
  });
  assert.ok(Array.isArray(actions));
  assert.ok(Array.isArray(await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })));
  // requests on a document the server does not know are answered, not crashed on
  assert.equal(await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.json' }, position: { line: 0, character: 0 } }), null);

  // closing clears the document's diagnostics
  const before = s.published.length;
  s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await s.waitFor(uri, (p) => s.published.indexOf(p) >= before && p.diagnostics.length === 0);

  assert.equal(await s.stop(), 0);
});

test('settings from workspace/configuration apply per document: a rule turned off, a forced policy', async () => {
  const s = await startSession({ workspace: { configuration: true } }, (uri) =>
    uri.includes('quiet') ? { rules: { DUPLICATE_KEY: 'off' } } : { files: ['**/forced/*.json'], rules: { DUPLICATE_KEY: 'warning' } },
  );
  const quiet = 'file:///virtual/quiet.json';
  const loud = 'file:///virtual/loud.json';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: quiet, languageId: 'json', version: 1, text: POLICY } });
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: loud, languageId: 'json', version: 1, text: POLICY } });
  assert.deepEqual(codes(dup((await s.waitFor(quiet, (p) => p.version === 1)).diagnostics)), []);
  const loudDiags = dup((await s.waitFor(loud, (p) => p.version === 1)).diagnostics);
  assert.deepEqual(loudDiags.map((d) => d.severity), [2]);
  // a package.json-like document under a `files` glob is checked as a policy
  const forced = 'file:///virtual/forced/x.json';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: forced, languageId: 'json', version: 1, text: '{"name": "x", "name": "y"}' } });
  assert.deepEqual(codes(dup((await s.waitFor(forced, (p) => p.version === 1)).diagnostics)), ['DUPLICATE_KEY']);
  assert.equal(await s.stop(), 0);
});

test('pull diagnostics when the client supports them, and then no push', async () => {
  const s = await startSession({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  const init = s.published.length;
  const uri = 'file:///virtual/pulled.json';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: POLICY } });
  const report = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
  assert.equal(report.kind, 'full');
  assert.deepEqual(dup(report.items).map((d) => d.range), [{ start: { line: 11, character: 6 }, end: { line: 11, character: 14 } }]);
  await new Promise((r) => setTimeout(r, 400)); // longer than the push debounce
  assert.equal(s.published.length, init, 'a pull client must not also get publishDiagnostics');
  assert.equal(await s.stop(), 0);
});

test('.iam-policy.json in the workspace folder applies, and a change to it (didChangeWatchedFiles) re-validates', async (t) => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const root = mkdtempSync(join(tmpdir(), 'iam-lsp-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'policies'));
  const configPath = join(root, '.iam-policy.json');
  writeFileSync(configPath, '{"rules": {"DUPLICATE_KEY": "off"}}');
  const s = await startSession({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
  const uri = pathToFileURL(join(root, 'policies', 'app.json')).href;
  writeFileSync(join(root, 'policies', 'app.json'), POLICY);
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: POLICY } });
  assert.deepEqual(dup((await s.waitFor(uri, (p) => p.version === 1)).diagnostics), []);
  const before = s.published.length;
  writeFileSync(configPath, '{"rules": {"DUPLICATE_KEY": "hint"}}');
  s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
  const after = await s.waitFor(uri, (p) => s.published.indexOf(p) >= before && dup(p.diagnostics).length === 1);
  assert.equal(dup(after.diagnostics)[0]!.severity, 4);
  assert.equal(await s.stop(), 0);
});

test('formatting: static for clients without dynamic registration, registered for iam-policy only in VS Code', async () => {
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const compact = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}';
  const plain = await startSession({});
  assert.equal(plain.initializeResult.capabilities['documentFormattingProvider'], true);
  const uri = 'file:///virtual/fmt.policy.json';
  plain.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: compact } });
  const edits = (await plain.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as import('vscode-languageserver-textdocument').TextEdit[];
  const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'iam-policy', 1, compact), edits);
  assert.equal(formatted, JSON.stringify(JSON.parse(compact), null, 2));
  assert.equal(await plain.stop(), 0);

  const vscodeLike = await startSession({ textDocument: { formatting: { dynamicRegistration: true }, rangeFormatting: { dynamicRegistration: true } } });
  assert.equal(vscodeLike.initializeResult.capabilities['documentFormattingProvider'], undefined, 'json files keep their own formatter');
  const isFormatting = (r: { method: string }) => r.method === 'textDocument/formatting' || r.method === 'textDocument/rangeFormatting';
  // the registrations are sent from the server's `initialized` handler: poll until both arrived (or 10 s)
  for (let waited = 0; vscodeLike.registrations.filter(isFormatting).length < 2 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  const formatting = vscodeLike.registrations.filter(isFormatting);
  assert.deepEqual(
    formatting.map((r) => [r.method, r.registerOptions]),
    [
      ['textDocument/formatting', { documentSelector: [{ language: 'iam-policy' }] }],
      ['textDocument/rangeFormatting', { documentSelector: [{ language: 'iam-policy' }] }],
    ],
  );
  assert.equal(await vscodeLike.stop(), 0);
});

test('clients without workspace/configuration push settings in didChangeConfiguration', async () => {
  const s = await startSession({});
  const uri = 'file:///virtual/pushed.json';
  s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iamPolicy: { rules: { DUPLICATE_KEY: 'off' } } } });
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: POLICY } });
  assert.deepEqual(dup((await s.waitFor(uri, (p) => p.version === 1)).diagnostics), []);
  const before = s.published.length;
  s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iamPolicy: {} } });
  const again = await s.waitFor(uri, (p) => s.published.indexOf(p) >= before && dup(p.diagnostics).length === 1);
  assert.equal(dup(again.diagnostics)[0]!.severity, 1);
  assert.equal(await s.stop(), 0);
});
