// Directory walks of the built CLI skip IaC tool caches (.terraform, .terragrunt-cache, .aws-sam, .serverless,
// cdk.out/asset.*) and what .gitignore ignores (nested files, `!` re-includes, ancestors up to the repository
// root), while a file named on the command line is still checked. Also: an unknown rule code or a malformed
// account ID in .iam-policy.json is an error (exit 2) naming the file, and braces/negation globs work in config.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const BAD = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}\n';

function tree(t: { after(fn: () => void): void }, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-walk-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const flagged = (stdout: string): string[] => [...new Set(stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]!))].sort();

test('walks skip tool caches and .gitignore matches; named files are still checked', (t) => {
  const dir = tree(t, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.generated.json\n!keep.generated.json\n',
    'infra/a.json': BAD,
    'infra/.gitignore': 'local-*.json\n',
    'infra/local-x.json': BAD,
    'infra/keep.generated.json': BAD,
    'infra/drop.generated.json': BAD,
    'build/out.json': BAD,
    '.terraform/modules/m/p.json': BAD,
    '.terragrunt-cache/x/p.json': BAD,
    '.aws-sam/build/p.json': BAD,
    '.serverless/p.json': BAD,
    'cdk.out/asset.1234/p.json': BAD,
    'cdk.out/Stack.template.json': BAD,
  });
  const r = cli(['.'], dir);
  assert.deepEqual(flagged(r.stdout), ['cdk.out/Stack.template.json', 'infra/a.json', 'infra/keep.generated.json']);
  // walking from a subfolder still applies the repository root's .gitignore
  assert.deepEqual(flagged(cli(['infra'], dir).stdout), ['infra/a.json', 'infra/keep.generated.json']);
  const named = cli(['build/out.json', '.terraform/modules/m/p.json'], dir);
  assert.deepEqual(flagged(named.stdout), ['.terraform/modules/m/p.json', 'build/out.json']);
});

test('config: unknown rule code and malformed account id are errors; braces and negation globs apply', (t) => {
  const dir = tree(t, {
    '.iam-policy.json': '{"rules": {"RESOURCE_STARS": "off"}, "accountIds": ["1234"], "ignore": ["**/*.{yaml,yml}", "gen/**", "!gen/keep.json"]}',
    'p.json': BAD,
    'gen/x.json': BAD,
    'gen/keep.json': BAD,
  });
  const r = cli(['.'], dir);
  assert.equal(r.status, 2, r.stderr);
  // validated against the schema at run time: file:line:column, the key path and the words
  assert.match(r.stderr, /\.iam-policy\.json:1:12: "rules": unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"\?/);
  assert.match(r.stderr, /\.iam-policy\.json:1:53: "accountIds": "1234" is not a 12-digit AWS account ID/);
  assert.deepEqual(flagged(r.stdout), ['gen/keep.json', 'p.json']);
});

test('overrides: per-path rule levels, later entries win', (t) => {
  const dir = tree(t, {
    '.iam-policy.json': '{"overrides": [{"files": ["legacy/**"], "rules": {"INVALID_ACTION": "off"}}, {"files": "legacy/strict/*", "rules": {"INVALID_ACTION": "warning"}}]}',
    'new/p.json': BAD,
    'legacy/p.json': BAD,
    'legacy/strict/p.json': BAD,
  });
  const r = cli(['--format', 'json', '.'], dir);
  const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; severity: string }[] }[] };
  const levels = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.filter((d) => d.code === 'INVALID_ACTION').map((d) => d.severity)]));
  assert.deepEqual(levels, { 'legacy/p.json': [], 'legacy/strict/p.json': ['warning'], 'new/p.json': ['error'] });
});
