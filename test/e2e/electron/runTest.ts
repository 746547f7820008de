// `npm run test:vscode`: the @vscode/test-electron way, for machines that can download VS Code (these build
// machines cannot: see docs/testing.md; there `npm run test:e2e` drives code-server instead). Downloads
// VS Code, opens test/e2e/workspace with the extension under development and runs ./suite in its extension host.
// Needs the dev dependency @vscode/test-electron (not installed here; `npm i -D @vscode/test-electron`).

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

async function main(): Promise<void> {
  let testElectron: { runTests(options: { extensionDevelopmentPath: string; extensionTestsPath: string; launchArgs?: string[]; version?: string }): Promise<number> };
  try {
    testElectron = require('@vscode/test-electron') as typeof testElectron;
  } catch {
    console.error('npm run test:vscode needs @vscode/test-electron (npm i -D @vscode/test-electron) and network access to download VS Code.');
    process.exit(2);
  }
  const workspace = mkdtempSync(join(tmpdir(), 'iam-vscode-'));
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const code = await testElectron.runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
