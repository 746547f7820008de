// End-to-end in a real VS Code (code-server + Chromium): in a CloudFormation YAML template with a misspelled
// action, the user opens the quick-fix list on the squiggle, picks "Disable INVALID_ACTION for this line", and the
// squiggle goes away; the saved file holds the `# iam-policy-ignore` comment. Then "Disable … for this resource
// (Metadata)" on a second template, and in a plain JSON policy (no comments) "Disable … for this file
// (.iam-policy.json)", which writes an `overrides` entry. Screenshots go to test-results/e2e/.

import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { launchBrowser, Workbench } from './support/workbench';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let wb: Workbench;

/** A template whose only error is the misspelled action on line 10 (1-based), column 21 onwards. */
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObjekt
            Resource: arn:aws:s3:::my-bucket/*
`;

/** A policy whose only error is the misspelled action on line 10 (1-based). */
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Resource": "arn:aws:s3:::my-bucket/*",
      "Condition": {
        "Bool": { "aws:SecureTransport": "true" }
      },
      "Action": "s3:GetObjekt"
    }
  ]
}
`;

before(async () => {
  server = await startCodeServer();
  // the scratch workspace is this test's own: the templates are written there, not in test/e2e/workspace
  writeFileSync(join(server.workspace, 'disable-line.yaml'), TEMPLATE);
  writeFileSync(join(server.workspace, 'disable-resource.yaml'), TEMPLATE);
  writeFileSync(join(server.workspace, 'disable-file.json'), POLICY);
  browser = await launchBrowser(server.scratch);
  wb = await Workbench.open(browser, server.url);
});

afterEach(async (t) => {
  await wb?.screenshot(`after-disable-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`).catch(() => undefined);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const fileText = (name: string): string => readFileSync(join(server!.workspace, name), 'utf8');

/** Opens the quick-fix list at the misspelled action and applies the entry titled `title`. */
async function applyQuickFix(file: string, title: string): Promise<void> {
  await wb.openFile(file);
  // the first diagnostics wait for the extension to activate and the server to load the catalog
  await wb.editor.locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
  await wb.goTo(10, 24);
  const entry = wb.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  const none = wb.page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' }).first();
  // while the editor's markers are refreshed (diagnostics are pulled again after the first publish) a request
  // carries no diagnostics and gets no quick fix: ask again, a few times at most (as editorEverywhere.test.ts)
  for (let attempt = 0; ; attempt++) {
    await wb.page.keyboard.press('Control+.');
    await entry.or(none).waitFor();
    if (await entry.isVisible()) break;
    assert.ok(attempt < 5, `no code actions in ${file}`);
    await wb.page.keyboard.press('Escape');
    await none.waitFor({ state: 'hidden' });
    await wb.page.waitForTimeout(1000);
  }
  await wb.screenshot(`disable-${file.replace(/\W+/g, '-')}-list`);
  // the action widget is keyboard driven (a pointer block covers it): move the focus to the entry, then Enter
  await wb.focusListRow(wb.page.locator('.action-widget'), title);
  await wb.page.keyboard.press('Enter');
}

test('"Disable INVALID_ACTION for this line" in a YAML template removes the squiggle', { timeout: 300_000 }, async () => {
  await applyQuickFix('disable-line.yaml', 'Disable INVALID_ACTION for this line');
  await wb.editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 60_000 });
  await wb.save();
  const text = fileText('disable-line.yaml');
  assert.match(text, /\n {12}# iam-policy-ignore INVALID_ACTION: reason\n {12}Action: s3:GetObjekt\n/);
  assert.equal(text.replace(/ {12}# iam-policy-ignore INVALID_ACTION: reason\n/, ''), TEMPLATE, 'only the comment line is added');
});

test('"Disable INVALID_ACTION for this resource (Metadata)" in a YAML template removes the squiggle', { timeout: 300_000 }, async () => {
  await applyQuickFix('disable-resource.yaml', 'Disable INVALID_ACTION for this resource (Metadata)');
  await wb.editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 60_000 });
  await wb.save();
  assert.match(fileText('disable-resource.yaml'), /\n {2}Reader:\n {4}Metadata:\n {6}iam-policy:\n {8}ignore_checks:\n {10}- INVALID_ACTION\n {4}Type: AWS::IAM::ManagedPolicy\n/);
});

test('"Disable INVALID_ACTION for this file (.iam-policy.json)" in a plain JSON policy writes an override', { timeout: 300_000 }, async () => {
  await applyQuickFix('disable-file.json', 'Disable INVALID_ACTION for this file (.iam-policy.json)');
  // the server asks the editor to create .iam-policy.json (workspace/applyEdit): VS Code opens it with the entry,
  // unsaved, for the user to review; saving it makes the server re-read its configuration and the squiggle goes
  const configTab = wb.page.locator('.tabs-container .tab.dirty').filter({ has: wb.page.locator('.label-name', { hasText: /^\.iam-policy\.json$/ }) });
  await configTab.waitFor();
  await wb.command('File: Save All');
  await configTab.waitFor({ state: 'detached' });
  await wb.editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 60_000 });
  const config = JSON.parse(fileText('.iam-policy.json')) as { overrides: unknown };
  assert.deepEqual(config.overrides, [{ files: ['./disable-file.json'], rules: { INVALID_ACTION: 'off' } }]);
  assert.equal(fileText('disable-file.json'), POLICY, 'the policy itself is untouched');
});
