// Test helper: a minimal LSP client over stdio for the built server (dist/server.js), with pull
// diagnostics, for reliability tests that drive long edit sequences; and a recording session (messages and pushed
// diagnostics) for tests of notifications.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from './catalog';

export const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');

export interface LspSession {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  exited(): boolean;
  rssBytes(): number;
  stop(): Promise<void>;
}

export async function startLsp(extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<LspSession> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('textDocument/publishDiagnostics', () => {});
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { dynamicRegistration: false } }, workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    stderr: () => err,
    exited: () => exited,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) * 1024 : 0;
    },
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await done;
      connection.dispose();
    },
  };
}

/** A server session that records what the server shows and publishes, for tests of notifications and push diagnostics. */
export interface RecordingSession {
  readonly connection: MessageConnection;
  /** window/showMessage and window/showMessageRequest texts, in order */
  readonly messages: string[];
  readonly published: PublishDiagnosticsParams[];
  /** the initialize request's error message, when the server refused to start */
  readonly initError: string | undefined;
  /** polls `get` every 50 ms until it gives a value (a hang guard of 20 s, never a timing assertion) */
  until<T>(get: () => T | undefined): Promise<T>;
  stop(): void;
}

export interface RecordingOptions {
  readonly args?: readonly string[];
  readonly initializationOptions?: unknown;
  /** the `iamPolicy` section answered to workspace/configuration (null for every other section) */
  readonly settings?: unknown;
  readonly capabilities?: object;
}

export async function startRecordingSession(options: RecordingOptions = {}): Promise<RecordingSession> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const messages: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('window/showMessage', (p: { message: string }) => void messages.push(p.message));
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'iamPolicy' ? (options.settings ?? null) : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  let initError: string | undefined;
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: options.capabilities ?? { workspace: { configuration: true } }, workspaceFolders: null, initializationOptions: options.initializationOptions });
    await connection.sendNotification('initialized', {});
  } catch (err) {
    initError = (err as Error).message;
  }
  const until = async <T>(get: () => T | undefined): Promise<T> => {
    for (let i = 0; i < 400; i++) {
      const v = get();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out; published: ${published.map((p) => `${p.uri} ${p.diagnostics.length}`).join(', ')}; messages: ${messages.join(' | ')}`);
  };
  const stop = (): void => {
    child.kill();
    connection.dispose();
  };
  return { connection, messages, published, initError, until, stop };
}
