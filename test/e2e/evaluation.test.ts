// End-to-end, in a real VS Code (code-server) driven by Chromium: the evaluation features as a user meets them.
// A policy test file shows a pass/fail mark on every test (and failures in the Problems panel); "Simulate
// Request…" on an open policy walks the pickers and highlights the deciding statement; "Explain Access
// Denied…" on a pasted message offers the missing Allow and adds it to the chosen identity policy.
// Workspace: test/e2e/workspace/evaluation/. Screenshots go to test-results/e2e/.

import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { launchBrowser, Workbench } from './support/workbench';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let wb: Workbench;

before(async () => {
  server = await startCodeServer();
  // the shared e2e workspace also holds other suites' files; "Explain Access Denied…" searches every policy of
  // the workspace, and wildcard-policy.json (editorEverywhere's "*" on "*") would allow the denied request
  rmSync(join(server.workspace, 'wildcard-policy.json'), { force: true });
  browser = await launchBrowser(server.scratch);
  wb = await Workbench.open(browser, server.url);
});

afterEach(async (t) => {
  await wb?.screenshot(`evaluation-after-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const quickInput = () => wb.page.locator('.quick-input-widget input');

/** Runs a palette command that opens a quick input of its own (so the palette's widget is reused, never hidden). */
async function startCommand(title: string): Promise<void> {
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('Control+Shift+P');
  await quickInput().waitFor();
  await quickInput().fill(`>${title}`);
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await wb.page.keyboard.press('Enter');
}

/** Answers the open input box (or quick pick) with `value` and Enter, then waits for the next step or the end. */
async function answer(title: RegExp, value: string | undefined): Promise<void> {
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor();
  if (value !== undefined) await quickInput().fill(value);
  await wb.page.keyboard.press('Enter');
}

test('a policy test file shows a pass/fail mark on every test, failures in the Problems panel', async () => {
  await wb.openFile('app-role.iamtest.yaml');
  // the first marks wait for the extension to activate and the server to load the catalog
  await wb.editor.locator('.codelens-decoration', { hasText: '✓ passes (allowed) — decided by app-role.json#0 (Sid ReadArtifacts)' }).first().waitFor({ timeout: 90_000 });
  await wb.editor.locator('.codelens-decoration', { hasText: '✗ fails: implicitly-denied, expected allowed' }).first().waitFor();
  await wb.editor.locator('.codelens-decoration', { hasText: '✗ fails: explicitly-denied, expected allowed — decided by app-role.json#2 (Sid NeverDeleteBuckets)' }).first().waitFor();
  assert.equal(await wb.editor.locator('.codelens-decoration', { hasText: '✓ passes' }).count(), 2);
  await wb.screenshot('evaluation-test-marks');
  await wb.page.keyboard.press('Control+Shift+M');
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Test "deletes buckets" fails' }).first().waitFor();
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'TEST_FAILED' }).first().waitFor();
  // clicking a mark opens the deciding statement
  await wb.editor.locator('.codelens-decoration', { hasText: 'NeverDeleteBuckets' }).locator('a').first().click();
  await wb.page.locator('.tabs-container .tab.active', { hasText: 'app-role.json' }).waitFor();
  await wb.page.locator('.statusbar-item', { hasText: /Ln 22, Col 6 \(\d+ selected\)/ }).first().waitFor();
  // granting the other bucket in the policy (unsaved) re-runs the marks of the test file
  await wb.goTo(8, 1);
  await wb.page.keyboard.press('End');
  await wb.page.keyboard.press('ArrowLeft');
  await wb.page.keyboard.type(', "arn:aws:s3:::secrets/*');
  await wb.editor.locator('.view-lines', { hasText: '"arn:aws:s3:::secrets/*"]' }).waitFor();
  await wb.openFile('app-role.iamtest.yaml');
  await wb.editor.locator('.codelens-decoration', { hasText: '✓ passes (allowed) — decided by app-role.json#0 (Sid ReadArtifacts)' }).nth(1).waitFor();
  assert.equal(await wb.editor.locator('.codelens-decoration', { hasText: '✓ passes' }).count(), 3);
  await wb.screenshot('evaluation-test-marks-rerun');
  // back to the policy on disk
  await wb.openFile('app-role.json');
  await wb.command('File: Revert File');
  await wb.editor.locator('.view-lines', { hasText: 'secrets' }).waitFor({ state: 'detached' });
});

test('a simulated request highlights the deciding statement', async () => {
  await wb.openFile('app-role.json');
  await startCommand('IAM Policy: Simulate Request…');
  await answer(/action/, 's3:PutObject');
  await answer(/resource of s3:PutObject/, 'arn:aws:s3:::artifacts/build.zip');
  await answer(/principal/, undefined);
  await answer(/context key 1 of 1/, '203.0.113.9');
  await wb.page.locator('.notifications-toasts .notification-toast', { hasText: 's3:PutObject: allowed: decided by app-role.json#1 (Sid OfficeOnlyWrites)' }).first().waitFor();
  // the deciding statement (lines 10-16) is selected and highlighted in the policy; the report opens beside it
  await wb.page.locator('.statusbar-item', { hasText: /Ln 16, Col 6 \(\d+ selected\)/ }).first().waitFor();
  await wb.page.locator('.monaco-editor .view-overlays [class*="ced-"]').first().waitFor();
  await wb.page.locator('.tabs-container .tab', { hasText: 'simulation-s3-PutObject.md' }).first().waitFor();
  await wb.screenshot('evaluation-simulate');
});

test('an explained denial offers the missing Allow and adds it to the chosen policy', async () => {
  const message =
    'User: arn:aws:sts::111122223333:assumed-role/app-role/ci is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:111122223333:table/Orders because no identity-based policy allows the dynamodb:GetItem action';
  await startCommand('IAM Policy: Explain Access Denied…');
  await answer(/Explain access denied/, message);
  const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'No identity policy in the workspace allows dynamodb:GetItem' }).first();
  await toast.waitFor();
  await wb.screenshot('evaluation-explain');
  await toast.getByRole('button', { name: 'Add the Allow…' }).click();
  // the policy the test file gives to this role comes first
  const first = wb.page.locator('.quick-input-list .monaco-list-row').first();
  await first.waitFor();
  assert.match(await first.innerText(), /evaluation\/policies\/app-role\.json[\s\S]*app-role\.iamtest\.yaml/);
  await wb.page.keyboard.press('Enter');
  await wb.editor.locator('.view-lines', { hasText: 'AllowDynamodbGetItem' }).waitFor();
  await wb.save();
  const policy = JSON.parse(readFileSync(join(server!.workspace, 'evaluation', 'policies', 'app-role.json'), 'utf8')) as { Statement: unknown[] };
  assert.deepEqual(policy.Statement[3], { Sid: 'AllowDynamodbGetItem', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' });
  await wb.screenshot('evaluation-explain-added');
});
