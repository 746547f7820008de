// SAM policy templates in the built language server, as an editor sees them: a template's finding and an unknown
// template name as diagnostics on the entry, and the hover that shows the expansion. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - S3ReadPolicy:
            BucketName: uploads
        - TextractPolicy: {}
        - DynamoDbCrudPolicy:
            TableName: orders
`;

test('SAM policy templates over LSP: diagnostics on the entries, hover with the expansion', async (t) => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  t.after(() => {
    child.kill();
    connection.dispose();
  });
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///virtual/sam/template.yaml';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEMPLATE } });
  let diagnostics: PublishDiagnosticsParams['diagnostics'] | undefined;
  for (let i = 0; i < 400 && !diagnostics; i++) {
    diagnostics = published.find((p) => p.uri === uri)?.diagnostics;
    if (!diagnostics) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(diagnostics, 'diagnostics published');
  assert.deepEqual(
    diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`).sort(),
    ['8:10 SERVICE_WILDCARD', '9:10 SAM_POLICY_TEMPLATE_UNKNOWN'],
  );
  const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 14 } })) as Hover;
  assert.match(JSON.stringify(hover.contents), /SAM policy template `S3ReadPolicy`.*arn:aws:s3:::uploads\/\*/);
});
