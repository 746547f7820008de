// The GitHub Action (action.yml) and the pre-commit hook, offline: action.yml's inputs and steps are wired to
// scripts/action/run.sh, which is run here as the runner would (INPUT_* variables, GITHUB_OUTPUT) against a
// fixture: annotations in the log, a SARIF file, and the exit code as an output. The pre-commit hook's entry is
// run on staged-file style arguments (a package.json among them).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../support/catalog';

const TYPO = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}]}\n';
const STAR = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}\n';

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; run?: string; env?: Record<string, string>; if?: string; with?: Record<string, string> }[] };
}

test('action.yml: a composite action with paths/format/fail-on inputs, the run script, SARIF upload, failing last', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
  assert.equal(action.runs.using, 'composite');
  for (const input of ['paths', 'format', 'fail-on', 'sarif-file', 'upload-sarif']) assert.ok(action.inputs[input], input);
  const check = action.runs.steps.find((s) => s.id === 'check')!;
  assert.match(check.run!, /scripts\/action\/run\.sh/);
  for (const input of ['paths', 'format', 'fail-on', 'sarif-file']) assert.ok(Object.values(check.env!).includes(`\${{ inputs.${input} }}`), input);
  assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') && s.with?.['sarif_file'] === '${{ steps.check.outputs.sarif-file }}'));
  assert.match(action.runs.steps.at(-1)!.run!, /exit \$\{\{ steps\.check\.outputs\.exit-code \}\}/);
  const example = parse(readFileSync(join(REPO_ROOT, 'examples', 'ci', 'github-workflow.yml'), 'utf8')) as { jobs: Record<string, { steps: { uses?: string }[] }> };
  assert.ok(Object.values(example.jobs).some((j) => j.steps.some((s) => s.uses?.includes('iam-policy-assistant'))));
});

function runAction(t: { after(fn: () => void): void }, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'iam-action-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra', 'typo.json'), TYPO);
  writeFileSync(join(dir, 'infra', 'star.json'), STAR);
  const output = join(dir, 'github-output');
  writeFileSync(output, '');
  const r = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'action', 'run.sh')], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: output, ACTION_PATH: REPO_ROOT, ...env },
  });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { ...r, outputs, dir };
}

test('the action step: annotations, SARIF file, exit code output; fail-on warning', (t) => {
  const r = runAction(t, { INPUT_PATHS: 'infra', INPUT_FORMAT: 'github', INPUT_FAIL_ON: 'error', INPUT_SARIF_FILE: 'out.sarif', INPUT_ARGS: '' });
  assert.equal(r.status, 0, 'the step itself succeeds so that the upload runs');
  assert.match(r.stdout, /^::error file=infra\/typo\.json,line=1,.*title=IAM INVALID_ACTION::/m);
  assert.match(r.stdout, /^::warning file=infra\/star\.json,/m);
  assert.equal(r.outputs['exit-code'], '1');
  assert.equal(r.outputs['sarif-file'], 'out.sarif');
  const sarif = JSON.parse(readFileSync(join(r.dir, 'out.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0]!.results.length >= 2);

  const onlyStar = runAction(t, { INPUT_PATHS: 'infra/star.json', INPUT_FAIL_ON: 'error', INPUT_SARIF_FILE: '' });
  assert.equal(onlyStar.outputs['exit-code'], '0', 'warnings do not fail at fail-on error');
  assert.equal(onlyStar.outputs['sarif-file'], '');
  const strict = runAction(t, { INPUT_PATHS: 'infra/star.json', INPUT_FAIL_ON: 'warning', INPUT_SARIF_FILE: '' });
  assert.equal(strict.outputs['exit-code'], '1');
  const budget = runAction(t, { INPUT_PATHS: 'infra/star.json', INPUT_SARIF_FILE: '', INPUT_ARGS: '--max-warnings 0' });
  assert.equal(budget.outputs['exit-code'], '1', 'args are passed through');
});

test('.pre-commit-hooks.yaml: the hook entry skips staged files without policies and fails on a bad policy', (t) => {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  const hook = hooks.find((h) => h.id === 'iam-policy-check')!;
  assert.equal(hook.language, 'node');
  const [bin, ...flags] = hook.entry.split(' ');
  assert.equal(bin, 'iam-policy-check');
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.ok(pkg.bin[bin!], 'the entry is a bin of the package');
  const dir = mkdtempSync(join(tmpdir(), 'iam-hook-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}\n');
  writeFileSync(join(dir, 'docker-compose.yml'), 'services: {a: {image: x}}\n');
  writeFileSync(join(dir, 'policy.json'), TYPO);
  const staged = ['package.json', 'docker-compose.yml', 'policy.json'].filter((f) => new RegExp(hook.files).test(f));
  assert.equal(staged.length, 3);
  const run = (files: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, pkg.bin[bin!]!), ...flags, ...files], { cwd: dir, encoding: 'utf8' });
  const r = run(staged);
  assert.equal(r.status, 1);
  assert.deepEqual([...new Set(r.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))], ['policy.json']);
  assert.doesNotMatch(r.stderr, /no IAM policy found/);
  assert.equal(run(['package.json', 'docker-compose.yml']).status, 0);
});
