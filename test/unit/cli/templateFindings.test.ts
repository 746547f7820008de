// The built CLI on CloudFormation templates: action/resource mismatches written with intrinsics (!Sub, !GetAtt,
// Ref) and an intrinsic inside a policy written as a string are reported with their codes and template lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[]): { status: number | null; files: Array<{ diagnostics: Array<{ code: string; range: { start: { line: number } } }> }> } {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { encoding: 'utf8' });
  return { status: r.status, files: (JSON.parse(r.stdout) as { files: never[] }).files };
}

test('RESOURCE_MISMATCH through !Sub/!GetAtt in the YAML fixture, on the action lines', () => {
  const { files } = run([join(REPO_ROOT, 'test', 'fixtures', 'containers', 'cloudformation-intrinsic-mismatch.yaml')]);
  const lines = files[0]!.diagnostics.filter((d) => d.code === 'RESOURCE_MISMATCH').map((d) => d.range.start.line + 1);
  // s3:GetObject on !Sub arn:…:s3:::${BucketName}, s3:ListBucket on !Sub ${Bucket.Arn}/*, s3:GetObject on !GetAtt
  // Queue.Arn, s3:PutObject next to !GetAtt Table.Arn, the !Join bucket ARN nothing uses, s3:GetObject on !GetAtt Bucket.Arn
  assert.deepEqual(lines, [25, 29, 36, 42, 46, 63]);
});

test('no RESOURCE_MISMATCH (nor a warning) where the placeholders could hold anything', () => {
  const { files } = run([join(REPO_ROOT, 'test', 'fixtures', 'containers', 'valid-intrinsic-shapes.yaml')]);
  // the one finding is the info that Lambda can assume the role; two different placeholders are never "the same statement"
  assert.deepEqual(files[0]!.diagnostics.map((d) => d.code), ['TRUSTED_BY_COMPUTE_SERVICE']);
});

test('INTRINSIC_IN_POLICY_STRING for Fn::Sub inside a | block of JSON', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-cfn-string-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'stack.yaml');
  writeFileSync(file, ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument: |', '        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",', '          "Resource": {"Fn::Sub": "arn:aws:s3:::${B}/*"}}]}', ''].join('\n'));
  const r = run([file]);
  assert.equal(r.status, 1);
  const d = r.files[0]!.diagnostics.filter((x) => x.code === 'INTRINSIC_IN_POLICY_STRING');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.range.start.line, 7);
});
