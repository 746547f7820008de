// The web build's language server (dist/web/server.js) in a real web worker in Chromium (playwright-core,
// Debian's chromium): served with the catalog from dist/ by a local HTTP server, spoken to over postMessage as
// VS Code for the Web does. Checks diagnostics, hover, completion, a quick fix, the outline, CodeLens and that
// YAML is not formatted. Skips only when Chromium is not installed. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium); the web worker test is skipped`;

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::bucket/*" }
  ]
}`;

test('the web worker server checks, hovers, completes, fixes and outlines in Chromium', { skip, timeout: 180_000 }, async () => {
  const http = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>iam worker</title>');
      return;
    }
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': extname(file) === '.json' ? 'application/json' : 'text/javascript' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/index.html`);
    // a minimal JSON-RPC client over postMessage, as vscode-languageclient/browser speaks to the worker
    // (a string: the test's TypeScript has no DOM types)
    await page.evaluate(`(() => {
      const w = new Worker('/web/server.js');
      let id = 0;
      const pending = new Map();
      const notes = [];
      w.onerror = (e) => notes.push({ method: 'worker/error', params: String(e.message) });
      w.onmessage = (e) => {
        const m = e.data;
        if (m.method === undefined && m.id !== undefined && pending.has(m.id)) {
          pending.get(m.id)(m);
          pending.delete(m.id);
        } else if (m.method) {
          notes.push({ method: m.method, params: m.params });
          if (m.id !== undefined) w.postMessage({ jsonrpc: '2.0', id: m.id, result: null });
        }
      };
      globalThis.rpc = {
        notes,
        request: (method, params) => new Promise((resolve) => {
          const i = ++id;
          pending.set(i, resolve);
          w.postMessage({ jsonrpc: '2.0', id: i, method, params });
        }),
        notify: (method, params) => w.postMessage({ jsonrpc: '2.0', method, params }),
      };
    })()`);
    const request = (method: string, params: unknown): Promise<{ result?: unknown; error?: { message: string } }> =>
      page.evaluate(([m, p]) => (globalThis as unknown as { rpc: { request(m: string, p: unknown): Promise<unknown> } }).rpc.request(m as string, p), [method, params] as const) as never;
    const notify = (method: string, params: unknown): Promise<void> =>
      page.evaluate(([m, p]) => (globalThis as unknown as { rpc: { notify(m: string, p: unknown): void } }).rpc.notify(m as string, p), [method, params] as const);

    const init = await request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { iamPolicy: { rules: { MISSING_VERSION: 'off' } } } });
    assert.equal(init.error, undefined, init.error?.message);
    const caps = (init.result as { capabilities: Record<string, unknown> }).capabilities;
    assert.ok(caps['hoverProvider'] && caps['documentSymbolProvider'] && caps['inlayHintProvider']);
    await notify('initialized', {});
    const uri = 'vscode-vfs://github/org/repo/policy.json';
    await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: POLICY } });
    const published = page.waitForFunction(
      (u) => (globalThis as unknown as { rpc: { notes: { method: string; params: { uri: string; diagnostics: unknown[] } }[] } }).rpc.notes.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === u && n.params.diagnostics.length > 0)?.params,
      uri,
    );
    const diagnostics = (await (await published).jsonValue()) as { diagnostics: { code: string; range: unknown }[] };
    const invalid = diagnostics.diagnostics.find((d) => d.code === 'INVALID_ACTION');
    assert.ok(invalid, JSON.stringify(diagnostics));

    const line = POLICY.split('\n')[3]!;
    const hover = (await request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: line.indexOf('s3:GetObjekt') + 1 } })).result as { contents: { value: string } };
    assert.match(hover.contents.value, /Amazon S3/);
    const completion = (await request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: line.indexOf('s3:GetObjekt') + 3 } })).result as { items: { label: string }[] };
    assert.ok(completion.items.some((i) => i.label === 's3:GetObject'));
    const actions = (await request('textDocument/codeAction', { textDocument: { uri }, range: invalid.range, context: { diagnostics: [invalid] } })).result as { title: string }[];
    assert.ok(actions.some((a) => a.title === 'Change to "s3:GetObject"'), actions.map((a) => a.title).join(', '));
    const symbols = (await request('textDocument/documentSymbol', { textDocument: { uri } })).result as { name: string; children: { name: string }[] }[];
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [['Policy', ['Read']]]);
    const lenses = (await request('textDocument/codeLens', { textDocument: { uri } })).result as unknown[];
    assert.equal(lenses.length, 1);
    const yamlUri = 'vscode-vfs://github/org/repo/template.yaml';
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: AWS::IAM::Role\n';
    await notify('textDocument/didOpen', { textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text: yaml } });
    const edits = (await request('textDocument/formatting', { textDocument: { uri: yamlUri }, options: { tabSize: 2, insertSpaces: true } })).result as unknown[];
    assert.deepEqual(edits, []);
    assert.deepEqual(errors, []);
    const workerErrors = await page.evaluate(() => (globalThis as unknown as { rpc: { notes: { method: string; params: unknown }[] } }).rpc.notes.filter((n) => n.method === 'worker/error'));
    assert.deepEqual(workerErrors, []);
  } finally {
    await browser.close();
    http.close();
  }
});
