// `iam-policy-check --fix`: safe fixes are written in place (documented casing, Version, duplicate Sids),
// what remains is reported, and a file with nothing safe to fix is left byte-for-byte untouched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

test('--fix applies safe fixes in place and reports the rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-fix-'));
  const file = join(dir, 'app-policy.json');
  const before = '{\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:getobject", "Resource": "arn:aws:s3:::b/*"},\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}\n';
  writeFileSync(file, before);
  const r = spawnSync(process.execPath, [CLI, '--fix', '--format', 'json', file], { encoding: 'utf8' });
  const after = readFileSync(file, 'utf8');
  assert.equal(
    after,
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},\n    {"Sid": "A2", "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}\n',
  );
  assert.match(r.stderr, /fixed 3 problems/);
  const report = JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
  const codes = report.files[0]!.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('INVALID_ACTION'), `the typo is not a safe fix and must still be reported: ${codes.join(', ')}`);
  assert.ok(!codes.includes('MISSING_VERSION') && !codes.includes('DUPLICATE_SID'));
  assert.equal(r.status, 1);
});

test('--fix leaves a file with nothing safe to fix untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-fix-'));
  const file = join(dir, 'clean.json');
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}]}';
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [CLI, '--fix', file], { encoding: 'utf8' });
  assert.equal(readFileSync(file, 'utf8'), text);
  assert.doesNotMatch(r.stderr, /fixed/);
});
