// The built language server validates .iam-policy.json against the generated schema at run time: each problem is
// a diagnostic on the config file (code INVALID_CONFIG, at the offending key or value) plus a notification, and
// the diagnostics are cleared once the file is fixed. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

test('.iam-policy.json problems: diagnostics on the config file with their places, a notification, cleared when fixed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-config-'));
  const configPath = join(dir, '.iam-policy.json');
  writeFileSync(configPath, '{\n  "rules": { "RESOURCE_STARS": "off" },\n  "accountIds": ["1234"]\n}\n');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  t.after(() => {
    child.kill();
    connection.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const messages: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('window/showMessage', (p: { message: string }) => void messages.push(p.message));
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  const until = async <T>(get: () => T | undefined): Promise<T> => {
    for (let i = 0; i < 400; i++) {
      const v = get();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out; published: ${published.map((p) => p.uri + " " + p.diagnostics.length).join(", ")}; messages: ${messages.join(" | ")}`);
  };

  const configUri = pathToFileURL(configPath).toString();
  const policyUri = pathToFileURL(join(dir, 'p.json')).toString();
  const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: policyUri, languageId: 'json', version: 1, text: policy } });
  const diags = await until(() => published.find((p) => p.uri === configUri)?.diagnostics);
  assert.deepEqual(
    diags.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message]),
    [
      ['INVALID_CONFIG', 1, 1, 13, '"rules": unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"? (iam-policy-check --list-rules lists them) (at rules.RESOURCE_STARS)'],
      ['INVALID_CONFIG', 1, 2, 17, '"accountIds": "1234" is not a 12-digit AWS account ID (at accountIds[0])'],
    ],
  );
  const note = await until(() => messages.find((m) => m.includes('unknown rule code')));
  assert.match(note, /\.iam-policy\.json:2:14: "rules": unknown rule code "RESOURCE_STARS".*\(and 1 more/);

  // fixed on disk: the watcher's event clears the diagnostics, and the next check finds nothing to republish
  writeFileSync(configPath, '{ "rules": { "RESOURCE_STAR": "off" } }\n');
  const before = published.length;
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  const cleared = await until(() => published.slice(before).find((p) => p.uri === configUri));
  assert.deepEqual(cleared.diagnostics, []);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: policyUri, version: 2 }, contentChanges: [{ text: policy.replace('b/*', 'c/*') }] });
  await until(() => published.slice(before).find((p) => p.uri === policyUri));
  assert.equal(published.slice(before).filter((p) => p.uri === configUri && p.diagnostics.length > 0).length, 0);
});
