// The built CLI's CI integrations (issue 20): standard input with --stdin-filename, --format junit and github,
// --output-file, --quiet, --max-warnings, SARIF helpUri/originalUriBaseIds/invocations, and the baseline.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const TYPO = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}]}\n';
// one warning (RESOURCE_STAR-like findings are warnings) and no error
const STAR = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}\n';

function tree(t: { after(fn: () => void): void }, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-ci-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function cli(args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('standard input: "-" is checked; --stdin-filename gives the name, type inference and .iam-policy.json', (t) => {
  const dir = tree(t, { 'sub/.iam-policy.json': '{"rules": {"INVALID_ACTION": "warning"}, "policyTypes": {"roles/*.json": "trust"}}' });
  const plain = cli(['-'], dir, TYPO);
  assert.equal(plain.status, 1, plain.stderr);
  assert.match(plain.stdout, /^<stdin>:1:\d+ error INVALID_ACTION /m);
  const named = cli(['--format', 'json', '-', '--stdin-filename', 'sub/roles/r.json'], dir, TYPO);
  const out = JSON.parse(named.stdout) as { files: { path: string; policyType: string; diagnostics: { code: string; severity: string }[] }[] };
  assert.equal(out.files[0]!.path, 'sub/roles/r.json');
  assert.equal(out.files[0]!.policyType, 'trust', 'the policyTypes glob matches the given name');
  assert.equal(out.files[0]!.diagnostics.find((d) => d.code === 'INVALID_ACTION')?.severity, 'warning', 'the config next to the given name applies');
  assert.equal(cli(['--stdin-filename', 'a.json', 'x.json'], dir).status, 2, '--stdin-filename without -');
  assert.equal(cli(['--fix', '-'], dir, TYPO).status, 2, '--fix cannot rewrite stdin');
});

test('--format github writes workflow annotations; junit writes a testsuite per file', (t) => {
  const dir = tree(t, { 'a.json': TYPO, 'ok.json': '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}\n' });
  const gh = cli(['--format', 'github', 'a.json'], dir);
  assert.match(gh.stdout, /^::error file=a\.json,line=1,col=\d+,endLine=1,endColumn=\d+,title=IAM INVALID_ACTION::INVALID_ACTION: "s3%3AGetObjekt"|^::error file=a\.json,line=1,col=\d+,endLine=1,endColumn=\d+,title=IAM INVALID_ACTION::INVALID_ACTION: "s3:GetObjekt" is not an action/m);
  const junit = cli(['--format', 'junit', 'a.json', 'ok.json'], dir);
  assert.match(junit.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="iam-policy-check" tests="\d+" failures="\d+" errors="0">/);
  assert.match(junit.stdout, /<testsuite name="a.json" tests="\d+" failures="[1-9]\d*"/);
  assert.match(junit.stdout, /<failure type="INVALID_ACTION" message="&quot;s3:GetObjekt&quot; is not an action/);
  assert.match(junit.stdout, /<testsuite name="ok.json" tests="1" failures="0" errors="0" skipped="0">\n\s+<testcase name="ok.json"/);
});

test('--output-file, --quiet and --max-warnings', (t) => {
  const dir = tree(t, { 'typo.json': TYPO, 'star.json': STAR });
  const toFile = cli(['--format', 'json', '--output-file', 'out/report.json', 'typo.json'], dir);
  assert.equal(toFile.stdout, '', 'nothing on stdout');
  assert.equal(toFile.status, 2, 'the folder does not exist: a clear error');
  mkdirSync(join(dir, 'out'));
  const ok = cli(['--format', 'json', '--output-file', 'out/report.json', 'typo.json'], dir);
  assert.equal(ok.status, 1);
  assert.equal(ok.stdout, '');
  assert.ok((JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { files: unknown[] }).files.length === 1);

  const all = cli(['star.json'], dir);
  assert.equal(all.status, 0, 'warnings do not fail by default');
  const warnings = all.stdout.split('\n').filter((l) => / warning /.test(l)).length;
  assert.ok(warnings >= 1, all.stdout);
  assert.equal(cli(['--quiet', 'star.json'], dir).stdout, '', '--quiet hides warnings');
  assert.equal(cli(['--max-warnings', String(warnings), 'star.json'], dir).status, 0);
  const over = cli(['--max-warnings', String(warnings - 1), 'star.json'], dir);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /more than --max-warnings/);
  assert.equal(cli(['--max-warnings', 'x', 'star.json'], dir).status, 2);
});

test('SARIF: helpUri per rule, SRCROOT base, invocations report unreadable files', (t) => {
  const dir = tree(t, { 'a.json': TYPO });
  const r = cli(['--format', 'sarif', 'a.json', 'missing.json'], dir);
  assert.equal(r.status, 2);
  const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[]; properties: Record<string, string> } }; originalUriBaseIds: { SRCROOT: { uri: string } }; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[]; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] };
  const run = log.runs[0]!;
  const rule = run.tool.driver.rules.find((x) => x.id === 'INVALID_ACTION')!;
  assert.match(rule.helpUri, /^(file|https):\/\/.*rules\.md#invalid_action$/);
  assert.match(run.tool.driver.properties['iamDataDate']!, /^\d{4}-/);
  assert.match(run.originalUriBaseIds.SRCROOT.uri, /^file:\/\/\/.*\/$/);
  assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation.artifactLocation, { uri: 'a.json', uriBaseId: 'SRCROOT' });
  assert.equal(run.invocations[0]!.executionSuccessful, false);
  assert.match(run.invocations[0]!.toolExecutionNotifications[0]!.message.text, /missing\.json: cannot read/);
});

test('baseline: --update-baseline records, --baseline then reports only new findings, even after lines move', (t) => {
  const dir = tree(t, { 'p/a.json': TYPO });
  const write = cli(['--baseline', 'iam-baseline.json', '--update-baseline', 'p'], dir);
  assert.equal(write.status, 0, write.stderr);
  const recorded = JSON.parse(readFileSync(join(dir, 'iam-baseline.json'), 'utf8')) as { version: number; findings: { path: string; code: string; text: string; count: number }[] };
  assert.equal(recorded.version, 1);
  assert.ok(recorded.findings.some((f) => f.path === 'p/a.json' && f.code === 'INVALID_ACTION' && f.text === '"s3:GetObjekt"'));
  const same = cli(['--baseline', 'iam-baseline.json', 'p'], dir);
  assert.equal(same.status, 0, same.stdout);
  assert.equal(same.stdout, '');
  assert.match(same.stderr, /in the baseline not reported/);
  // lines move and a second typo is added: only the new one is reported, from another directory too
  writeFileSync(join(dir, 'p', 'a.json'), `\n\n${TYPO.replace('"s3:GetObjekt"', '["s3:GetObjekt", "s3:PutObjekt"]')}`);
  mkdirSync(join(dir, 'elsewhere'));
  const next = cli(['--baseline', '../iam-baseline.json', '../p'], join(dir, 'elsewhere'));
  assert.equal(next.status, 1);
  assert.deepEqual(next.stdout.split('\n').filter(Boolean).map((l) => /INVALID_ACTION "(\S+)"/.exec(l)?.[1] ?? l), ['s3:PutObjekt']);
});
