// A directory walk of the built CLI checks files that are meant as policies even when "Statement" is misspelled
// or the JSON is broken (so CI fails on them), and still skips JSON that is not a policy (package.json).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const STMT = '[{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]';

test('a walk reports a misspelled Statement, a lost key and broken JSON, and skips package.json', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-walk-detect-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'typo.json'), `{"Version": "2012-10-17", "Statment": ${STMT}}\n`);
  writeFileSync(join(dir, 'unquoted.json'), `{"Version": "2012-10-17", Statement: ${STMT}}\n`);
  writeFileSync(join(dir, 'truncated.json'), `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",\n`);
  writeFileSync(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}\n');
  writeFileSync(join(dir, 'ok.json'), `{"Version": "2012-10-17", "Statement": ${STMT}}\n`);
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', dir], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }> };
  const codes = new Map(report.files.map((f) => [f.path.split(/[\\/]/).pop()!, f.diagnostics.map((d) => d.code)]));
  assert.ok(codes.get('typo.json')?.includes('INVALID_POLICY_ELEMENT'), JSON.stringify([...codes]));
  assert.ok(report.files.find((f) => f.path.endsWith('typo.json'))!.diagnostics.some((d) => d.message.includes('Did you mean "Statement"?')));
  assert.ok(codes.get('unquoted.json')?.includes('JSON_SYNTAX_ERROR'));
  assert.ok(codes.get('truncated.json')?.includes('JSON_SYNTAX_ERROR'));
  assert.equal(codes.has('package.json'), false, 'package.json is not a policy');
});
