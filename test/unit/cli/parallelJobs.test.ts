// `iam-policy-check --jobs N`: a walk checked on worker threads gives byte-for-byte the report, the stderr lines and
// the exit status of a single-threaded run, in every format, with --fix and with a baseline; a worker really
// checks files (IAM_POLICY_CHECK_THREAD_STATS counts them, never a timing); and the thread count is decided as
// documented. No test here measures time or memory.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { generatePolicies } from '../../support/policyGenerator';
import { parseFixture } from '../../support/fixture';
import { parseCliArgs } from '../../../server/src/cli/args';
import { threadsFor, AUTO_MIN_FILES } from '../../../server/src/cli/parallel/threads';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** 100 generated policies, the rule fixtures (many findings), a folder whose .iam-policy.json has a problem, a non-policy JSON and a template. */
function fixtureDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-jobs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  generatePolicies(100, 19).forEach((text, i) => writeFileSync(join(dir, `generated-${String(i).padStart(3, '0')}.json`), text));
  const rules = join(REPO_ROOT, 'test', 'fixtures', 'rules');
  mkdirSync(join(dir, 'fixtures'));
  for (const code of readdirSync(rules)) {
    for (const file of readdirSync(join(rules, code)).filter((f) => /\.jsonc?$/.test(f))) {
      const { text } = parseFixture(readFileSync(join(rules, code, file), 'utf8'));
      writeFileSync(join(dir, 'fixtures', `${code}-${file.replace(/\.jsonc$/, '.json')}`), text);
    }
  }
  mkdirSync(join(dir, 'configured'));
  writeFileSync(join(dir, 'configured', '.iam-policy.json'), JSON.stringify({ rules: { NO_SUCH_RULE: 'off', RESOURCE_STAR: 'error' } }));
  writeFileSync(join(dir, 'configured', 'a.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:getobject","Resource":"*"}]}');
  writeFileSync(join(dir, 'configured', 'b.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
  writeFileSync(join(dir, 'package.json'), '{"name": "not-a-policy"}');
  writeFileSync(
    join(dir, 'template.yaml'),
    'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Version: "2012-10-17"\n            Statement:\n              - Effect: Allow\n                Action: "s3:*"\n                Resource: "*"\n',
  );
  return dir;
}

function run(args: string[], cwd: string, stats = false): { stdout: string; stderr: string; status: number | null; threads?: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...(stats ? { IAM_POLICY_CHECK_THREAD_STATS: '1' } : {}) }, timeout: 10 * 60_000 });
  const lines = r.stderr.split('\n');
  const threads = lines.find((l) => l.startsWith('threads: '));
  return { stdout: r.stdout, stderr: lines.filter((l) => !l.startsWith('threads: ')).join('\n'), status: r.status, ...(threads ? { threads } : {}) };
}

test('--jobs 2 gives the report, stderr and exit status of --jobs 1, in every format', (t) => {
  const dir = fixtureDir(t);
  for (const format of ['json', 'text', 'sarif']) {
    const one = run(['--format', format, '--jobs', '1', '.'], dir);
    const two = run(['--format', format, '--jobs', '2', '.'], dir, true);
    assert.ok(one.stdout.length > 10_000, `${format}: a report with findings`);
    assert.equal(two.stdout, one.stdout, `${format}: stdout`);
    assert.equal(two.stderr, one.stderr, `${format}: stderr`);
    assert.equal(two.status, one.status, `${format}: exit status`);
    // the worker got at least its first batch: the run really was split
    const worker = /worker 1 (\d+)/.exec(two.threads ?? '');
    assert.ok(worker && Number(worker[1]) > 0, `${format}: ${two.threads}`);
  }
  const single = run(['--format', 'json', '--jobs', '1', '.'], dir);
  assert.match(single.stderr, /NO_SUCH_RULE/, 'the config problem is reported (once)');
  assert.equal(single.stderr.match(/NO_SUCH_RULE/g)?.length, 1);
  assert.equal(single.status, 2);
});

test('--jobs 2 with --fix rewrites the same files the same way, and a baseline suppresses the same findings', (t) => {
  const dir = fixtureDir(t);
  const copy = `${dir}-copy`;
  cpSync(dir, copy, { recursive: true });
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  const one = run(['--fix', '--jobs', '1', '.'], dir);
  const two = run(['--fix', '--jobs', '2', '.'], copy, true);
  assert.match(one.stderr, /fixed \d+ problem/);
  // the config problem names the folder's absolute path
  assert.equal(two.stderr.split(copy).join(dir), one.stderr);
  assert.equal(two.stdout, one.stdout);
  const files = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length));
  assert.deepEqual(files(copy).sort(), files(dir).sort());
  for (const f of files(dir)) assert.equal(readFileSync(join(copy, f), 'utf8'), readFileSync(join(dir, f), 'utf8'), f);

  // a baseline of the first half of the findings (by order): the rest are reported alike
  // (exit status 2: the folder with a bad .iam-policy.json)
  assert.match(run(['--baseline', 'base.json', '--update-baseline', '--jobs', '1', '.'], dir).stderr, /baseline of \d+ findings written/);
  const baseline = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { version: 1; findings: unknown[] };
  assert.ok(baseline.findings.length > 100);
  writeFileSync(join(dir, 'base.json'), JSON.stringify({ version: 1, findings: baseline.findings.slice(0, baseline.findings.length >> 1) }));
  const b1 = run(['--baseline', 'base.json', '--format', 'json', '--jobs', '1', '.'], dir);
  const b2 = run(['--baseline', 'base.json', '--format', 'json', '--jobs', '2', '.'], dir);
  assert.match(b1.stderr, /findings? in the baseline not reported/);
  assert.equal(b2.stdout, b1.stdout);
  assert.equal(b2.stderr, b1.stderr);
});

test('--jobs: a whole number from 1 or auto', () => {
  assert.deepEqual(parseCliArgs(['--jobs', '3', '.']), { ok: true, request: { ...(parseCliArgs(['.']) as { request: object }).request, jobs: 3 } });
  assert.deepEqual(parseCliArgs(['--jobs', 'auto', '.']), parseCliArgs(['.']));
  for (const bad of ['0', '-1', '1.5', 'two']) assert.equal(parseCliArgs(['--jobs', bad, '.']).ok, false, bad);
});

test('threads: auto splits walks of enough files across the cores (at most 4); stdin and tiny runs stay on one', () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => ({ path: join(REPO_ROOT, 'package.json') + (i ? `-missing-${i}` : ''), explicit: false }));
  assert.equal(threadsFor(undefined, files(AUTO_MIN_FILES), 4), 4);
  assert.equal(threadsFor(undefined, files(AUTO_MIN_FILES), 16), 4);
  assert.equal(threadsFor(undefined, files(AUTO_MIN_FILES - 1), 4), 1, 'few small files: one thread');
  assert.equal(threadsFor(undefined, files(AUTO_MIN_FILES), 2), 1, 'two cores: measured slower with a worker');
  assert.equal(threadsFor(undefined, files(AUTO_MIN_FILES), 1), 1, 'one core');
  assert.equal(threadsFor(3, files(2), 2), 2, 'never more threads than files');
  assert.equal(threadsFor(2, [{ path: '<stdin>', explicit: true, stdin: true }, ...files(10)], 2), 1, 'standard input is read on the main thread');
  assert.equal(threadsFor(1, files(500), 2), 1);
});
