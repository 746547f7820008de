// The connection tee on a fake connection: the host's registrations are kept and routed by document, the
// guest answers for the documents it owns, executeCommand goes to whoever owns the command, capabilities and
// command lists are merged, document sync reaches both, the host's diagnostics for guest documents are dropped,
// and the host sees only the watched-file changes that match the globs it registered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { teeConnection, type GuestFeatures } from '../../../server/src/lsp/evaluation/connectionTee';

type Handler = (...args: unknown[]) => unknown;

function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const sent: unknown[] = [];
  const registered: unknown[] = [];
  const on = (name: string) => (h: Handler) => {
    handlers.set(name, h);
    return { dispose: () => handlers.delete(name) };
  };
  const names = ['onInitialize', 'onInitialized', 'onHover', 'onCompletion', 'onCodeLens', 'onCodeAction', 'onExecuteCommand', 'onDidOpenTextDocument', 'onDidChangeTextDocument', 'onDidCloseTextDocument', 'onDidSaveTextDocument', 'onDidChangeWatchedFiles'];
  const conn: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, on(n)]));
  conn['languages'] = { diagnostics: { on: on('diagnostics'), refresh: () => Promise.resolve() } };
  conn['sendDiagnostics'] = (p: unknown) => (sent.push(p), Promise.resolve());
  conn['client'] = { register: (type: unknown, options: unknown) => (registered.push([type, options]), Promise.resolve({ dispose() {} })) };
  conn['console'] = { log() {} };
  return { conn: conn as unknown as Connection, handlers, sent, registered };
}

function fakeGuest(log: string[]): GuestFeatures {
  return {
    owns: (uri) => uri.endsWith('.iamtest.yaml'),
    initialize: () => ({ hoverProvider: true }),
    initialized: () => log.push('guest initialized'),
    commands: ['guest.cmd'],
    executeCommand: async (p) => `guest ran ${p.command}`,
    hover: async () => ({ contents: 'guest hover' }),
    completion: async () => ({ isIncomplete: false, items: [{ label: 'guest' }] }),
    codeLens: async () => [],
    codeAction: async () => [],
    diagnostics: async () => [{ message: 'guest diag', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
    didOpen: (p) => log.push(`guest open ${p.textDocument.uri}`),
    didChange: () => log.push('guest change'),
    didClose: () => log.push('guest close'),
    didSave: () => log.push('guest save'),
    didChangeWatchedFiles: (p) => log.push(`guest watched ${p.changes.length}`),
  };
}

const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

test('routing, merging and teeing between the host and the guest', async () => {
  const fake = fakeConnection();
  const log: string[] = [];
  const tee = teeConnection(fake.conn, fakeGuest(log));
  // the host registers as startServer does
  tee.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: 2 }, executeCommandProvider: { commands: ['host.cmd'] } } }));
  tee.onInitialized(() => void log.push('host initialized'));
  tee.onHover(() => ({ contents: 'host hover' }));
  tee.onExecuteCommand((p) => `host ran ${p.command}`);
  tee.onDidOpenTextDocument((p) => void log.push(`host open ${p.textDocument.uri}`));
  tee.onDidChangeWatchedFiles((p) => void log.push(`host watched ${p.changes.map((c) => c.uri).join(',')}`));
  tee.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
  await tee.client.register({ method: 'workspace/didChangeWatchedFiles' } as never, { watchers: [{ globPattern: '**/.iam-policy.json' }] } as never);

  const init = (await fake.handlers.get('onInitialize')!({ capabilities: {} }, token, undefined)) as { capabilities: Record<string, unknown> };
  assert.deepEqual(init.capabilities['executeCommandProvider'], { commands: ['host.cmd', 'guest.cmd'] });
  assert.deepEqual(init.capabilities['textDocumentSync'], { openClose: true, change: 2, save: { includeText: false } });
  fake.handlers.get('onInitialized')!({});
  assert.deepEqual(log.splice(0), ['host initialized', 'guest initialized']);

  const hover = (uri: string) => fake.handlers.get('onHover')!({ textDocument: { uri }, position: { line: 0, character: 0 } }, token);
  assert.deepEqual(await hover('file:///a/policy.json'), { contents: 'host hover' });
  assert.deepEqual(await hover('file:///a/t.iamtest.yaml'), { contents: 'guest hover' });
  // the host registered no completion: a policy document gets an empty list, a test file the guest's
  assert.deepEqual(await fake.handlers.get('onCompletion')!({ textDocument: { uri: 'file:///p.json' } }, token), { isIncomplete: false, items: [] });

  const exec = (command: string) => fake.handlers.get('onExecuteCommand')!({ command, arguments: [] }, token);
  assert.equal(await exec('guest.cmd'), 'guest ran guest.cmd');
  assert.equal(await exec('host.cmd'), 'host ran host.cmd');

  const pulled = (await fake.handlers.get('diagnostics')!({ textDocument: { uri: 'file:///t.iamtest.yaml' } }, token)) as { items: unknown[] };
  assert.equal(pulled.items.length, 1);
  const hostPulled = (await fake.handlers.get('diagnostics')!({ textDocument: { uri: 'file:///p.json' } }, token)) as { items: unknown[] };
  assert.equal(hostPulled.items.length, 0);

  fake.handlers.get('onDidOpenTextDocument')!({ textDocument: { uri: 'file:///t.iamtest.yaml' } });
  assert.deepEqual(log.splice(0), ['host open file:///t.iamtest.yaml', 'guest open file:///t.iamtest.yaml']);

  await tee.sendDiagnostics({ uri: 'file:///t.iamtest.yaml', diagnostics: [] });
  await tee.sendDiagnostics({ uri: 'file:///p.json', diagnostics: [] });
  assert.deepEqual(fake.sent, [{ uri: 'file:///p.json', diagnostics: [] }], "the host's (empty) diagnostics never overwrite the guest's");

  fake.handlers.get('onDidChangeWatchedFiles')!({ changes: [{ uri: 'file:///w/policies/a.json', type: 2 }] });
  fake.handlers.get('onDidChangeWatchedFiles')!({ changes: [{ uri: 'file:///w/policies/a.json', type: 2 }, { uri: 'file:///w/.iam-policy.json', type: 2 }] });
  assert.deepEqual(log.splice(0), ['guest watched 1', 'host watched file:///w/.iam-policy.json', 'guest watched 2']);
  assert.equal(fake.registered.length, 1, 'the host registration reaches the client');
});
