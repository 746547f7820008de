// The language server's own modules, in process: runSafe (cancellation, crash -> empty answer), the parse
// cache, settings normalisation and brief hovers. The end-to-end protocol is in lspProtocol.test.ts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runSafe } from '../../server/src/lsp/runSafe';
import { DocumentCache } from '../../server/src/lsp/documentCache';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { briefHover } from '../../server/src/lsp/briefHover';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import type { ParsedDocument } from '../../server/src/service';

function recordingLogger() {
  const errors: string[] = [];
  return { errors, logger: { error: (m: string) => errors.push(m), warn: () => {}, info: () => {} } };
}

test('runSafe answers the value, RequestCancelled when cancelled, the empty value (logged with stack) on a crash', async () => {
  const { errors, logger } = recordingLogger();
  const live = new CancellationTokenSource();
  assert.equal(await runSafe(logger, 'hover', live.token, null, () => 42), 42);

  const cancelled = new CancellationTokenSource();
  cancelled.cancel();
  let ran = false;
  const r = await runSafe(logger, 'hover', cancelled.token, null, () => (ran = true));
  assert.ok(r instanceof ResponseError);
  assert.equal(r.code, LSPErrorCodes.RequestCancelled);
  assert.equal(ran, false);

  // cancelled while running: the result is dropped
  const midway = new CancellationTokenSource();
  const r2 = await runSafe(logger, 'completion', midway.token, [], async () => {
    midway.cancel();
    return [1];
  });
  assert.ok(r2 instanceof ResponseError);

  const crashed = await runSafe(logger, 'codeAction', live.token, [] as number[], () => {
    throw new Error('boom');
  });
  assert.deepEqual(crashed, []);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^codeAction failed: boom\n.*Error: boom/s);
});

test('DocumentCache parses once per version and parse options', () => {
  let parses = 0;
  const cache = new DocumentCache((doc) => {
    parses++;
    return { uri: doc.uri, text: doc.getText() } as unknown as ParsedDocument;
  });
  const v1 = TextDocument.create('file:///a.json', 'json', 1, '{}');
  const a = cache.get(v1, {});
  assert.equal(cache.get(v1, {}), a);
  assert.equal(parses, 1);
  cache.get(v1, { policyType: 'trust' });
  assert.equal(parses, 2, 'a policyTypes setting change re-parses the same version');
  const v2 = TextDocument.update(v1, [{ text: '{"Statement": []}' }], 2);
  assert.equal(cache.get(v2, { policyType: 'trust' }).text, '{"Statement": []}');
  assert.equal(parses, 3);
  cache.delete(v1.uri);
  assert.equal(cache.size, 0);
});

test('normalizeSettings keeps valid values and falls back to defaults for the rest', () => {
  assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
  const s = normalizeSettings({
    rules: { A: 'off', B: 'loud', C: 3 },
    policyTypes: { 'x/*.json': 'scp', 'y/*.json': 'role' },
    files: ['a', 1],
    accountIds: '111122223333',
    maxFileSize: -5,
    codeLens: { enabled: false },
    hover: { detail: 'brief' },
    trace: { server: 'verbose' },
    legacyScp: 'yes',
  });
  assert.deepEqual(s.rules, { A: 'off' });
  assert.deepEqual(s.policyTypes, { 'x/*.json': 'scp' });
  assert.deepEqual(s.files, ['a']);
  assert.deepEqual(s.accountIds, []);
  assert.equal(s.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
  assert.equal(s.codeLens.enabled, false);
  assert.equal(s.hover.detail, 'brief');
  assert.equal(s.trace.server, 'verbose');
  assert.equal(s.legacyScp, false);
});

test('briefHover keeps the title and the first paragraph', () => {
  const full = { contents: { kind: 'markdown' as const, value: '**s3:GetObject**\n\nRetrieves objects.\n\n| Access | Read |\n\nMore.' } };
  assert.deepEqual(briefHover(full).contents, { kind: 'markdown', value: '**s3:GetObject**\n\nRetrieves objects.' });
  const one = { contents: { kind: 'markdown' as const, value: 'Just one line.' } };
  assert.equal(briefHover(one), one);
  const plain = { contents: 'a string hover' };
  assert.equal(briefHover(plain), plain);
});
