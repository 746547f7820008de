// Random incremental edits through the real server (dist/server.js over stdio), as VS Code sends them,
// interleaved with hover/completion/codeAction requests, some cancelled. Afterwards the diagnostics must
// equal those of a fresh open of the same text, and the server must still run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { startLsp } from '../../support/lspClient';
import { generatePolicies, prng } from '../../support/policyGenerator';

interface DiagnosticReport {
  items: Array<{ code?: string | number; message: string; range: unknown; severity?: number }>;
}

const SNIPPETS = ['"s3:GetObject", ', '"iam:*"', '{', '}', '[', ']', ',', '"', ':', '"Condition": {"Bool": {"aws:SecureTransport": "true"}}, ', '\n', '  ', '${aws:username}', '*'];

export async function runEditSequence(steps: number, seed: number): Promise<{ requests: number; cancelled: number }> {
  const rand = prng(seed);
  const session = await startLsp();
  const uri = 'file:///edit-sequence/policy.json';
  let doc = TextDocument.create(uri, 'json', 1, generatePolicies(1, seed)[0]!);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: doc.getText() } });
  const pending: Promise<unknown>[] = [];
  let requests = 0;
  let cancelled = 0;
  for (let i = 0; i < steps; i++) {
    const text = doc.getText();
    const start = Math.floor(rand() * (text.length + 1));
    const end = rand() < 0.6 ? start : Math.min(text.length, start + Math.floor(rand() * 15));
    const insert = rand() < 0.3 ? '' : SNIPPETS[Math.floor(rand() * SNIPPETS.length)]!;
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
    if (rand() < 0.3) {
      const position = doc.positionAt(Math.floor(rand() * (doc.getText().length + 1)));
      const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/diagnostic'][Math.floor(rand() * 4)]!;
      const params =
        method === 'textDocument/codeAction'
          ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
          : method === 'textDocument/diagnostic'
            ? { textDocument: { uri } }
            : { textDocument: { uri }, position };
      const source = new CancellationTokenSource();
      requests++;
      // a cancelled request may be answered with RequestCancelled: that is the protocol, not a failure
      pending.push(session.connection.sendRequest(method, params, source.token).catch((e: { code?: number }) => {
        if (e?.code !== -32800) throw e;
      }));
      if (rand() < 0.3) {
        cancelled++;
        source.cancel();
      }
    }
  }
  await Promise.all(pending);
  assert.ok(!session.exited(), `the server exited during the edit sequence:\n${session.stderr()}`);
  const edited = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DiagnosticReport;
  const freshUri = 'file:///edit-sequence/fresh.json';
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'json', version: 1, text: doc.getText() } });
  const fresh = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: freshUri } })) as DiagnosticReport;
  const norm = (r: DiagnosticReport) => r.items.map((d) => JSON.stringify([d.code, d.severity, d.range, d.message]));
  assert.deepEqual(norm(edited), norm(fresh), 'diagnostics after the edits differ from a fresh open of the same text');
  await session.stop();
  return { requests, cancelled };
}

// Resident memory is a figure for `npm run bench`, not a test bound (it moves with GC timing and load).
test('2,000 random incremental edits through the server: same diagnostics as a fresh open', async () => {
  const { requests, cancelled } = await runEditSequence(2000, 4242);
  assert.ok(requests > 300 && cancelled > 50, `requests ${requests}, cancelled ${cancelled}`);
});

test('a policy over the size limit gets one ANALYSIS_SKIPPED diagnostic from the server, and the server stays responsive', async () => {
  const session = await startLsp();
  const uri = 'file:///limits/huge.json';
  const statement = '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" }';
  const text = `{ "Version": "2012-10-17", "Statement": [${Array.from({ length: 26000 }, () => statement).join(',\n')}] }`;
  assert.ok(text.length > 2_000_000);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  const report = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DiagnosticReport;
  assert.deepEqual(report.items.map((d) => d.code), ['ANALYSIS_SKIPPED']);
  assert.match(report.items[0]!.message, /over the limit of 2,000,000/);
  const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 60 } });
  assert.equal(hover, null);
  await session.stop();
});
