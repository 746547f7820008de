// The language server as an editor sees it: cold start (spawn `node dist/server.js --stdio` -> first
// publishDiagnostics for a document opened right after initialize), and resident memory after opening documents.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Minimal LSP client over stdio: resolves `until(msg)` promises as frames arrive. */
function startServer(serverJs) {
  // started as the VS Code client starts it: SERVER_NODE_FLAGS and SERVER_ENV in server/src/protocol.ts
  const child = spawn(process.execPath, ['--max-semi-space-size=4', serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, MALLOC_ARENA_MAX: '1' } });
  let buffer = Buffer.alloc(0);
  const waiters = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (msg.method === 'workspace/configuration') child.stdin.write(frame({ id: msg.id, result: msg.params.items.map(() => ({})) }));
      for (const w of [...waiters]) if (w.test(msg)) waiters.splice(waiters.indexOf(w), 1), w.resolve(msg);
    }
  });
  return {
    child,
    send: (m) => child.stdin.write(frame(m)),
    until: (test) => new Promise((resolve) => waiters.push({ test, resolve })),
    async stop() {
      const exited = new Promise((r) => child.on('exit', r));
      child.stdin.write(frame({ id: 999999, method: 'shutdown' }));
      child.stdin.write(frame({ method: 'exit' }));
      await exited;
    },
  };
}

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const open = (uri, text) => ({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text } } });

export async function run(ctx) {
  const serverJs = join(ctx.dist, 'server.js');
  const policy = ctx.generatePolicy(2_000, 3);
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const s = startServer(serverJs);
    s.send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } } });
    s.send({ method: 'initialized', params: {} });
    s.send(open('file:///bench/cold.json', policy));
    await s.until((m) => m.method === 'textDocument/publishDiagnostics');
    starts.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await s.stop();
  }

  const s = startServer(serverJs);
  s.send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } } });
  s.send({ method: 'initialized', params: {} });
  await s.until((m) => m.id === 1);
  const idle = rssMb(s.child.pid);
  const docs = 20;
  const published = new Set();
  const all = s.until((m) => m.method === 'textDocument/publishDiagnostics' && published.add(m.params.uri).size === docs);
  for (let i = 0; i < docs; i++) s.send(open(`file:///bench/doc${i}.json`, ctx.generatePolicy(i % 2 ? 10_000 : 50_000, 100 + i)));
  await all;
  const loaded = rssMb(s.child.pid);
  await s.stop();
  return [
    { name: 'server cold start -> first publishDiagnostics (median of 5)', value: ctx.median(starts), unit: 'ms', target: '<= 500' },
    { name: 'server RSS after initialize (catalog loaded)', value: idle, unit: 'MB' },
    { name: `server RSS after opening ${docs} documents (10-50 KB)`, value: loaded, unit: 'MB', target: '<= 120' },
  ];
}
