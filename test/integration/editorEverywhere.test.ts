// The language server as a plain LSP client sees it (no VS Code commands, no dynamic registration, no
// workspace/configuration answers): formatting never touches YAML, Terraform or non-policy JSON; completion
// edits start where the typed text starts (no filterText); settings from initializationOptions; server-side
// commands in CodeLenses and code actions; outline, links, inlay hints and relatedInformation.
// Run `npm run build` first.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, InlayHint, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');

interface Session {
  readonly connection: MessageConnection;
  readonly capabilities: Record<string, unknown>;
  readonly edits: WorkspaceEdit[];
  readonly messages: string[];
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  open(uri: string, languageId: string, text: string): void;
  stop(): Promise<void>;
}

// a failed assertion skips stop(): the servers are ended here so the test process can exit
const servers = new Set<import('node:child_process').ChildProcess>();
after(() => {
  for (const c of servers) if (c.exitCode === null) c.kill();
});

async function start(initializationOptions?: unknown, capabilities: object = {}, workspaceFolders: string[] = []): Promise<Session> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const edits: WorkspaceEdit[] = [];
  const messages: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onNotification('window/showMessage', (p: { message: string }) => void messages.push(p.message));
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    edits.push(p.edit);
    return { applied: true };
  });
  connection.listen();
  child.stdin!.on('error', () => {});
  servers.add(child);
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: workspaceFolders.map((f) => ({ uri: pathToFileURL(f).href, name: 'ws' })),
    ...(initializationOptions !== undefined ? { initializationOptions } : {}),
  })) as { capabilities: Record<string, unknown> };
  await connection.sendNotification('initialized', {});
  return {
    connection,
    capabilities: init.capabilities,
    edits,
    messages,
    async diagnostics(uri, accept = () => true) {
      for (let waited = 0; waited < 10_000; waited += 20) {
        const hit = published.filter((p) => p.uri === uri).at(-1);
        if (hit && accept(hit.diagnostics)) return hit.diagnostics;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no diagnostics for ${uri}`);
    },
    open(uri, languageId, text) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on('exit', r));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" },
    { "Sid": "Read", "Effect": "Allow", "Action": ["s3:Get*", "ec2:DescribeInstances"], "Resource": "*" }
  ]
}
`;

const YAML = readFileSync(join(ROOT, 'test', 'fixtures', 'containers', 'valid-cloudformation.yaml'), 'utf8');
const TERRAFORM = readFileSync(join(ROOT, 'test', 'fixtures', 'containers', 'valid-terraform.tf'), 'utf8');
const PACKAGE_JSON = '{"name":"x",   "version":"1.0.0","scripts":{"test":"node --test"}}\n';

test('formatting returns no edit for YAML, Terraform and non-policy JSON, whatever the client registered', async () => {
  const s = await start();
  assert.equal(s.capabilities['documentFormattingProvider'], true, 'a client without dynamic registration gets formatting statically');
  const cases: [string, string, string][] = [
    ['file:///ws/template.yaml', 'yaml', YAML],
    ['file:///ws/main.tf', 'terraform', TERRAFORM],
    ['file:///ws/package.json', 'json', PACKAGE_JSON],
    // a CloudFormation template in JSON: the template's layout is the user's
    ['file:///ws/template.json', 'json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"P":{"Type":"AWS::IAM::ManagedPolicy","Properties":{"PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}}}}}'],
  ];
  for (const [uri, languageId, text] of cases) {
    s.open(uri, languageId, text);
    for (const method of ['textDocument/formatting', 'textDocument/rangeFormatting']) {
      const lines = text.split('\n').length;
      const edits = (await s.connection.sendRequest(method, {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
        range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
      })) as TextEdit[] | null;
      const after = TextDocument.applyEdits(TextDocument.create(uri, languageId, 1, text), edits ?? []);
      assert.equal(after, text, `${method} must leave ${uri} byte for byte as it was`);
      assert.deepEqual(edits ?? [], []);
    }
  }
  // a JSON policy is still formatted
  const uri = 'file:///ws/compact.json';
  const compact = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
  s.open(uri, 'json', compact);
  const edits = (await s.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
  assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, compact), edits), JSON.stringify(JSON.parse(compact), null, 2));
  await s.stop();
});

test('completion works for prefix-matching clients: no filterText, edits start after the opening quote', async () => {
  const s = await start();
  const uri = 'file:///ws/complete.json';
  const line = '    { "Effect": "Allow", "Action": "s3:';
  const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n${line}", "Resource": "*" }\n  ]\n}\n`;
  s.open(uri, 'json', text);
  const list = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: line.length } })) as CompletionList;
  const item = list.items.find((i) => i.label === 's3:GetObject');
  assert.ok(item, 'actions of s3 are offered after "s3:"');
  for (const i of list.items) assert.equal(i.filterText, undefined, `${i.label} has no filterText`);
  const edit = item.textEdit as TextEdit;
  assert.equal(edit.range.start.character, line.indexOf('"s3:') + 1, 'the edit replaces the whole token content, so "s3:" is not inserted twice');
  const applied = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), [edit]);
  assert.match(applied, /"Action": "s3:GetObject", "Resource"/);
  // half-typed action name: what was typed is a prefix of the label from the edit's start
  const typed = '    { "Effect": "Allow", "Action": "s3:GetObj';
  const text2 = text.replace(line, typed);
  const uri2 = 'file:///ws/complete2.json';
  s.open(uri2, 'json', text2);
  const list2 = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri2 }, position: { line: 3, character: typed.length } })) as CompletionList;
  const prefixOf = (i: CompletionItem): string => typed.slice((i.textEdit as TextEdit).range.start.character);
  const matching = list2.items.filter((i) => i.label.startsWith(prefixOf(i)));
  assert.ok(matching.some((i) => i.label === 's3:GetObject'), 'a prefix filter keeps s3:GetObject');
  // a key being typed: the edit starts after the quote too
  const keyLine = '    { "Effect": "Allow", "Reso';
  const text3 = `{\n  "Version": "2012-10-17",\n  "Statement": [\n${keyLine}" }\n  ]\n}\n`;
  const uri3 = 'file:///ws/complete3.json';
  s.open(uri3, 'json', text3);
  const list3 = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri3 }, position: { line: 3, character: keyLine.length } })) as CompletionList;
  const resource = list3.items.find((i) => i.label === 'Resource');
  assert.ok(resource);
  assert.equal(resource.filterText, undefined);
  assert.equal((resource.textEdit as TextEdit).range.start.character, keyLine.lastIndexOf('"') + 1);
  await s.stop();
});

