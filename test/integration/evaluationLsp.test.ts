// The evaluation features through the built language server (node dist/server.js --stdio), driven over
// JSON-RPC as another editor would: pass/fail marks (CodeLens) and failure diagnostics on a policy test file,
// re-run when a referenced policy changes; completion and hover in the test file; `workspace/executeCommand`
// simulate on an open policy; explain-access-denied returning the matching Deny or the missing-Allow edit.
// Run `npm run build` first.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeLens, CompletionList, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EVALUATION_SERVER_COMMANDS, type ExplainAccessDeniedResult, type PolicyTestResults, type SimulateResult, type SimulationChoices } from '../../server/src/evaluationProtocol';

const REPO = join(__dirname, '..', '..', '..');
const SERVER = join(REPO, 'dist', 'server.js');
const WORKSPACE = join(REPO, 'test', 'fixtures', 'evaluation', 'editor');
const TEST_FILE = join(WORKSPACE, 'app-role.iamtest.yaml');
const POLICY = join(WORKSPACE, 'policies', 'app-role.json');
const uri = (p: string) => pathToFileURL(p).href;

let connection: MessageConnection;
let child: ChildProcess;
const published: PublishDiagnosticsParams[] = [];
const shown: unknown[] = [];
const applied: unknown[] = [];
let capabilities: { executeCommandProvider?: { commands: string[] } } = {};

