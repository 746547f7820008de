// The CLI and the language server work fully offline: run them in a fresh network namespace
// (`unshare -n`, where the machine allows it) and with every socket/DNS call made to throw.
// Also: no eval / new Function in our sources (ajv compiles only our own schema, once).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { startLsp } from '../../support/lspClient';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const BLOCKER = join(REPO_ROOT, 'test', 'support', 'noNetwork.js');
const BAD = join(REPO_ROOT, 'test', 'fixtures', 'rules', 'DUPLICATE_KEY', 'twoActions.jsonc');

function canUnshare(): boolean {
  return spawnSync('unshare', ['-n', 'true']).status === 0;
}

test('CLI with all socket and DNS calls forbidden gives its normal answer', () => {
  const blocked = spawnSync(process.execPath, ['--require', BLOCKER, CLI, '--format', 'json', BAD], { encoding: 'utf8' });
  const open = spawnSync(process.execPath, [CLI, '--format', 'json', BAD], { encoding: 'utf8' });
  assert.equal(blocked.stderr.includes('network access attempted'), false, blocked.stderr);
  assert.equal(blocked.status, open.status);
  assert.equal(blocked.stdout, open.stdout);
  assert.match(blocked.stdout, /DUPLICATE_KEY/);
});

test('CLI in a fresh network namespace (unshare -n) gives its normal answer', { skip: !canUnshare() && 'unshare -n is not permitted here' }, () => {
  const r = spawnSync('unshare', ['-n', process.execPath, CLI, '--format', 'json', BAD], { encoding: 'utf8' });
  assert.match(r.stdout, /DUPLICATE_KEY/, r.stderr);
});

test('language server with all socket and DNS calls forbidden answers diagnostics', async () => {
  const session = await startLsp([], { ...process.env, NODE_OPTIONS: `--require ${BLOCKER}` });
  const uri = 'file:///offline/policy.json';
  const text = readFileSync(BAD, 'utf8').split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  const report = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string }> };
  assert.ok(report.items.some((d) => d.code === 'DUPLICATE_KEY'), JSON.stringify(report.items));
  assert.ok(!session.stderr().includes('network access attempted'), session.stderr());
  await session.stop();
});

test('no code is compiled at run time: the bundles contain no new Function (ajv is precompiled)', () => {
  for (const bundle of ['server.js', 'server-main.js', 'cli.js', 'cli-main.js', 'extension.js']) {
    const text = readFileSync(join(REPO_ROOT, 'dist', bundle), 'utf8');
    assert.ok(!/new Function\s*\(/.test(text), `dist/${bundle} contains new Function`);
  }
});

test('no eval or new Function in our sources', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(p, 'utf8'))) offenders.push(p);
    }
  };
  walk(join(REPO_ROOT, 'server', 'src'));
  walk(join(REPO_ROOT, 'client', 'src'));
  assert.deepEqual(offenders, []);
});
