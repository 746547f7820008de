// The e2e layer's runner (scripts/test.mjs): starts ONE code-server and ONE Chromium, runs the given compiled
// real-editor test files with node:test (a process per file, one file at a time) with their addresses in
// IAM_E2E_SHARED (shared.ts), then stops both. A suite's startCodeServer()/launchBrowser() then open a window
// on a workspace copy of its own (its own extension host and language server) in a new browser context, instead
// of starting a code-server and a Chromium per file. A file run alone (node --test out/test/e2e/x.test.js)
// starts its own, as before. Usage: node out/test/e2e/support/runSuites.js FILE.test.js...

import { spawn } from 'node:child_process';
import { launchCodeServer } from './codeServer';
import { SHARED_ENV, type SharedSession } from './shared';
import { launchBrowserServer } from './workbench';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: runSuites.js FILE.test.js...');
    return 2;
  }
  let started = Date.now();
  const server = await launchCodeServer();
  const browser = await launchBrowserServer(server.scratch);
  console.log(`[e2e] one code-server (${server.url}) and one Chromium for ${files.length} files, ready in ${Math.round((Date.now() - started) / 1000)} s`);
  const session: SharedSession = { url: server.url, scratch: server.scratch, wsEndpoint: browser.wsEndpoint() };
  const stop = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    server.stop();
  };
  started = Date.now();
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-timeout=1200000', ...files], {
    stdio: 'inherit',
    env: { ...process.env, [SHARED_ENV]: JSON.stringify(session) },
  });
  // Ctrl+C reaches the suites' processes too (one process group); here launchCodeServer's signal handler ends
  // code-server and playwright's ends Chromium
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  await stop();
  console.log(`[e2e] suites ran in ${Math.round((Date.now() - started) / 1000)} s`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
