// End-to-end in a real VS Code (code-server + Chromium): "Generate Policy from CloudTrail Logs…" on the example
// logs, started from the explorer's context menu on the logs folder; the user picks a principal in the
// QuickPick; the policy opens as an untitled iam-policy document (checked by our server: no error squiggle)
// with the Markdown report beside it. Screenshots go to test-results/e2e/.

import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, startCodeServer, type CodeServer } from './support/codeServer';
import { launchBrowser, Workbench } from './support/workbench';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let wb: Workbench;

before(async () => {
  server = await startCodeServer();
  // the scratch workspace gets the shipped example logs (an AWSLogs/ tree and lookup-events output)
  cpSync(join(REPO_ROOT, 'examples', 'cloudtrail'), join(server.workspace, 'cloudtrail'), { recursive: true });
  browser = await launchBrowser(server.scratch);
  wb = await Workbench.open(browser, server.url);
});

// the screen after the scenario: on a failure it shows what the step was waiting for
afterEach(async () => {
  await wb?.screenshot('after-generate').catch(() => undefined);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('generate a policy from the example CloudTrail logs via the explorer context menu', { timeout: 300_000 }, async () => {
  // open a policy first: activates the extension (and its server) the way a user's session would
  await wb.openFile('read-policy.json');
  const folder = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^cloudtrail$/ }).first();
  await folder.waitFor({ timeout: 60_000 });
  await folder.click({ button: 'right' });
  const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'Generate Policy from CloudTrail Logs' }).first();
  await item.waitFor({ timeout: 60_000 });
  await wb.screenshot('generate-context-menu');
  await item.click();
  // the principals found in the logs, most active first
  const pick = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'role/deploy-role' }).first();
  await pick.waitFor({ timeout: 120_000 });
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'user/Alice' }).first().waitFor();
  await wb.screenshot('generate-principals');
  await pick.click();
  // the report opens beside the policy; the policy is an untitled iam-policy document
  await wb.page.locator('.editor-group-container .view-lines', { hasText: 'Policy generated from CloudTrail logs' }).first().waitFor({ timeout: 120_000 });
  const policyEditor = wb.page.locator('.editor-group-container .monaco-editor', { hasText: 'lambda:CreateFunction' }).first();
  await policyEditor.waitFor();
  const policyText = await policyEditor.locator('.view-lines').innerText();
  assert.match(policyText, /"Version":\s"2012-10-17"/); // Monaco renders spaces as U+00A0
  // only the visible lines are rendered: the top of the policy (the CLI and LSP tests check all of it)
  assert.match(policyText, /kms:ReEncryptFrom[\s\S]*kms:ReEncryptTo/);
  assert.match(policyText, /arn:aws:lambda:us-east-1:111122223333:function:app-fn/);
  // the language mode of the untitled policy, and our server checked it: placeholders warn, nothing errs
  await wb.page.locator('.statusbar-item', { hasText: 'IAM Policy' }).first().waitFor();
  await policyEditor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
  assert.equal(await policyEditor.locator('.squiggly-error').count(), 0);
  await wb.screenshot('generate-result');
});