test('settings from initializationOptions for clients that neither answer workspace/configuration nor push settings', async () => {
  const s = await start({ iamPolicy: { rules: { DUPLICATE_SID: 'off' } } });
  const uri = 'file:///ws/init.json';
  s.open(uri, 'json', POLICY);
  const ds = await s.diagnostics(uri);
  assert.equal(ds.filter((d) => d.code === 'DUPLICATE_SID').length, 0);
  await s.stop();
  // a client that declares workspace/configuration but answers null for the section (Neovim without `settings`)
  const s2 = await start({ iamPolicy: { rules: { DUPLICATE_SID: 'off' } } }, { workspace: { configuration: true } });
  s2.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  s2.open(uri, 'json', POLICY);
  assert.equal((await s2.diagnostics(uri)).filter((d) => d.code === 'DUPLICATE_SID').length, 0);
  await s2.stop();
  const s3 = await start();
  s3.open(uri, 'json', POLICY);
  assert.equal((await s3.diagnostics(uri)).filter((d) => d.code === 'DUPLICATE_SID').length, 1, 'without the setting the finding is there');
  await s3.stop();
});

test('relatedInformation: DUPLICATE_SID points at the earlier Sid; docs links are https', async () => {
  const s = await start();
  const uri = 'file:///ws/dup.json';
  s.open(uri, 'json', POLICY);
  const dup = (await s.diagnostics(uri)).find((d) => d.code === 'DUPLICATE_SID');
  assert.ok(dup);
  assert.equal(dup.range.start.line, 4);
  assert.deepEqual(dup.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]), [[uri, 3, POLICY.split('\n')[3]!.indexOf('"Read"')]]);
  assert.match(dup.codeDescription?.href ?? '', /^https:\/\/.+#duplicate_sid$/);
  await s.stop();
});

