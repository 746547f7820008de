// End-to-end: the packaged extension in a real VS Code (code-server) driven by Chromium. Each scenario is what a
// user does: see a squiggle and its Problems entry, hover an action, accept a completion, apply a quick fix,
// insert a snippet, read a CodeLens and open its action list. Screenshots go to test-results/e2e/.

import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, startCodeServer, type CodeServer } from './support/codeServer';
import { launchBrowser, Workbench } from './support/workbench';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let wb: Workbench;

before(async () => {
  server = await startCodeServer();
  browser = await launchBrowser(server.scratch);
  wb = await Workbench.open(browser, server.url);
});

// the screen after every scenario: the last one shows what a failing step was waiting for
afterEach(async (t) => {
  await wb?.screenshot(`after-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const fileText = (name: string): string => readFileSync(join(server!.workspace, name), 'utf8');

test('a bad policy gets a squiggle and a Problems entry with the rule code', async () => {
  await wb.openFile('bad-policy.json');
  // the first diagnostics wait for the extension to activate and the server to load the catalog
  await wb.editor.locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
  await wb.page.keyboard.press('Control+Shift+M');
  const entry = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'GetObjekt' }).first();
  await entry.waitFor();
  const text = await entry.innerText();
  assert.match(text, /is not an action of Amazon S3/);
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'INVALID_ACTION' }).first().waitFor();
  await wb.screenshot('problems');
});

test('a quick fix replaces the misspelled action', async () => {
  await wb.openFile('bad-policy.json');
  await wb.goTo(7, 20);
  await wb.page.keyboard.press('Control+.');
  const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "s3:GetObject"' }).first();
  await fix.waitFor();
  await wb.screenshot('quick-fix');
  // the action widget is keyboard driven (a pointer block covers it): move the focus to our fix, then Enter
  await wb.focusListRow(wb.page.locator('.action-widget'), 'Change to "s3:GetObject"');
  await wb.page.keyboard.press('Enter');
  await wb.editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
  await wb.save();
  const text = fileText('bad-policy.json');
  assert.match(text, /"Action": \["s3:GetObject", "s3:ListBucket"\]/);
  assert.doesNotMatch(text, /GetObjekt/);
});

test('hovering an action shows its access level', async () => {
  await wb.openFile('read-policy.json');
  const hover = wb.page.locator('.monaco-hover:visible').first();
  // the CodeLens lines can arrive just after the file opens and move the text from under a still mouse, which
  // hides the hover: move away and hover again (a few times at most)
  for (let attempt = 1; ; attempt++) {
    await wb.token('ListBucket').hover();
    if (await hover.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
    if (attempt === 3) {
      await hover.waitFor();
      break;
    }
    await wb.page.mouse.move(0, 0);
  }
  // the hover shows the action's link line first and "Loading..." until the server's answer arrives
  await hover.getByText(/access level/i).first().waitFor();
  const text = await hover.innerText();
  assert.match(text, /s3:ListBucket/);
  assert.match(text, /access level:?\s*\**List\b/i);
  await wb.screenshot('hover');
  await wb.page.keyboard.press('Escape');
});

test('a CodeLens summarises each statement and opens its full action list', async () => {
  await wb.openFile('read-policy.json');
  const lens = wb.editor.locator('.codelens-decoration', { hasText: 'Read, List · s3 · 2 actions' }).first();
  await lens.waitFor();
  await wb.editor.locator('.codelens-decoration', { hasText: '⚠ Permissions management' }).first().waitFor();
  await wb.screenshot('codelens');
  await lens.locator('a').first().click();
  await wb.page.locator('.tabs-container .tab.active', { hasText: 'actions.md' }).waitFor();
  await wb.editor.locator('.view-lines', { hasText: 's3:GetObject' }).waitFor();
  await wb.editor.locator('.view-lines', { hasText: 'ListBucket' }).waitFor();
});

test('the language status item shows the IAM data version while a policy is open', async () => {
  await wb.openFile('read-policy.json');
  const dataVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'iam-catalog.json'), 'utf8')) as { head: { source: { version: string } } }).head.source.version;
  // the item lives in the language status hover (the `{}` next to the language mode)
  await wb.page.locator('[id="status.languageStatus"]').first().click();
  await wb.page.locator('.monaco-hover:visible', { hasText: new RegExp(`IAM data ${dataVersion.replace(/\./g, '\\.')}`) }).first().waitFor();
  await wb.page.keyboard.press('Escape');
});

test('accepting a completion inserts the action', async () => {
  await wb.openFile('completion-policy.json');
  await wb.goTo(7, 19);
  await wb.page.keyboard.type('s3:ListBuck');
  await wb.page.keyboard.press('Control+Space');
  const row = wb.page.locator('.suggest-widget.visible .monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: /^(s3:)?ListBucket$/ }) }).first();
  await row.waitFor();
  await wb.screenshot('completion');
  await row.click();
  await wb.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  await wb.save();
  assert.match(fileText('completion-policy.json'), /"Action": \["s3:ListBucket"\]/);
});

test('a snippet inserts a least-privilege template', async () => {
  await wb.openFile('snippet-policy.json');
  await wb.page.keyboard.type('iam-pass-role');
  await wb.page.keyboard.press('Control+Space');
  const row = wb.page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'iam-pass-role' }).first();
  await row.waitFor();
  await row.click();
  await wb.editor.locator('.view-lines', { hasText: 'iam:PassedToService' }).waitFor();
  await wb.page.keyboard.press('Escape');
  await wb.save();
  const policy = JSON.parse(fileText('snippet-policy.json')) as { Statement: Array<{ Action: string; Condition: Record<string, Record<string, string>> }> };
  assert.equal(policy.Statement[0]!.Action, 'iam:PassRole');
  assert.equal(policy.Statement[0]!.Condition['StringEquals']!['iam:PassedToService'], 'service-principal');
  await wb.screenshot('snippet');
});

test('"Open Rule Documentation" picks a rule and previews docs/rules.md', async () => {
  await wb.openFile('read-policy.json');
  await wb.page.keyboard.press('Control+Shift+P');
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>IAM Policy: Open Rule Documentation');
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Rule Documentation' }).first().waitFor();
  await wb.page.keyboard.press('Enter');
  // the same widget now lists the rule codes read from docs/rules.md
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'DUPLICATE_KEY' }).first().waitFor();
  await input.fill('INVALID_ACTION');
  const row = wb.page.locator('.quick-input-list .monaco-list-row.focused').filter({ has: wb.page.locator('.label-name', { hasText: /^INVALID_ACTION$/ }) });
  await row.waitFor();
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.tabs-container .tab.active', { hasText: 'Preview rules.md' }).waitFor();
});

test('"Restart Language Server" restarts it and the new server checks edits', async () => {
  await wb.openFile('typo-policy.json');
  await wb.command('IAM Policy: Restart Language Server');
  await wb.page.locator('.statusbar-item', { hasText: 'language server restarted' }).first().waitFor();
  // an edit after the restart is checked by the new server process
  await wb.goTo(7, 32);
  await wb.page.keyboard.type('x');
  await wb.editor.locator('.squiggly-error').first().waitFor();
  await wb.page.keyboard.press('Control+Shift+M');
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: '"s3:ListBucketx" is not an action' }).first().waitFor();
  // the restart raced no request into an error notification
  assert.equal(await wb.page.locator('.notifications-toasts .notification-toast', { hasText: /failed/i }).count(), 0);
});

test('the IAM grammar colours policy parts in .json and in the iam-policy language', async () => {
  // without our grammar, every string value gets the same token colour; with it, the effect and the action differ
  // (a plain JSON string renders as one span, quotes included)
  const colourOf = async (text: string): Promise<string> =>
    wb.token(text).evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
  await wb.openFile('read-policy.json');
  assert.notEqual(await colourOf('Allow'), await colourOf('"ReadReports"'), 'Effect value coloured apart from a plain string');
  await wb.openFile('deny-leave-org.policy.json');
  await wb.page.locator('.statusbar-item', { hasText: 'IAM Policy' }).first().waitFor();
  assert.notEqual(await colourOf('Deny'), await colourOf('"DenyLeavingTheOrganization"'));
  assert.notEqual(await colourOf('LeaveOrganization'), await colourOf('"DenyLeavingTheOrganization"'), 'action name coloured');
  await wb.editor.locator('.codelens-decoration', { hasText: 'Deny · Write (1: organizations) · organizations · 1 action' }).first().waitFor();
  await wb.screenshot('iam-policy-language');
});