function waitFor(u: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const hit = [...published].reverse().find((p) => p.uri === u);
      if (hit && accept(hit)) return resolve(hit);
      if (Date.now() - started > 15_000) return reject(new Error(`no matching diagnostics for ${u}: ${JSON.stringify(hit?.diagnostics.map((d) => d.code))}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

const messageText = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);
const exec = <T>(command: string, ...args: unknown[]) => connection.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;
const open = (path: string, languageId: string, text = readFileSync(path, 'utf8'), version = 1) =>
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId, version, text } });

before(async () => {
  child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showDocument', (p: unknown) => {
    shown.push(p);
    return { success: true };
  });
  connection.onRequest('workspace/applyEdit', (p: unknown) => {
    applied.push(p);
    return { applied: true };
  });
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri(WORKSPACE),
    workspaceFolders: [{ uri: uri(WORKSPACE), name: 'editor' }],
    capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true }, applyEdit: true }, window: { showDocument: { support: true } } },
  })) as { capabilities: typeof capabilities };
  capabilities = init.capabilities;
  await connection.sendNotification('initialized', {});
});

after(async () => {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
});

test('the server announces its evaluation commands next to its own', () => {
  for (const id of Object.values(EVALUATION_SERVER_COMMANDS)) assert.ok(capabilities.executeCommandProvider?.commands.includes(id), id);
});

test('a policy test file gets a pass/fail CodeLens per test and an error on each failing test', async () => {
  await open(TEST_FILE, 'yaml');
  const diags = await waitFor(uri(TEST_FILE), (p) => p.diagnostics.some((d) => d.code === 'TEST_FAILED'));
  const failed = diags.diagnostics.filter((d) => d.code === 'TEST_FAILED');
  assert.equal(failed.length, 2, JSON.stringify(diags.diagnostics));
  assert.match(messageText(failed[0]!.message), /"reads other buckets" fails: the request is implicitly-denied, expected allowed/);
  assert.match(messageText(failed[1]!.message), /"deletes buckets" fails: the request is explicitly-denied, expected allowed \(decided by app-role\.json#2 \(Sid NeverDeleteBuckets\)\)/);
  assert.equal(failed[0]!.range.start.line, 15, 'on the failing test');
  const lenses = (await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(TEST_FILE) } })) as CodeLens[];
  const titles = lenses.map((l) => l.command?.title ?? '');
  assert.equal(titles.length, 4);
  assert.match(titles[0]!, /^✓ passes \(allowed\) — decided by app-role\.json#0 \(Sid ReadArtifacts\)/);
  assert.match(titles[1]!, /^✓ passes \(allowed\) — decided by app-role\.json#1 \(Sid OfficeOnlyWrites\)/);
  assert.match(titles[2]!, /^✗ fails: implicitly-denied, expected allowed — no Allow in the identity policies/);
  assert.match(titles[3]!, /^✗ fails: explicitly-denied, expected allowed — decided by app-role\.json#2 \(Sid NeverDeleteBuckets\)/);
  // the lens of a decided test opens the deciding statement, through the server (window/showDocument)
  const deny = lenses[3]!.command!;
  assert.equal(deny.command, EVALUATION_SERVER_COMMANDS.revealStatement);
  await exec(deny.command, ...(deny.arguments ?? []));
  const last = shown[shown.length - 1] as { uri: string; selection: { start: { line: number } } };
  assert.equal(last.uri, uri(POLICY));
  assert.equal(last.selection.start.line, 16);
  const results = await exec<PolicyTestResults>(EVALUATION_SERVER_COMMANDS.policyTestResults, { uri: uri(TEST_FILE) });
  assert.deepEqual([results.passed, results.failed], [2, 2]);
});

test('editing a referenced policy re-runs the marks of the open test file', async () => {
  const original = readFileSync(POLICY, 'utf8');
  // grant the other bucket in the (unsaved) policy buffer: "reads other buckets" now passes
  const widened = original.replace('"arn:aws:s3:::artifacts/*"]', '"arn:aws:s3:::artifacts/*", "arn:aws:s3:::secrets/*"]');
  assert.notEqual(widened, original);
  await open(POLICY, 'json', widened);
  const diags = await waitFor(uri(TEST_FILE), (p) => p.diagnostics.filter((d) => d.code === 'TEST_FAILED').length === 1);
  assert.match(messageText(diags.diagnostics.find((d) => d.code === 'TEST_FAILED')!.message), /deletes buckets/);
  // closing the buffer goes back to the file on disk
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(POLICY) } });
  await waitFor(uri(TEST_FILE), (p) => p.diagnostics.filter((d) => d.code === 'TEST_FAILED').length === 2);
});

test('completion and hover in a test file: actions, expect values, keys, context keys, policy paths', async () => {
  const text = 'policies:\n  identity: [pol]\nprincipal: arn:aws:iam::111122223333:role/app-role\ntests:\n  - name: x\n    action: s3:GetOb\n    expect: \n    context:\n      aws:Sour\n    \n';
  const u = uri(join(WORKSPACE, 'scratch.iamtest.yaml'));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text } });
  const complete = async (line: number, character: number) => ((await connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line, character } })) as CompletionList).items.map((i) => i.label);
  assert.ok((await complete(5, 20)).includes('s3:GetObject'), 'actions of the service');
  assert.deepEqual(await complete(6, 12), ['allowed', 'denied', 'explicitly-denied', 'implicitly-denied']);
  assert.ok((await complete(8, 14)).includes('aws:SourceIp'), 'context keys');
  assert.ok((await complete(9, 4)).includes('resource'), 'test keys');
  assert.ok((await complete(1, 16)).includes('policies/app-role.json'), 'policy files of the workspace');
  const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(TEST_FILE) }, position: { line: 7, character: 16 } })) as Hover;
  assert.match(JSON.stringify(hover.contents), /s3:GetObject/);
  assert.match(JSON.stringify(hover.contents), /Read/);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
});

test('a misspelled action or context key in a test file gets a did-you-mean quick fix', async () => {
  const u = uri(join(WORKSPACE, 'typos.iamtest.yaml'));
  const text = 'policies:\n  identity: [policies/app-role.json]\nprincipal: arn:aws:iam::111122223333:role/app-role\ntests:\n  - name: typo\n    action: s3:GetObjekt\n    resource: arn:aws:s3:::artifacts/x\n    context: {aws:SorceIp: 203.0.113.9}\n    expect: denied\n';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text } });
  const diags = await waitFor(u, (p) => p.diagnostics.some((d) => d.code === 'TEST_UNKNOWN_CONTEXT_KEY') && p.diagnostics.some((d) => d.code === 'TEST_UNKNOWN_ACTION'));
  const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 5, character: 0 }, end: { line: 7, character: 40 } }, context: { diagnostics: diags.diagnostics } })) as Array<{ title: string; edit: { changes: Record<string, TextEdit[]> } }>;
  const fixed = TextDocument.applyEdits(TextDocument.create(u, 'yaml', 1, text), actions.flatMap((a) => a.edit.changes[u]!));
  assert.deepEqual(actions.map((a) => a.title).sort(), ['Change to "aws:SourceIp"', 'Change to "s3:GetObject"']);
  assert.match(fixed, /action: s3:GetObject\n/);
  assert.match(fixed, /context: \{aws:SourceIp: 203\.0\.113\.9\}/);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
});

test('executeCommand simulate: the choices of a policy and a verdict with the deciding statement', async () => {
  await open(POLICY, 'json');
  const choices = await exec<SimulationChoices>(EVALUATION_SERVER_COMMANDS.simulationChoices, { uri: uri(POLICY) });
  assert.deepEqual(choices.actions, ['s3:DeleteBucket', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
  assert.deepEqual(choices.contextKeys.map((k) => [k.key, k.operators, k.values]), [['aws:SourceIp', ['IpAddress'], ['203.0.113.0/24']]]);
  const outside = await exec<SimulateResult>(EVALUATION_SERVER_COMMANDS.simulate, { uri: uri(POLICY), action: 's3:PutObject', resource: 'arn:aws:s3:::artifacts/x', context: { 'aws:SourceIp': '198.51.100.1' } });
  assert.equal(outside.verdict, 'implicitly-denied');
  assert.ok(outside.misses.some((m) => m.element === 'condition' && m.ref.statement === 1));
  const inside = await exec<SimulateResult>(EVALUATION_SERVER_COMMANDS.simulate, { uri: uri(POLICY), action: 's3:PutObject', resource: 'arn:aws:s3:::artifacts/x', context: { 'aws:SourceIp': '203.0.113.9' } });
  assert.equal(inside.verdict, 'allowed');
  assert.deepEqual(inside.decidedBy.map((r) => [r.uri, r.statement, r.sid, r.range?.start.line]), [[uri(POLICY), 1, 'OfficeOnlyWrites', 9]]);
  // without the key the verdict says which key could change it
  const unknown = await exec<SimulateResult>(EVALUATION_SERVER_COMMANDS.simulate, { uri: uri(POLICY), action: 's3:PutObject', resource: 'arn:aws:s3:::artifacts/x' });
  assert.deepEqual(unknown.missingContextKeys, ['aws:SourceIp']);
  assert.match(inside.markdown, /OfficeOnlyWrites/);
});

test('in a template with several policies, simulate uses the policy at the cursor', async () => {
  const u = uri(join(WORKSPACE, 'stack.yaml'));
  const text = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Reader:',
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Action: sqs:ReceiveMessage',
    '            Resource: "*"',
    '  Writer:',
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Action: sqs:SendMessage',
    '            Resource: "*"',
    '',
  ].join('\n');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text } });
  const second = await exec<SimulationChoices>(EVALUATION_SERVER_COMMANDS.simulationChoices, { uri: u, position: { line: 18, character: 20 } });
  assert.deepEqual(second.actions, ['sqs:SendMessage']);
  const first = await exec<SimulationChoices>(EVALUATION_SERVER_COMMANDS.simulationChoices, { uri: u });
  assert.deepEqual(first.actions, ['sqs:ReceiveMessage']);
  const r = await exec<SimulateResult>(EVALUATION_SERVER_COMMANDS.simulate, { uri: u, position: { line: 18, character: 20 }, action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:111122223333:q' });
  assert.equal(r.verdict, 'allowed');
  assert.equal(r.decidedBy[0]!.range!.start.line, 17);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
});

test('executeCommand explain-access-denied: a matching Deny, and the missing Allow as a workspace edit', async () => {
  const denied = await exec<ExplainAccessDeniedResult>(EVALUATION_SERVER_COMMANDS.explainAccessDenied, {
    message: 'An error occurred (AccessDenied) when calling the DeleteBucket operation: User: arn:aws:sts::111122223333:assumed-role/app-role/ci is not authorized to perform: s3:DeleteBucket on resource: "arn:aws:s3:::artifacts" with an explicit deny in an identity-based policy',
  });
  assert.equal(denied.ok, true);
  assert.deepEqual(denied.denies.map((d) => [d.uri, d.statement, d.sid]), [[uri(POLICY), 2, 'NeverDeleteBuckets']]);
  assert.equal(denied.grants.length, 0);

  const missing = await exec<ExplainAccessDeniedResult>(EVALUATION_SERVER_COMMANDS.explainAccessDenied, {
    message: 'User: arn:aws:sts::111122223333:assumed-role/app-role/ci is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:111122223333:table/Orders because no identity-based policy allows the dynamodb:GetItem action',
  });
  assert.equal(missing.denies.length, 0);
  const grant = missing.grants[0]!;
  assert.equal(grant.uri, uri(POLICY));
  assert.match(grant.reason, /app-role\.iamtest\.yaml/);
  assert.deepEqual(grant.statement, { Sid: 'AllowDynamodbGetItem', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' });
  // the edit keeps the file valid JSON and adds exactly that statement
  const before = readFileSync(POLICY, 'utf8');
  const edits = grant.edit.changes![uri(POLICY)] as TextEdit[];
  const after = TextDocument.applyEdits(TextDocument.create(uri(POLICY), 'json', 1, before), edits);
  const parsed = JSON.parse(after) as { Statement: unknown[] };
  assert.equal(parsed.Statement.length, 4);
  assert.deepEqual(parsed.Statement[3], grant.statement);
  // with the edit applied (in the editor buffer), the same request is allowed
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(POLICY), version: 2 }, contentChanges: [{ text: after }] });
  const now = await exec<SimulateResult>(EVALUATION_SERVER_COMMANDS.simulate, { uri: uri(POLICY), action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' });
  assert.equal(now.verdict, 'allowed');
  // addGrant asks the client to apply the same edit
  const r = await exec<{ applied: boolean }>(EVALUATION_SERVER_COMMANDS.addGrant, { uri: uri(POLICY), action: 's3:PutBucketTagging', resource: 'arn:aws:s3:::artifacts' });
  assert.equal(r.applied, true);
  assert.match(JSON.stringify(applied[applied.length - 1]), /AllowS3PutBucketTagging/);

  const unreadable = await exec<ExplainAccessDeniedResult>(EVALUATION_SERVER_COMMANDS.explainAccessDenied, { message: 'Access Denied' });
  assert.equal(unreadable.ok, false);
  assert.match(unreadable.reason!, /is not authorized to perform/);
});
