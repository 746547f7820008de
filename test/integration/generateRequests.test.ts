// The language server's generation requests over real LSP (dist/server.js): principals found in the example
// logs, then the policy and report for one of them, and the generated policy opened as a document gets no
// error or warning diagnostic except about placeholders. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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
