// End-to-end: `npm start`'s first screen as a new user sees it. Runs scripts/start.mjs (without the build,
// which the test layer already did) on a free port, opens the URL it prints in Chromium, and checks that the
// policy with problems is open with its squiggles and CodeLens, and that nothing tried the network (no
// gallery, update or DNS lookups in code-server's log).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { installCodeServer, REPO_ROOT, RESULTS_DIR, shortTempDir } from './support/codeServer';
import { launchBrowser, Workbench } from './support/workbench';

let start: ChildProcess | undefined;
let browser: Browser | undefined;
let log = '';
let url = '';
const scratch = mkdtempSync(join(shortTempDir(), 'iam-start-test-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

before(async () => {
  installCodeServer(); // first use installs it (outside the start script's own output)
  const port = await freePort();
  start = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), '--no-build', `--port=${port}`], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // no `code` on PATH decides for code-server, as on these machines
    env: { ...process.env, IAM_START_CODE_SERVER: '1' },
  });
  const collect = (d: Buffer): void => void (log += d.toString());
  start.stdout!.on('data', collect);
  start.stderr!.on('data', collect);
  // the start script prints the URL once code-server answers /healthz
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 3 minutes:\n${log}`)), 180_000);
    start!.stdout!.on('data', () => {
      const m = /running in VS Code \(code-server\): (\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    start!.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${log}`)));
  });
  mkdirSync(join(scratch, 'home'), { recursive: true });
  mkdirSync(join(scratch, 'tmp'), { recursive: true });
  browser = await launchBrowser(scratch);
});

after(async () => {
  await browser?.close();
  if (start?.pid !== undefined && start.exitCode === null) {
    try {
      process.kill(-start.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(scratch, { recursive: true, force: true });
});

test('npm start opens a policy with problems: squiggles, CodeLens, and no network lookups', async () => {
  assert.match(url, /payload=/, 'the URL names the file to open');
  const wb = await Workbench.open(browser!, url);
  const tab = wb.page.locator('.tabs-container .tab.active', { hasText: 'typos-identity.json' });
  await tab.waitFor({ timeout: 90_000 });
  // the misspelled action and Effect get squiggles once the extension has started
  await wb.editor.locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
  assert.equal(await wb.editor.locator('.squiggly-error').count() >= 2, true, 'both errors are underlined');
  await wb.editor.locator('.codelens-decoration', { hasText: '· s3 ·' }).first().waitFor();
  mkdirSync(RESULTS_DIR, { recursive: true });
  await wb.screenshot('npm-start-first-screen');
  // the Extensions view is where a workbench asks its gallery: with none configured it shows no marketplace
  await wb.page.keyboard.press('Control+Shift+X');
  const search = wb.page.locator('.extensions-viewlet .suggest-input-container');
  await search.waitFor();
  await search.click();
  await wb.page.keyboard.type('python');
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.extensions-viewlet .message, .extensions-viewlet .monaco-list-row').first().waitFor();
  await wb.screenshot('npm-start-extensions-view');
  assert.doesNotMatch(log, /ENOTFOUND|EAI_AGAIN|getaddrinfo/, `code-server tried the network:\n${log}`);
});
