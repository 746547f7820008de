// `iam-policy-check diff` end to end through the built CLI (node dist/cli.js; run `npm run build` first): the JSON
// contract of /work/shared/spec/commands.md, Markdown for pull requests, --fail-on exit codes, containers paired
// by logical name/address, policy types, and --git on a temporary repository (new, deleted, modified files).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const EX = join('examples', 'diff');
const FX = join('test', 'fixtures', 'diff', 'cli');

function cli(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'diff', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Item {
  action: string;
  accessLevel: string;
  resource: string;
  conditions: Record<string, unknown>;
  witness: { action: string; resource: string; context: Record<string, unknown>; principal?: string };
  statements: { old: Array<{ statement: number; sid?: string; range: { start: { line: number } } }>; new: Array<{ statement: number; sid?: string; range: { start: { line: number } } }> };
  policy?: string;
  kind: string;
}
interface Report {
  effectiveChange: boolean;
  gained: Item[];
  lost: Item[];
  conditionsRemoved: Array<{ statement: number; operator: string; key: string }>;
  principalsGained: Array<{ principal: string }>;
  resourcesWidened: Array<{ old: string[]; new: string[]; actions: string[] }>;
  files: Array<{ path: string; status: string; policies: Array<{ label: string; status: string }> }>;
}

function json(args: string[], cwd?: string): Report {
  const r = cli([...args, '--format', 'json'], cwd);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Report;
}

test('json: the contract fields, witnesses, statements with ranges, conditions removed', () => {
  const r = json([join(EX, 'deploy.old.json'), join(EX, 'deploy.new.json')]);
  assert.equal(r.effectiveChange, true);
  assert.deepEqual(r.gained.map((g) => g.action).sort(), ['ec2:TerminateInstances', 'iam:PassRole', 'iam:PutRolePolicy', 's3:PutObject', 's3:PutObject']);
  assert.deepEqual(r.lost, []);
  const put = r.gained.find((g) => g.action === 's3:PutObject' && g.resource === 'arn:aws:s3:::prod-artifacts/*')!;
  assert.equal(put.accessLevel, 'Write');
  assert.deepEqual(put.conditions, {});
  assert.equal(put.witness.action, 's3:PutObject');
  assert.match(put.witness.resource, /^arn:aws:s3:::prod-artifacts\/.+/);
  assert.deepEqual(put.statements.new.map((s) => [s.statement, s.sid, s.range.start.line]), [[1, 'Artifacts', 9]]);
  const pm = r.gained.find((g) => g.action === 'iam:PutRolePolicy')!;
  assert.equal(pm.accessLevel, 'Write, Permissions management');
  const term = r.gained.find((g) => g.action === 'ec2:TerminateInstances')!;
  assert.equal(term.kind, 'condition-loosened');
  assert.deepEqual(term.witness.context, {});
  assert.deepEqual(term.statements.old.map((s) => s.sid), ['TerminateWithMfa']);
  assert.deepEqual(r.conditionsRemoved.map((c) => [c.statement, c.operator, c.key]), [[1, 'Bool', 'aws:MultiFactorAuthPresent']]);
});

test('json: a refactor gives no effective change and empty lists; --fail-on any is not met', () => {
  const r = cli([join(EX, 'deploy.old.json'), join(EX, 'deploy.refactored.json'), '--format', 'json', '--fail-on', 'any']);
  assert.equal(r.status, 0);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(report.effectiveChange, false);
  assert.deepEqual([report.gained, report.lost, report.conditionsRemoved], [[], [], []]);
  assert.match(cli([join(EX, 'deploy.old.json'), join(EX, 'deploy.refactored.json')]).stdout, /no effective change/);
});

test('lost access is reported the other way round', () => {
  const r = json([join(EX, 'deploy.new.json'), join(EX, 'deploy.old.json')]);
  assert.deepEqual(r.gained, []);
  assert.deepEqual(r.lost.map((g) => g.action).sort(), ['ec2:TerminateInstances', 'iam:PassRole', 'iam:PutRolePolicy', 's3:PutObject', 's3:PutObject']);
});

test('--fail-on gates and exit codes', () => {
  const pair = [join(EX, 'deploy.old.json'), join(EX, 'deploy.new.json')];
  for (const gate of ['permissions-management', 'write-on-star', 'condition-removed', 'any']) {
    const r = cli([...pair, '--fail-on', gate]);
    assert.equal(r.status, 1, `${gate}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`--fail-on ${gate}: met`));
  }
  assert.equal(cli(pair).status, 0, 'no gate: exit 0');
  // the bucket policy change gains a Read action only: no Permissions management, no Write on "*"
  const bucket = [join(EX, 'bucket-policy.old.json'), join(EX, 'bucket-policy.new.json')];
  assert.equal(cli([...bucket, '--fail-on', 'permissions-management,write-on-star,condition-removed']).status, 0);
  assert.equal(cli([...bucket, '--fail-on', 'any']).status, 1);
  // usage errors and unreadable inputs: 2 with a one-line reason
  const bad = cli([...pair, '--fail-on', 'everything']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--fail-on must be one of/);
  const missing = cli([join(EX, 'deploy.old.json'), join(EX, 'nope.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read .*nope\.json: no such file/);
  assert.equal(cli([join(EX, 'deploy.old.json')]).status, 2);
});

test('markdown: risky changes first, one collapsible section per service, grouped counts', () => {
  const r = cli([join(EX, 'deploy.old.json'), join(EX, 'deploy.new.json'), '--format', 'markdown']);
  assert.equal(r.status, 0);
  const out = r.stdout;
  const risky = out.indexOf('#### Risky changes');
  assert.ok(risky > 0 && risky < out.indexOf('<details>'), 'risky changes come before the per-service sections');
  assert.match(out, /⚠️ `iam` \+1 Permissions management, \+1 Write on `\*`/);
  assert.match(out, /Condition removed: `Bool aws:MultiFactorAuthPresent`/);
  assert.equal((out.match(/<details>/g) ?? []).length, 3);
  assert.match(out, /<summary><b>s3<\/b>: \+1 Write on <code>arn:aws:s3:::prod-artifacts<\/code>/);
  assert.equal((out.match(/<\/details>/g) ?? []).length, 3);
});

test('resource policy: a new account and "*" are principals gained', () => {
  const r = json([join(EX, 'bucket-policy.old.json'), join(EX, 'bucket-policy.new.json'), '--policy-type', 'resource']);
  assert.deepEqual(r.principalsGained.map((p) => p.principal).sort(), ['*', 'AWS: 777788889999']);
  const star = r.gained.find((g) => g.resource === 'arn:aws:s3:::prod-reports/index.html')!;
  assert.ok(star.witness.principal && !star.witness.principal.includes('444455556666'));
});

test('SCP: a Deny narrowed lets actions through (gained)', () => {
  const r = json([join(FX, 'scp.old.json'), join(FX, 'scp.new.json'), '--policy-type', 'scp']);
  assert.deepEqual(r.gained.map((g) => [g.action, g.kind]), [['account:CloseAccount', 'deny-removed']]);
  assert.deepEqual(r.gained[0]!.statements.old.map((s) => s.sid), ['NoLeaving']);
});

test('CloudFormation: policies paired by logical name, trust principal gained', () => {
  const r = json([join(FX, 'stack.old.yaml'), join(FX, 'stack.new.yaml')]);
  const byPolicy = new Map<string, string[]>();
  for (const g of r.gained) byPolicy.set(g.policy ?? '', [...(byPolicy.get(g.policy ?? '') ?? []), g.action]);
  assert.deepEqual([...byPolicy.keys()].sort(), ['AppRole.AssumeRolePolicyDocument', 'AppRole.Policies[0].PolicyDocument']);
  assert.equal(byPolicy.get('AppRole.Policies[0].PolicyDocument')!.length, 18 - 1);
  assert.deepEqual(byPolicy.get('AppRole.AssumeRolePolicyDocument'), ['sts:AssumeRole']);
  assert.deepEqual(r.principalsGained.map((p) => p.principal), ['AWS: arn:aws:iam::444455556666:root']);
  // the reordered LogsPolicy (string → list) is unchanged
  const logs = r.files[0]!.policies.find((p) => p.label.startsWith('LogsPolicy'))!;
  assert.equal(logs.status, 'unchanged');
});

test('Terraform: policies paired by address, resource widened', () => {
  const r = json([join(FX, 'main.old.tf'), join(FX, 'main.new.tf')]);
  assert.deepEqual(r.gained.map((g) => g.action), ['dynamodb:DeleteTable', 'dynamodb:GetItem', 'dynamodb:Query']);
  assert.deepEqual(r.gained.map((g) => g.policy), ['aws_iam_policy.reader.policy', 'aws_iam_policy.reader.policy', 'aws_iam_policy.reader.policy']);
  assert.deepEqual(r.resourcesWidened.map((w) => [w.old, w.new, w.actions]), [[['arn:aws:dynamodb:us-east-1:111122223333:table/orders'], ['arn:aws:dynamodb:us-east-1:111122223333:table/*'], ['dynamodb:GetItem', 'dynamodb:Query']]]);
});

test('--git REF PATH: modified, new and deleted files against a temporary repository', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-diff-git-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  mkdirSync(join(dir, 'policies'));
  copyFileSync(join(REPO_ROOT, EX, 'deploy.old.json'), join(dir, 'policies', 'deploy.json'));
  copyFileSync(join(REPO_ROOT, FX, 'main.old.tf'), join(dir, 'policies', 'old.tf'));
  writeFileSync(join(dir, 'policies', 'notes.json'), '{"not": "a policy"}\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  copyFileSync(join(REPO_ROOT, EX, 'deploy.new.json'), join(dir, 'policies', 'deploy.json'));
  copyFileSync(join(REPO_ROOT, EX, 'bucket-policy.new.json'), join(dir, 'policies', 'bucket.json'));
  unlinkSync(join(dir, 'policies', 'old.tf'));
  const r = json(['--git', 'HEAD', 'policies'], dir);
  const status = Object.fromEntries(r.files.map((f) => [f.path, f.status]));
  assert.equal(status['policies/deploy.json'], 'modified');
  assert.equal(status['policies/bucket.json'], 'added');
  assert.equal(status['policies/old.tf'], 'deleted');
  assert.deepEqual(r.files.find((f) => f.path === 'policies/notes.json')?.policies ?? [], []);
  assert.ok(r.gained.some((g) => g.action === 'iam:PutRolePolicy'));
  assert.ok(r.gained.some((g) => g.action === 's3:GetObject'), 'the new file grants are gained');
  assert.deepEqual(r.lost.map((g) => g.action), ['dynamodb:GetItem', 'dynamodb:Query'], 'the deleted file grants are lost');
  // a single file path, and a ref that does not exist
  const one = json(['--git', 'HEAD', 'policies/deploy.json'], dir);
  assert.deepEqual(one.files.map((f) => f.path), ['policies/deploy.json']);
  const bad = cli(['--git', 'no-such-ref', 'policies'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not a commit/);
});

test('the README diff examples run as shown', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permission diff'), readme.indexOf('### GitHub Actions'));
  const commands = [...section.matchAll(/^npx iam-policy-check diff (.*?)(?:\s+#.*)?$/gm)].map((m) => m[1]!.trim().split(/\s+/));
  assert.ok(commands.length >= 5, `${commands.length} examples`);
  for (const args of commands) {
    const r = cli(args);
    const failOn = args.includes('--fail-on');
    assert.equal(r.status, failOn ? 1 : 0, `diff ${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stdout.length > 0);
  }
});
