// Test helper: a minimal LSP client over stdio for the built server (dist/server.js), with pull
// diagnostics, for reliability tests that drive long edit sequences.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
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
