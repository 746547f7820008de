// "Disable RULE for this file" for plain JSON policies over LSP: the code action's command makes the server send
// a workspace/applyEdit that adds an `overrides` entry for exactly that file to .iam-policy.json; this client
// writes it to disk like an editor would, and the server's next diagnostics drop the rule for that file only.
// Also "Disable RULE for this resource (Metadata)" in a CloudFormation YAML template. Run `npm run build` first.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { disabledRuleText, fileGlobFor } from '../../server/src/lsp/disableRule';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');

const servers = new Set<ChildProcess>();
after(() => {
  for (const c of servers) if (c.exitCode === null) c.kill();
});

/** Applies a workspace edit to the files on disk (create + text edits, or a changes map), as an editor would. */
function applyToDisk(edit: WorkspaceEdit): void {
  const write = (uri: string, edits: TextEdit[]): void => {
    const path = fileURLToPath(uri);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // a file the edit creates
    }
    writeFileSync(path, TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, text), edits));
  };
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') writeFileSync(fileURLToPath(change.uri), '', { flag: 'a' });
    } else write(change.textDocument.uri, change.edits as TextEdit[]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) write(uri, edits);
}

async function start(folder: string) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  servers.add(child);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onNotification('window/showMessage', () => {});
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    applyToDisk(p.edit);
    return { applied: true };
  });
  connection.listen();
  child.stdin!.on('error', () => {});
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { applyEdit: true } }, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
  await connection.sendNotification('initialized', {});
  const diagnostics = async (uri: string, accept: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> => {
    for (let waited = 0; waited < 20_000; waited += 20) {
      const hit = published.filter((p) => p.uri === uri).at(-1);
      if (hit && accept(hit.diagnostics)) return hit.diagnostics;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(published.filter((p) => p.uri === uri).at(-1)?.diagnostics.map((d) => d.code))}`);
  };
  const open = (uri: string, languageId: string, text: string, version = 1): void =>
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return { connection, diagnostics, open };
}

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "sqs:SendMessage",\n      "Resource": "*"\n    }\n  ]\n}\n';
const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);
const lacks = (code: string) => (ds: Diagnostic[]) => ds.length > 0 && !ds.some((d) => d.code === code);

test('plain JSON: "Disable RULE for this file" writes an overrides entry that silences that file only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-disable-'));
  try {
    mkdirSync(join(dir, 'team'));
    const files = [join(dir, 'team', 'a.json'), join(dir, 'b.json')];
    for (const f of files) writeFileSync(f, POLICY);
    writeFileSync(join(dir, '.iam-policy.json'), '{\n  // ours\n  "rules": { "DUPLICATE_SID": "warning" }\n}\n');
    const s = await start(dir);
    const [a, b] = files.map((f) => pathToFileURL(f).href) as [string, string];
    s.open(a, 'json', POLICY);
    s.open(b, 'json', POLICY);
    const star = (await s.diagnostics(a, has('RESOURCE_STAR'))).filter((d) => d.code === 'RESOURCE_STAR');
    await s.diagnostics(b, has('RESOURCE_STAR'));
    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: a }, range: star[0]!.range, context: { diagnostics: star } })) as CodeAction[];
    const disable = actions.find((x) => x.title === 'Disable RESOURCE_STAR for this file (.iam-policy.json)');
    assert.ok(disable?.command, actions.map((x) => x.title).join(' | '));
    const path = await s.connection.sendRequest('workspace/executeCommand', { command: disable.command.command, arguments: disable.command.arguments });
    assert.equal(path, join(dir, '.iam-policy.json'));
    const written = readFileSync(join(dir, '.iam-policy.json'), 'utf8');
    assert.match(written, /\/\/ ours/, 'the comment is kept');
    assert.match(written, /"overrides": \[\s*\{\s*"files": \[\s*"team\/a\.json"\s*\],\s*"rules": \{\s*"RESOURCE_STAR": "off"\s*\}\s*\}\s*\]/);
    // the server re-reads its configuration: the rule is off for team/a.json, still on for b.json
    await s.diagnostics(a, lacks('RESOURCE_STAR'));
    assert.ok((await s.diagnostics(b)).some((d) => d.code === 'RESOURCE_STAR'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CloudFormation YAML: "Disable RULE for this resource (Metadata)" over LSP removes the squiggle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-disable-'));
  try {
    const s = await start(dir);
    const uri = pathToFileURL(join(dir, 'stack.yaml')).href;
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Send:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: "*"\n';
    s.open(uri, 'yaml', text);
    const star = (await s.diagnostics(uri, has('RESOURCE_STAR'))).filter((d) => d.code === 'RESOURCE_STAR');
    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: star[0]!.range, context: { diagnostics: star } })) as CodeAction[];
    const titles = actions.map((x) => x.title);
    assert.ok(titles.includes('Disable RESOURCE_STAR for this line') && titles.includes('Disable RESOURCE_STAR for this file'), titles.join(' | '));
    assert.ok(!titles.includes('Disable RESOURCE_STAR for this file (.iam-policy.json)'), 'YAML has its own file form');
    const metadata = actions.find((x) => x.title === 'Disable RESOURCE_STAR for this resource (Metadata)');
    assert.ok(metadata?.edit?.changes?.[uri], titles.join(' | '));
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), metadata.edit.changes[uri]);
    assert.match(after, /  Send:\n    Metadata:\n      iam-policy:\n        ignore_checks:\n          - RESOURCE_STAR\n    Type:/);
    void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
    await s.diagnostics(uri, (ds) => !ds.some((d) => d.code === 'RESOURCE_STAR'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the overrides glob names exactly one file; entries are added after the others or reused when last', () => {
  assert.equal(fileGlobFor('/w/p.json', '/w/.iam-policy.json'), './p.json');
  assert.equal(fileGlobFor('/w/a/b/p.json', '/w/.iam-policy.json'), 'a/b/p.json');
  assert.equal(fileGlobFor('/w/[x].json', '/w/.iam-policy.json'), undefined, 'glob syntax in the name');
  assert.equal(fileGlobFor('/v/p.json', '/w/.iam-policy.json'), undefined, 'outside the folder');
  assert.deepEqual(JSON.parse(disabledRuleText(undefined, 'RESOURCE_STAR', './p.json')), { overrides: [{ files: ['./p.json'], rules: { RESOURCE_STAR: 'off' } }] });
  const one = disabledRuleText('{\n  "overrides": [\n    { "files": ["legacy/**"], "rules": { "A_B": "off" } }\n  ]\n}\n', 'RESOURCE_STAR', './p.json');
  assert.deepEqual(JSON.parse(one).overrides, [{ files: ['legacy/**'], rules: { A_B: 'off' } }, { files: ['./p.json'], rules: { RESOURCE_STAR: 'off' } }]);
  const two = disabledRuleText(one, 'WRITE_UNCONSTRAINED', './p.json');
  assert.deepEqual(JSON.parse(two).overrides[1], { files: ['./p.json'], rules: { RESOURCE_STAR: 'off', WRITE_UNCONSTRAINED: 'off' } });
  // an entry for the file that a later entry could override is not reused: a new last entry wins
  const three = disabledRuleText(disabledRuleText(two, 'X_Y', './q.json'), 'MISSING_VERSION', './p.json');
  assert.equal(JSON.parse(three).overrides.length, 4);
});
