// The language server's generation requests over real LSP (dist/server.js): principals found in the example
// logs, then the policy and report for one of them, and the generated policy opened as a document gets no
// error or warning diagnostic except about placeholders; over 4 MB of logs (the log-reader thread) the same
// report as the CLI on one thread, and cancellation. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../support/catalog';
import { startLsp } from '../support/lspClient';
import { GENERATE_PRINCIPALS_REQUEST, GENERATE_REQUEST, type GeneratePrincipalsResult, type GenerateResultMessage } from '../../server/src/generateProtocol';

const EXAMPLES = join(REPO_ROOT, 'examples', 'cloudtrail');
const ROLE = 'arn:aws:iam::111122223333:role/deploy-role';

test('iamPolicy/generate/principals and iamPolicy/generate on examples/cloudtrail', { timeout: 60_000 }, async () => {
  const lsp = await startLsp();
  try {
    const found = await lsp.connection.sendRequest<GeneratePrincipalsResult>(GENERATE_PRINCIPALS_REQUEST, { paths: [EXAMPLES] });
    assert.equal(found.files, 3);
    assert.deepEqual(found.principals.map((p) => p.principal), [ROLE, 'arn:aws:iam::111122223333:user/Alice', 'lambda.amazonaws.com']);
    const result = await lsp.connection.sendRequest<GenerateResultMessage>(GENERATE_REQUEST, { paths: [EXAMPLES], principal: ROLE });
    assert.equal(result.policies.length, 1);
    const policy = JSON.parse(result.policies[0]!) as { Statement: { Action: string | string[] }[] };
    const actions = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    assert.ok(actions.includes('lambda:CreateFunction') && !actions.includes('iam:CreateRole'));
    assert.match(result.markdown, /## Denied attempts \(not granted\)\n\n- `iam:CreateRole`/);
    assert.match(result.markdown, /`iam:PassRole` on `arn:aws:iam::111122223333:role\/app-fn-exec`/);

    // the generated text, opened as an untitled iam-policy document, as the editor command does
    const uri = 'untitled:Untitled-1';
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: result.policies[0] } });
    const report = await lsp.connection.sendRequest<{ items: { code: string; severity: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const lines = result.policies[0]!.split('\n');
    const bad = report.items
      .filter((d) => d.severity <= 2)
      .filter((d) => !(d.code === 'UNKNOWN_POLICY_VARIABLE' && lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character).includes('${')));
    assert.deepEqual(bad, []);

    // bad parameters are request errors, not crashes
    await assert.rejects(lsp.connection.sendRequest(GENERATE_REQUEST, { paths: [] }), /paths/);
    await assert.rejects(lsp.connection.sendRequest(GENERATE_REQUEST, { paths: [EXAMPLES], since: 'soon' }), /since must be an ISO 8601/);
    const missing = await lsp.connection.sendRequest<GenerateResultMessage>(GENERATE_REQUEST, { paths: [join(EXAMPLES, 'nope')] });
    assert.match(missing.problems[0]!.message, /no such file or folder/);
    assert.ok(!lsp.exited());
  } finally {
    await lsp.stop();
  }
});

test('over 4 MB of logs the server reads through its log-reader thread: the same report as the CLI on one thread, and a cancelled request stops', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-generate-lsp-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const record = (i: number): string =>
    JSON.stringify({
      eventVersion: '1.09',
      userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/deploy-role/s${i % 7}`, accountId: '111122223333', sessionContext: { sessionIssuer: { type: 'Role', arn: ROLE, userName: 'deploy-role' } } },
      eventTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      eventSource: i % 2 ? 's3.amazonaws.com' : 'sqs.amazonaws.com',
      eventName: i % 2 ? 'GetObject' : 'SendMessage',
      awsRegion: 'us-east-1',
      userAgent: 'aws-sdk-js/3.540.0 ua/2.0 os/linux lang/js md/nodejs#20.11.0'.repeat(4),
      requestParameters: i % 2 ? { bucketName: `b-${i % 3}`, key: `k/${i % 50}` } : { queueUrl: `https://sqs.us-east-1.amazonaws.com/111122223333/q-${i % 4}` },
      responseElements: null,
      eventType: 'AwsApiCall',
      recipientAccountId: '111122223333',
    });
  // 300 files of about 17 KB: the cancellation is checked as each file starts
  for (let f = 0; f < 300; f++) writeFileSync(join(dir, `log-${String(f).padStart(3, '0')}.json`), `{"Records":[${Array.from({ length: 30 }, (_, k) => record(f * 30 + k)).join(',')}]}`);
  const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'generate', dir, '--principal', ROLE, '--format', 'json', '--jobs', '1'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(cli.status, 0, cli.stderr);
  const expected = (JSON.parse(cli.stdout) as { report: unknown }).report;
  // a preloaded hook appends each Worker's script name to a file: proof that the thread was used
  const hook = join(dir, 'workers.cjs');
  const seen = join(dir, 'workers.txt');
  writeFileSync(hook, `const wt = require('node:worker_threads'); const W = wt.Worker; wt.Worker = class extends W { constructor(f, o) { super(f, o); require('node:fs').appendFileSync(${JSON.stringify(seen)}, require('node:path').basename(String(f)) + '\\n'); } };`);
  const lsp = await startLsp([], { ...process.env, NODE_OPTIONS: `--require ${hook}` });
  try {
    const result = await lsp.connection.sendRequest<GenerateResultMessage>(GENERATE_REQUEST, { paths: [dir], principal: ROLE });
    assert.deepEqual(result.report, expected);
    assert.equal(existsSync(seen) ? readFileSync(seen, 'utf8') : '', availableParallelism() >= 2 ? 'logReader.js\n' : '');
    const source = new CancellationTokenSource();
    const cancelled = lsp.connection.sendRequest<GenerateResultMessage>(GENERATE_REQUEST, { paths: [dir] }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (err: { code?: number }) => err.code === LSPErrorCodes.RequestCancelled);
    // the server goes on serving
    const again = await lsp.connection.sendRequest<GeneratePrincipalsResult>(GENERATE_PRINCIPALS_REQUEST, { paths: [EXAMPLES] });
    assert.equal(again.files, 3);
    assert.ok(!lsp.exited());
  } finally {
    await lsp.stop();
  }
});
