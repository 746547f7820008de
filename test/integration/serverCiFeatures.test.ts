// The built language server and issue 20: an unknown rule code in iamPolicy.rules is reported (not silently
// ignored); initializationOptions.iamDataPath / --iam-data=DIR choose the IAM data; inline suppressions and the
// "Disable RULE for this line" code action work over LSP in a CloudFormation YAML document. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DATA_VERSION_REQUEST } from '../../server/src/protocol';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');

async function session(args: string[], initializationOptions: unknown, settings: unknown) {
  const child = spawn(process.execPath, [SERVER, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'iamPolicy' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  let initError: string | undefined;
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null, initializationOptions });
    await connection.sendNotification('initialized', {});
  } catch (err) {
    initError = (err as Error).message;
  }
  const until = async <T>(get: () => T | undefined): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const v = get();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out');
  };
  const stop = async () => {
    child.kill();
    connection.dispose();
  };
  return { connection, messages, published, initError, until, stop };
}

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action:
              - s3:GetObjekt # iam-policy-ignore INVALID_ACTION: legacy
              - s3:PutObjekt
            Resource: arn:aws:s3:::b/*
`;

test('unknown iamPolicy.rules code is reported; suppression comments and the Disable code action over LSP', async (t) => {
  const s = await session([], {}, { rules: { RESOURCE_STARS: 'off' } });
  t.after(() => s.stop());
  const uri = 'file:///virtual/template.yaml';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: YAML } });
  const diags = await s.until(() => s.published.find((p) => p.uri === uri)?.diagnostics);
  const invalid = diags.filter((d) => d.code === 'INVALID_ACTION');
  assert.deepEqual(invalid.map((d) => d.range.start.line), [10], 'the commented line is suppressed, the next is not');
  const message = await s.until(() => s.messages.find((m) => m.includes('unknown rule code')));
  assert.match(message, /iamPolicy\.rules: unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"\?/);
  const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: invalid[0]!.range, context: { diagnostics: invalid } })) as CodeAction[];
  const disable = actions.find((a) => a.title === 'Disable INVALID_ACTION for this line');
  assert.ok(disable, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(disable.edit?.changes?.[uri], [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '              # iam-policy-ignore INVALID_ACTION: reason\n' }]);
});

test('the IAM data folder comes from initializationOptions.iamDataPath or --iam-data=DIR', async (t) => {
  const pkg = join(ROOT, 'node_modules', '@cloud-copilot', 'iam-data');
  const good = await session([], { iamDataPath: pkg }, {});
  t.after(() => good.stop());
  assert.equal(good.initError, undefined);
  const version = (await good.connection.sendRequest(DATA_VERSION_REQUEST)) as { version: string; updatedAt: string };
  assert.match(version.version, /^\d+\.\d+\./);
  const bad = await session([], { iamDataPath: join(ROOT, 'no-such-folder') }, {});
  t.after(() => bad.stop());
  assert.match(bad.initError ?? '', /no-such-folder is not an @cloud-copilot\/iam-data package folder/);
  const flag = await session([`--iam-data=${join(ROOT, 'no-such-folder')}`], {}, {});
  t.after(() => flag.stop());
  assert.match(flag.initError ?? '', /no-such-folder is not an @cloud-copilot\/iam-data package folder/);
});
