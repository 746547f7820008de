// `iam-policy-check test` and `simulate` end to end: the built CLI (node dist/cli.js, run `npm run build`
// first) over test/fixtures/evaluation/cli: the JSON results document of ../shared/spec/commands.md, JUnit,
// SARIF (validated like the lint SARIF), text, and the exit codes 0/1/2.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const DIR = join(REPO_ROOT, 'test', 'fixtures', 'evaluation', 'cli');

function cli(args: string[], cwd = DIR): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonDoc {
  results: { file?: string; name: string; action?: string; verdict?: string; expect?: string; pass?: boolean; decidedBy?: { policy: string; statement: number; sid?: string; range: { start: { line: number; character: number } } }[]; missingContextKeys?: string[] }[];
  summary: Record<string, number>;
}

test('test --format json: the results document; all pass → exit 0', () => {
  const r = cli(['test', 'deploy-role.iamtest.yaml', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as JsonDoc;
  assert.deepEqual(doc.summary, { passed: 4, failed: 0 });
  assert.deepEqual(
    doc.results.map((x) => [x.file, x.name, x.verdict, x.expect, x.pass]),
    [
      ['deploy-role.iamtest.yaml', 'deploy can write artifacts', 'allowed', 'allowed', true],
      ['deploy-role.iamtest.yaml', 'no bucket policy changes', 'explicitly-denied', 'explicitly-denied', true],
      ['deploy-role.iamtest.yaml', 'the SCP denies other regions', 'explicitly-denied', 'denied', true],
      ['deploy-role.iamtest.yaml', 'the boundary stops ec2 even with an inline grant', 'implicitly-denied', 'implicitly-denied', true],
    ],
  );
  const first = doc.results[0]!.decidedBy!;
  const identity = first.find((d) => d.policy === 'policies/deploy.json')!;
  assert.equal(identity.statement, 0);
  assert.equal(identity.sid, 'Write');
  assert.deepEqual(identity.range.start, { line: 3, character: 4 });
  // the SCP deny is named, in the SCP file
  assert.deepEqual(doc.results[2]!.decidedBy!.map((d) => [d.policy, d.sid]), [['org/ou-deny-regions.json', 'DenyOutsideEu']]);
  for (const x of doc.results) assert.ok(['allowed', 'explicitly-denied', 'implicitly-denied'].includes(x.verdict!));
});

test('test on a directory: finds *.iamtest.json and *.iamtest.yaml; a failing test → exit 1, text names it', () => {
  const r = cli(['test', '.']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^PASS {2}deploy-role\.iamtest\.yaml:9:11 deploy can write artifacts \(allowed\)$/m);
  assert.match(r.stdout, /^FAIL {2}failing\.iamtest\.json:6:15 wrongly expects a delete: expected allowed, got implicitly-denied$/m);
  assert.match(r.stdout, /^5 passed, 1 failed$/m);
});

test('test --format junit: one testsuite per file, the failure with its message', () => {
  const r = cli(['test', 'failing.iamtest.json', 'deploy-role.iamtest.yaml', '--format', 'junit']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="iam-policy-check" tests="6" failures="1" errors="0">/);
  assert.match(r.stdout, /<testsuite name="failing\.iamtest\.json" tests="2" failures="1" errors="0">/);
  assert.match(r.stdout, /<testcase classname="failing\.iamtest\.json" name="wrongly expects a delete" file="failing\.iamtest\.json" line="6">\n\s+<failure message="expected allowed, got implicitly-denied" type="implicitly-denied">/);
  assert.match(r.stdout, /<testcase classname="deploy-role\.iamtest\.yaml" name="deploy can write artifacts" file="deploy-role\.iamtest\.yaml" line="9"\/>/);
  assert.equal((r.stdout.match(/<testcase /g) ?? []).length, 6);
});

test('test --format sarif: valid SARIF 2.1.0 with one result per failed test at its line', () => {
  const r = cli(['test', '.', '--format', 'sarif']);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.subset.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: false, strictRequired: false });
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors));
  const results = log.runs[0]!.results;
  assert.equal(results.length, 1);
  assert.equal(results[0]!.ruleId, 'POLICY_TEST_FAILED');
  assert.equal(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'failing.iamtest.json');
  assert.equal(results[0]!.locations[0]!.physicalLocation.region.startLine, 6);
});