test('CodeLens and code actions carry server commands that workspace/executeCommand runs (client commands only when the client has them)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-editor-'));
  try {
    const file = join(dir, 'policy.json');
    writeFileSync(file, POLICY);
    const uri = pathToFileURL(file).href;
    const s = await start(undefined, { workspace: { applyEdit: true } }, [dir]);
    const commands = (s.capabilities['executeCommandProvider'] as { commands: string[] }).commands;
    assert.ok(commands.includes('iamPolicy.server.showEffectiveActions'));
    s.open(uri, 'json', POLICY);
    const lenses = (await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(lenses.length, 2);
    for (const l of lenses) assert.ok(commands.includes(l.command!.command), `${l.command!.command} is one the server executes`);
    const result = (await s.connection.sendRequest('workspace/executeCommand', { command: lenses[1]!.command!.command, arguments: lenses[1]!.command!.arguments })) as { statements: { services: { prefix: string }[] }[] };
    assert.deepEqual(result.statements[0]!.services.map((x) => x.prefix), ['ec2', 's3']);
    assert.match(s.messages.at(-1) ?? '', /Sid "Read": Allow, \d+ actions in 2 services/);
    // ESLint-style entries: documentation and disabling, once per rule
    const ds = await s.diagnostics(uri);
    const dup = ds.filter((d) => d.code === 'DUPLICATE_SID');
    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: dup[0]!.range, context: { diagnostics: [...dup, ...dup] } })) as CodeAction[];
    const docs = actions.filter((a) => a.title === 'Show documentation for DUPLICATE_SID');
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.kind, 'quickfix');
    assert.ok(commands.includes(docs[0]!.command!.command));
    const url = await s.connection.sendRequest('workspace/executeCommand', { command: docs[0]!.command!.command, arguments: docs[0]!.command!.arguments });
    assert.match(String(url), /^https:\/\/.+#duplicate_sid$/);
    // plain JSON has no comments: the file form is an .iam-policy.json override (test/integration/disableRuleLsp.test.ts)
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Disable DUPLICATE_SID')).map((a) => a.title), ['Disable DUPLICATE_SID for this file (.iam-policy.json)', 'Disable DUPLICATE_SID for this workspace (.iam-policy.json)']);
    const disable = actions.filter((a) => a.title === 'Disable DUPLICATE_SID for this workspace (.iam-policy.json)');
    assert.equal(disable.length, 1);
    const path = await s.connection.sendRequest('workspace/executeCommand', { command: disable[0]!.command!.command, arguments: disable[0]!.command!.arguments });
    assert.equal(path, join(dir, '.iam-policy.json'));
    const change = s.edits.at(-1)!.documentChanges!;
    const written = (change[1] as { edits: TextEdit[] }).edits[0]!.newText;
    assert.deepEqual(JSON.parse(written), { rules: { DUPLICATE_SID: 'off' } });
    await s.stop();

    // the VS Code client lists its own commands: the lens then runs the client's virtual-document command
    const v = await start({ clientCommands: ['iamPolicy.showEffectiveActions', 'iamPolicy.openRuleDocs'] });
    v.open(uri, 'json', POLICY);
    const vl = (await v.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(vl[0]!.command!.command, 'iamPolicy.showEffectiveActions');
    await v.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outline, document links and inlay hints, in a policy and in a CloudFormation template', async () => {
  const s = await start();
  const uri = 'file:///ws/outline.json';
  s.open(uri, 'json', POLICY);
  const symbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((x) => x.name), ['Policy']);
  assert.deepEqual(symbols[0]!.children!.map((c) => [c.name, c.detail]), [['Read', 'Allow s3:GetObject'], ['Read', 'Allow s3:Get* (+1)']]);
  const links = (await s.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
  const lines = POLICY.split('\n');
  const getObject = links.find((l) => l.range.start.line === 3);
  assert.ok(getObject);
  assert.equal(lines[3]!.slice(getObject.range.start.character, getObject.range.end.character), 's3:GetObject');
  assert.equal(getObject.target, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-actions-as-permissions');
  const hints = (await s.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } } })) as InlayHint[];
  assert.equal(hints.length, 1);
  assert.match(String(hints[0]!.label), /^\d+ actions$/);
  assert.equal(hints[0]!.position.line, 4);
  assert.equal(hints[0]!.position.character, lines[4]!.indexOf('"s3:Get*"') + '"s3:Get*"'.length);

  const yamlUri = 'file:///ws/template.yaml';
  const yaml = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Policy:',
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Sid: ReadData',
    '            Effect: Allow',
    '            Action: s3:GetObject',
    '            Resource: !Sub arn:${AWS::Partition}:s3:::${DataBucket}/*',
    '',
  ].join('\n');
  s.open(yamlUri, 'yaml', yaml);
  const ySymbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: yamlUri } })) as DocumentSymbol[];
  assert.equal(ySymbols.length, 1);
  assert.match(ySymbols[0]!.name, /Policy/);
  assert.deepEqual(ySymbols[0]!.children!.map((c) => [c.name, c.detail]), [['ReadData', 'Allow s3:GetObject']]);
  const yHints = (await s.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: yamlUri }, range: { start: { line: 0, character: 0 }, end: { line: 13, character: 0 } } })) as InlayHint[];
  assert.deepEqual(yHints.map((h) => [h.position.line, h.label]), [[11, 'checked as arn:aws:s3:::*/*']]);
  await s.stop();
});
