// Neovim 0.7 (Debian's `neovim`) as a real non-VS Code client of the language server: the README's Lua
// config (test/fixtures/neovim/init-0.7.lua) plus a driver script that uses Neovim's own LSP client for
// diagnostics, hover, omnifunc completion, a code action, a CodeLens command, the outline, and format-on-save.
// Skips only when `nvim` is not installed (.ci/run installs it). Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'neovim');
const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = nvimVersion.error ? 'nvim is not installed (apt-get install neovim); the Neovim client test is skipped' : false;

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" },
    { "Sid": "Typo", "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::bucket/*" },
    { "Sid": "Type", "Effect": "Allow", "Action": "s3:", "Resource": "*" },
    { "Sid": "Half", "Effect": "Allow", "Action": "s3:GetObj", "Resource": "*" }
  ]
}
`;
const COMPACT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}\n';
const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
`;
const TERRAFORM = `resource "aws_iam_policy" "read" {
  name   = "read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
  })
}
`;
const PACKAGE_JSON = '{"name": "x",   "version": "1.0.0"}\n';

test('Neovim 0.7: diagnostics, hover, completion, code action, CodeLens command, outline, format-on-save', { skip, timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-nvim-'));
  try {
    const files: Record<string, string> = { 'policy.json': POLICY, 'compact.json': COMPACT, 'template.yaml': YAML, 'main.tf': TERRAFORM, 'package.json': PACKAGE_JSON };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const resultFile = join(dir, 'result.json');
    const child = spawn('nvim', ['--headless', '--clean', '-u', join(FIXTURES, 'init-0.7.lua'), '-c', `luafile ${join(FIXTURES, 'driver.lua')}`], {
      cwd: dir,
      env: { ...process.env, IAM_POLICY_SERVER: join(ROOT, 'dist', 'server.js'), IAM_NVIM_DIR: dir, IAM_NVIM_RESULT: resultFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
      child.on('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown>;
    assert.equal(result['error'], undefined, `driver failed: ${String(result['error'])}\n${output}`);
    assert.equal(code, 0, output);

    if (process.env['IAM_NVIM_DEBUG']) console.log(JSON.stringify(result, null, 1));
    const diagnostics = result['diagnostics'] as string[];
    assert.ok(diagnostics.includes('UNKNOWN_ACTION') || diagnostics.some((c) => /ACTION/.test(c)), `diagnostics: ${diagnostics.join(', ')}`);
    assert.ok(!diagnostics.includes('MISSING_VERSION'));
    assert.match(String(result['hover']), /s3:GetObject/);
    assert.match(String(result['hover']), /Read/);

    // after `"s3:` the item replaces the token: s3:GetObject once, never s3:s3:GetObject
    assert.ok(Number(result['completionAfterColonCount']) > 50);
    assert.equal(result['completionAfterColon'], '    { "Sid": "Type", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },');
    const words = result['completionPrefixWords'] as string[];
    assert.ok(words.includes('s3:GetObject'), `a typed prefix keeps the matching actions: ${words.slice(0, 10).join(', ')}`);
    assert.ok(words.every((w) => w.startsWith('s3:GetObj')));
    assert.match(String(result['completionPrefixLine']), /"Action": "s3:GetObj[A-Za-z]*", "Resource"/);

    assert.ok((result['codeActionTitles'] as string[]).length > 0);
    assert.equal(result['codeActionLine'], '    { "Sid": "Typo", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" },');

    assert.equal(result['codeLensCommand'], 'iamPolicy.server.showEffectiveActions');
    assert.match(String((result['codeLensTitles'] as string[])[0]), /s3/);
    assert.match(String(result['codeLensMessage']), /Sid "Read": Allow, 1 action in 1 service/);

    const symbols = result['symbols'] as string[];
    assert.ok(symbols.some((s) => /Read/.test(s)) && symbols.some((s) => /Typo/.test(s)), `outline: ${symbols.join(' | ')}`);

    assert.deepEqual(result['saved'], ['compact.json', 'template.yaml', 'main.tf', 'package.json']);
    assert.notEqual(readFileSync(join(dir, 'compact.json'), 'utf8'), COMPACT, 'format-on-save formats a JSON policy');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'compact.json'), 'utf8')), JSON.parse(COMPACT));
    assert.equal(readFileSync(join(dir, 'template.yaml'), 'utf8'), YAML);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), TERRAFORM);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), PACKAGE_JSON);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
