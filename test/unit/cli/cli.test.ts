// Golden stdout, stderr summaries and exit codes of the built CLI (node dist/cli.js) over test/fixtures/cli/.
// Run `npm run build` first. UPDATE_GOLDEN=1 rewrites test/fixtures/cli/expected/* from the actual output
// (review the diff: a new finding on a valid fixture is a false positive, not a golden to accept).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { ALL_RULES } from '../../../server/src/service';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'cli');
const EXPECTED = join(FIXTURES, 'expected');
const update = process.env['UPDATE_GOLDEN'] === '1';

function cli(args: string[], cwd = FIXTURES): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function golden(name: string, actual: string): void {
  const file = join(EXPECTED, name);
  if (update) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from ${file} (UPDATE_GOLDEN=1 to accept)`);
}

/** A copy of tree/ with the directories the walk must skip (not committable: git ignores node_modules). */
function treeCopy(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(FIXTURES, 'tree'), join(dir, 'tree'), { recursive: true });
  const dup = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a:b","Action":"c:d","Resource":"*"}]}';
  for (const skipped of ['node_modules/pkg', '.git/objects']) {
    mkdirSync(join(dir, 'tree', skipped), { recursive: true });
    writeFileSync(join(dir, 'tree', skipped, 'policy.json'), dup);
  }
  return dir;
}

test('text: one line per finding in a directory walk; non-policy, ignored and skipped files are silent', (t) => {
  const cwd = treeCopy(t);
  const r = cli(['tree'], cwd);
  golden('tree.txt', r.stdout);
  assert.equal(r.status, 1, r.stderr);
  for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^tree\/\S+\.(json|yaml):\d+:\d+ (error|warning|info|hint) [A-Z][A-Z0-9_]+ \S/);
  assert.doesNotMatch(r.stdout, /package\.json|node_modules|\.git|generated|ci\.yml/);
  // a CloudFormation template found in the walk: the typo in its second inline statement, YAML line/column
  assert.match(r.stdout, /^tree\/stack\.yaml:22:25 error INVALID_ACTION /m);
  // accountIds from .iam-policy.json reach the service: no cross-account note about our own account
  assert.doesNotMatch(r.stdout, /111122223333/);
  assert.match(r.stdout, /^tree\/duplicate-key\.json:14:7 error DUPLICATE_KEY /m);
  assert.match(r.stdout, /^tree\/broken\.json:8:5 error JSON_SYNTAX_ERROR /m);
  // identity, duplicate-key, broken, roles/trust-ec2, limits/developer, stack.yaml
  assert.match(r.stderr, /^6 files, \d+ findings?: \d+ errors?, \d+ warnings?$/m);
});

test('json: the documented shape, 0-based ranges, policy types from .iam-policy.json and inference', (t) => {
  const cwd = treeCopy(t);
  const r = cli(['--format', 'json', 'tree'], cwd);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as {
    tool: { name: string; version: string; dataVersion: string; dataDate?: string };
    files: { path: string; policyType: string; diagnostics: { code: string; severity: string; message: string; range: unknown; fixes: unknown }[] }[];
  };
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.deepEqual(Object.keys(out), ['tool', 'files']);
  assert.equal(out.tool.name, 'iam-policy-check');
  assert.equal(out.tool.version, pkg.version);
  assert.match(out.tool.dataVersion, /^\d+\.\d+\.\d+/);
  const types = Object.fromEntries(out.files.map((f) => [f.path, f.policyType]));
  assert.deepEqual(types, {
    'tree/broken.json': 'identity',
    'tree/duplicate-key.json': 'identity',
    'tree/identity.json': 'identity',
    'tree/limits/developer.json': 'boundary',
    'tree/roles/trust-ec2.json': 'trust',
    'tree/stack.yaml': 'trust',
  });
  const dup = out.files.find((f) => f.path === 'tree/duplicate-key.json')!.diagnostics.find((d) => d.code === 'DUPLICATE_KEY')!;
  assert.equal(dup.severity, 'error');
  assert.deepEqual(dup.range, { start: { line: 13, character: 6 }, end: { line: 13, character: 14 } });
  for (const f of out.files) {
    for (const d of f.diagnostics) {
      assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'fixes']);
      assert.ok(Array.isArray(d.fixes) && d.fixes.every((x) => typeof x === 'string'));
    }
  }
  out.tool.version = '<version>';
  out.tool.dataVersion = '<dataVersion>';
  assert.match(String(out.tool.dataDate), /^\d{4}-\d{2}-\d{2}T/, 'the IAM data date is reported');
  out.tool.dataDate = '<dataDate>';
  golden('tree.json', `${JSON.stringify(out, null, 2)}\n`);
});

test('valid policies: exit 0, nothing above info severity, summary on stderr', () => {
  const one = cli(['tree/identity.json']);
  assert.equal(one.stdout, '');
  assert.equal(one.stderr, '1 file, 0 findings: 0 errors, 0 warnings\n');
  assert.equal(one.status, 0);
  const two = cli(['tree/identity.json', 'tree/roles/trust-ec2.json']);
  for (const line of two.stdout.split('\n').filter(Boolean)) assert.match(line, /^\S+:\d+:\d+ (info|hint) /);
  assert.match(two.stderr, /^2 files, \d+ findings?: 0 errors, 0 warnings\n$/);
  assert.equal(two.status, 0);
});

test('a file named on the command line is checked even when it does not look like a policy', () => {
  const r = cli(['--format', 'json', 'explicit/not-a-policy.json', 'explicit/plain-text.json']);
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  assert.deepEqual(out.files.map((f) => f.path), ['explicit/not-a-policy.json', 'explicit/plain-text.json']);
  assert.ok(out.files[0]!.diagnostics.length > 0, 'a forced non-policy has findings (no Statement)');
  assert.ok(out.files[1]!.diagnostics.some((d) => d.code === 'JSON_SYNTAX_ERROR'));
  assert.equal(r.status, 1);
  golden('explicit.txt', cli(['explicit/not-a-policy.json', 'explicit/plain-text.json']).stdout);
});

test('json: "fixes" lists the titles of the quick fixes the editor offers for a diagnostic', () => {
  const r = cli(['--format', 'json', 'explicit/typo.json']);
  const out = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; range: unknown; fixes: string[] }[] }[] };
  const typo = out.files[0]!.diagnostics.find((d) => d.code === 'INVALID_ACTION');
  assert.ok(typo, r.stdout);
  assert.deepEqual(typo.range, { start: { line: 4, character: 35 }, end: { line: 4, character: 49 } });
  assert.ok(typo.fixes.some((f) => f.includes('s3:GetObject')), JSON.stringify(typo.fixes));
});

test('an unreadable path is reported, the rest is still checked, exit 2', () => {
  const r = cli(['missing.json', 'tree/duplicate-key.json', 'no-such-dir']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^missing\.json: error: cannot read: no such file or directory$/m);
  assert.match(r.stderr, /^no-such-dir: error: cannot read: no such file or directory$/m);
  assert.match(r.stdout, /^tree\/duplicate-key\.json:14:7 error DUPLICATE_KEY /m);
  assert.match(r.stderr, /^1 file, /m);
});

test('--fail-on sets the lowest failing severity', () => {
  // trust-ec2.json has an info finding only
  assert.equal(cli(['tree/roles/trust-ec2.json']).status, 0);
  assert.equal(cli(['--fail-on', 'warning', 'tree/roles/trust-ec2.json']).status, 0);
  assert.equal(cli(['--fail-on', 'info', 'tree/roles/trust-ec2.json']).status, 1);
  assert.equal(cli(['--fail-on', 'info', 'tree/identity.json']).status, 0);
  // I/O errors still win
  assert.equal(cli(['--fail-on', 'info', 'missing.json', 'tree/identity.json']).status, 2);
});

test('--ignore prunes files and folders of a directory walk, not named files', () => {
  const r = cli(['--ignore', '**/roles/**', '--ignore', 'tree/b*.json', '--ignore', '*.yaml', 'tree']);
  assert.doesNotMatch(r.stdout, /roles\/|broken\.json|stack\.yaml/);
  assert.match(r.stdout, /^tree\/duplicate-key\.json:14:7 error DUPLICATE_KEY /m);
  assert.match(r.stderr, /^3 files, /m);
  assert.match(cli(['--ignore', 'tree/broken.json', 'tree/broken.json']).stdout, /JSON_SYNTAX_ERROR/);
});

test('--format sarif: one run, every rule described, results with 1-based regions', () => {
  const r = cli(['--format', 'sarif', 'tree/duplicate-key.json', 'tree/identity.json']);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as {
    version: string;
    runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
  };
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  assert.equal(log.runs[0]!.tool.driver.rules.length, ALL_RULES.length);
  const dupResult = log.runs[0]!.results.find((x) => x.ruleId === 'DUPLICATE_KEY');
  assert.ok(dupResult, r.stdout.slice(0, 500));
  assert.equal(dupResult.level, 'error');
  assert.equal(dupResult.locations[0]!.physicalLocation.artifactLocation.uri, 'tree/duplicate-key.json');
  assert.deepEqual(
    { line: dupResult.locations[0]!.physicalLocation.region.startLine, column: dupResult.locations[0]!.physicalLocation.region.startColumn },
    { line: 14, column: 7 },
  );
});

test('--policy-type overrides the inferred type', () => {
  const r = cli(['--format', 'json', '--policy-type', 'scp', 'tree/identity.json']);
  assert.equal((JSON.parse(r.stdout) as { files: { policyType: string }[] }).files[0]!.policyType, 'scp');
});

test('--list-rules: json shape and text form list every rule', () => {
  const r = cli(['--list-rules', '--format', 'json']);
  assert.equal(r.status, 0);
  const rules = JSON.parse(r.stdout) as { code: string; severity: string; summary: string; catalogue: string[] }[];
  assert.equal(rules.length, ALL_RULES.length);
  assert.deepEqual(rules.map((x) => x.code), ALL_RULES.map((x) => x.code).sort());
  for (const x of rules) {
    assert.deepEqual(Object.keys(x), ['code', 'severity', 'summary', 'catalogue']);
    assert.match(x.severity, /^(error|warning|info|hint)$/);
    assert.ok(x.catalogue.length > 0 && x.catalogue.every((id) => typeof id === 'string'));
  }
  const text = cli(['--list-rules']).stdout.trimEnd().split('\n');
  assert.equal(text.length, ALL_RULES.length);
  assert.ok(text.some((l) => /^DUPLICATE_KEY +error +.+\[G02\]$/.test(l)));
});

test('usage errors exit 2 with a message; --help and --version exit 0', () => {
  for (const args of [[], ['--format', 'xml', 'a.json'], ['--policy-type', 'role', 'a.json'], ['--fail-on', 'hint', 'a.json'], ['--bogus', 'a.json'], ['--list-rules', '--format', 'sarif']]) {
    const r = cli(args);
    assert.equal(r.status, 2, `args ${args.join(' ')}`);
    assert.match(r.stderr, /^iam-policy-check: .+\n\nUsage: /);
    assert.equal(r.stdout, '');
  }
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: iam-policy-check /);
  const version = cli(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^iam-policy-check \d+\.\d+\.\d+ \(IAM data \S+, \d{4}-\d{2}-\d{2}\)\n$/);
});