test('test: a missing policy file or an invalid test file → exit 2 with a located reason on stderr', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iamtest-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.iamtest.yaml'), 'policies:\n  identity: nothere.json\nprincipal: arn:aws:iam::111122223333:user/a\ntests:\n  - {name: t, action: s3:GetObject, resource: "*", expect: denied}\n');
  const r = cli(['test', 'a.iamtest.yaml', '--format', 'json'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^a\.iamtest\.yaml:2:13 error TEST_POLICY_NOT_FOUND Policy file cannot be used: nothere\.json: no such file\.$/m);
  writeFileSync(join(dir, 'b.iamtest.yaml'), 'policies: {}\nprincipal: p\ntests:\n  - {name: t, action: s3:GetObject, resource: "*", expect: maybe}\n');
  const b = cli(['test', 'b.iamtest.yaml'], dir);
  assert.equal(b.status, 2);
  assert.match(b.stderr, /TEST_BAD_EXPECT/);
  assert.equal(cli(['test', 'nothing-here'], dir).status, 2);
  assert.equal(cli(['test', '--format', 'xml', 'a.iamtest.yaml'], dir).status, 2);
});

test('simulate: flags for every policy kind, SCP levels in flag order, json results, --expect', () => {
  const base = ['simulate', '--identity', 'policies/deploy.json', '--boundary', 'policies/boundary.json', '--scp', 'org/root-allow.json', '--scp-level', '--scp', 'org/ou-deny-regions.json', '--principal', 'arn:aws:iam::111122223333:role/deploy', '--action', 's3:PutObject', '--action', 's3:DeleteObject', '--resource', 'arn:aws:s3:::artifacts/x'];
  const r = cli([...base, '--context', 'aws:RequestedRegion=eu-west-1', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as JsonDoc;
  assert.deepEqual(doc.results.map((x) => [x.action, x.verdict]), [['s3:PutObject', 'allowed'], ['s3:DeleteObject', 'implicitly-denied']]);
  assert.equal('pass' in doc.results[0]!, false);
  assert.equal('expect' in doc.results[0]!, false);
  // without the region, the OU-level SCP denies and names the key the decision depends on
  const noRegion = JSON.parse(cli([...base, '--format', 'json']).stdout) as JsonDoc;
  assert.equal(noRegion.results[0]!.verdict, 'explicitly-denied');
  assert.deepEqual(noRegion.results[0]!.missingContextKeys, ['aws:RequestedRegion']);
  // an empty trailing level denies all
  const empty = JSON.parse(cli([...base, '--scp-level', '--context', 'aws:RequestedRegion=eu-west-1', '--format', 'json']).stdout) as JsonDoc;
  assert.equal(empty.results[0]!.verdict, 'implicitly-denied');
  assert.equal(cli([...base, '--context', 'aws:RequestedRegion=eu-west-1', '--expect', 'denied']).status, 1);
  assert.equal(cli(['simulate', '--identity', 'policies/deploy.json', '--principal', 'arn:aws:iam::111122223333:role/deploy', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::artifacts/x', '--expect', 'allowed']).status, 0);
  // multivalued context: the key repeated
  const tags = cli(['simulate', '--identity', 'policies/deploy.json', '--principal', 'arn:aws:iam::111122223333:role/deploy', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::artifacts/x', '--context', 'aws:TagKeys=a', '--context', 'aws:TagKeys=b']);
  assert.equal(tags.status, 0);
  assert.match(tags.stdout, /^ALLOWED {2}s3:PutObject on arn:aws:s3:::artifacts\/x/m);
  // a wildcard action is every catalogue action it matches
  const wild = JSON.parse(cli(['simulate', '--identity', 'policies/deploy.json', '--principal', 'arn:aws:iam::111122223333:role/deploy', '--action', 's3:PutObject*', '--resource', 'arn:aws:s3:::artifacts/x', '--format', 'json']).stdout) as JsonDoc;
  assert.ok(wild.results.length > 1);
  assert.ok(wild.results.some((x) => x.action === 's3:PutObject' && x.verdict === 'allowed'));
  assert.ok(wild.results.some((x) => x.action === 's3:PutObjectAcl' && x.verdict === 'implicitly-denied'));
  assert.equal(cli(['simulate', '--principal', 'p', '--action', 'nosuch:Thing*', '--resource', '*']).status, 2);
  // usage errors and unreadable policies
  assert.equal(cli(['simulate', '--action', 's3:GetObject']).status, 2);
  assert.equal(cli(['simulate', '--identity', 'nope.json', '--principal', 'p', '--action', 'a:b', '--resource', '*']).status, 2);
});
