// Runs inside VS Code's extension host (test:vscode): the same user-visible scenarios as the code-server suite,
// through VS Code's API and the editor's provider commands instead of the DOM. No test framework is needed:
// run() resolves when every scenario passed and rejects with the first failure.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // the extension host has no DOM to observe: poll the API (diagnostics arrive asynchronously)
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

const scenarios: Array<[string, () => Promise<void>]> = [
  ['diagnostic with the rule code on a misspelled action', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('bad-policy.json'));
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('INVALID_ACTION', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'INVALID_ACTION' || (typeof d.code === 'object' && d.code.value === 'INVALID_ACTION')));
    assert.equal(doc.getText(diag.range), '"s3:GetObjekt"');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to "s3:GetObject"');
    assert.ok(fix?.edit, 'quick fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /"s3:GetObject", "s3:ListBucket"/);
  }],
  ['hover shows the access level', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('read-policy.json'));
    const pos = doc.positionAt(doc.getText().indexOf('ListBucket') + 2);
    const hovers = await waitFor('hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      return h.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /access level:?\s*\**List\b/i);
  }],
  ['completion offers the action', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('completion-policy.json'));
    const pos = doc.positionAt(doc.getText().indexOf('[""]') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('s3')));
  }],
  ['CodeLens summarises the statement', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('read-policy.json'));
    const lenses = await waitFor('code lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l.length ? l : undefined;
    });
    assert.equal(lenses[0]?.command?.title, 'Read, List · s3 · 2 actions');
  }],
];

export async function run(): Promise<void> {
  for (const [name, scenario] of scenarios) {
    try {
      await scenario();
      console.log(`ok - ${name}`);
    } catch (err) {
      console.error(`not ok - ${name}`);
      throw err;
    }
  }
}
