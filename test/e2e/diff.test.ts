// End-to-end: the permission diff in a real VS Code (code-server) driven by Chromium. The workspace becomes a git
// repository, a policy is widened on disk, and the user sees the one-line CodeLens summary against HEAD, runs
// "IAM Policy: Compare Permissions with HEAD" and reads the diff view. Screenshots go to test-results/e2e/.

import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { launchBrowser, Workbench } from './support/workbench';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let wb: Workbench;

before(async () => {
  server = await startCodeServer();
  // the scratch workspace becomes a repository whose HEAD holds the original policy; the working copy widens it
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=e2e@example.com', '-c', 'user.name=e2e', ...args], { cwd: server!.workspace, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const file = join(server.workspace, 'read-policy.json');
  const policy = JSON.parse(readFileSync(file, 'utf8')) as { Statement: Array<{ Action: string[] }> };
  policy.Statement[0]!.Action.push('s3:PutObject', 's3:PutBucketPolicy');
  writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`);
  browser = await launchBrowser(server.scratch);
  wb = await Workbench.open(browser, server.url);
});

afterEach(async (t) => {
  await wb?.screenshot(`diff-after-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('a policy changed since HEAD gets a one-line permission summary', async () => {
  await wb.openFile('read-policy.json');
  // the first lens waits for the extension to activate and the server to load the catalog
  const lens = wb.editor.locator('.codelens-decoration', { hasText: 'Permissions: +' }).first();
  await lens.waitFor({ timeout: 90_000 });
  const text = await lens.innerText();
  assert.match(text, /\+\d+ gained \(.*Permissions management.*\).*vs HEAD/);
  await wb.screenshot('diff-codelens');
});

test('Compare Permissions with HEAD shows the gained actions, risky first', async () => {
  await wb.openFile('read-policy.json');
  await wb.command('IAM Policy: Compare Permissions with HEAD');
  await wb.page.locator('.tabs-container .tab.active', { hasText: 'permission-diff.md' }).waitFor();
  await wb.editor.locator('.view-lines', { hasText: 'Risky changes' }).waitFor();
  await wb.editor.locator('.view-lines', { hasText: 's3:PutBucketPolicy' }).waitFor();
  // the editor renders spaces as no-break spaces
  const shown = (await wb.editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  assert.match(shown, /Permission diff: read-policy\.json vs HEAD/);
  assert.ok(shown.indexOf('Risky changes') < shown.indexOf('<details>'), 'risky changes come first');
  assert.match(shown, /s3:PutObject/);
  await wb.screenshot('diff-view');
});
