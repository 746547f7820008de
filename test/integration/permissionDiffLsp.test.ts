// The permission diff through the built language server (node dist/server.js --stdio), as another LSP editor
// uses it: the custom request iamPolicy/permissionDiff and workspace/executeCommand, against HEAD of a temporary
// git repository (the open document's unsaved text is the new version), another file, and a new file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../support/catalog';
import { startLsp } from '../support/lspClient';
import { PERMISSION_DIFF_REQUEST, PERMISSION_DIFF_SERVER_COMMAND, type PermissionDiffResult } from '../../server/src/diffProtocol';

test('iamPolicy/permissionDiff and executeCommand compare with HEAD, a file and nothing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-diff-lsp-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  const oldFile = join(REPO_ROOT, 'examples', 'diff', 'deploy.old.json');
  copyFileSync(oldFile, join(dir, 'deploy.json'));
  git('add', '-A');
  git('commit', '-qm', 'base');
  const uri = pathToFileURL(join(dir, 'deploy.json')).href;
  const lsp = await startLsp();
  t.after(() => lsp.stop());
  // the editor's text (unsaved) is the new version
  lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: readFileSync(join(REPO_ROOT, 'examples', 'diff', 'deploy.new.json'), 'utf8') } });

  const full = await lsp.connection.sendRequest<PermissionDiffResult>(PERMISSION_DIFF_REQUEST, { uri, against: { ref: 'HEAD' } });
  assert.equal(full.error, undefined);
  assert.equal(full.gained, 5);
  assert.equal(full.lost, 0);
  assert.equal(full.policies, 1);
  assert.match(full.summary, /^Permissions: \+5 gained \(1 Permissions management, 4 Write\); 1 condition removed\/loosened \(vs HEAD\)$/);
  assert.match(full.markdown!, /#### Risky changes/);
  assert.equal(full.report!.conditionsRemoved[0]!.key, 'aws:MultiFactorAuthPresent');

  const viaCommand = await lsp.connection.sendRequest<PermissionDiffResult>('workspace/executeCommand', { command: PERMISSION_DIFF_SERVER_COMMAND, arguments: [{ uri, against: { ref: 'HEAD' }, detail: 'summary' }] });
  assert.equal(viaCommand.summary, full.summary);
  assert.equal(viaCommand.markdown, undefined);

  const vsFile = await lsp.connection.sendRequest<PermissionDiffResult>(PERMISSION_DIFF_REQUEST, { uri, against: { uri: pathToFileURL(join(REPO_ROOT, 'examples', 'diff', 'deploy.new.json')).href } });
  assert.equal(vsFile.identical, true);

  // a file git does not know yet: everything is gained
  writeFileSync(join(dir, 'new.json'), readFileSync(join(REPO_ROOT, 'examples', 'diff', 'bucket-policy.old.json'), 'utf8'));
  const added = await lsp.connection.sendRequest<PermissionDiffResult>(PERMISSION_DIFF_REQUEST, { uri: pathToFileURL(join(dir, 'new.json')).href, against: { ref: 'HEAD' } });
  assert.equal(added.added, true);
  assert.equal(added.gained, 1);

  const badRef = await lsp.connection.sendRequest<PermissionDiffResult>(PERMISSION_DIFF_REQUEST, { uri, against: { ref: 'no-such-ref' } });
  assert.match(badRef.error ?? '', /not a commit/);
  assert.equal(lsp.exited(), false);
});
