// The inputs of issue 20, end to end through the built CLI on examples/inputs/ (each with planted problems) and
// through the service on valid variants that must give no error: Terraform plan JSON, *.json.tftpl templates,
// serverless.yml, CDK synth output (aws:cdk:path) and get-account-authorization-details (grouped by principal).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { createIamLanguageService } from '../../../server/src/service';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const service = createIamLanguageService({ catalog: testCatalog(), rethrow: true, logger: { error: () => {}, warn: () => {}, info: () => {} } });

interface Out {
  files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } }; where?: string }[] }[];
}

function check(file: string): Out['files'][number] {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', join('examples', 'inputs', file)], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return (JSON.parse(r.stdout) as Out).files[0]!;
}

const errors = (f: Out['files'][number]) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${/"([^"]+)"/.exec(d.message)?.[1]} @${d.range.start.line + 1}${d.where ? ` [${d.where}]` : ''}`);

test('Terraform plan JSON: policies inside JSON strings, at their resource address, through modules and for_each', () => {
  const f = check('terraform-plan.json');
  assert.deepEqual(errors(f), ['INVALID_ACTION s3:ListBuckets @14 [aws_iam_policy.app.policy]', 'INVALID_ACTION sqs:SendMessages @34 [module.workers.aws_iam_role.worker["eu"].inline_policy[0]]']);
  // the range points at the action inside the escaped string on that line
  const text = spawnSync('sed', ['-n', '14p', join(REPO_ROOT, 'examples', 'inputs', 'terraform-plan.json')], { encoding: 'utf8' }).stdout;
  const d = f.diagnostics.find((x) => x.message.includes('s3:ListBuckets'))!;
  assert.equal(text.slice(d.range.start.character, d.range.start.character + '\\"s3:ListBuckets\\"'.length), '\\"s3:ListBuckets\\"');
  assert.ok(f.diagnostics.some((x) => x.code === 'RESOURCE_STAR' && x.where === 'module.workers.data.aws_iam_policy_document.read.json'));
  assert.ok(f.diagnostics.every((x) => (x as { fixes?: string[] }).fixes?.length === 0), 'generated file: no edits offered');
});

test('templatefile() policy templates: placeholders are values, the typo is found', () => {
  assert.deepEqual(errors(check('policy.json.tftpl')), ['INVALID_ACTION s3:PutObjekt @6']);
});

test('serverless.yml: provider and per-function statements; intrinsics and framework variables are placeholders', () => {
  const f = check('serverless.yml');
  assert.deepEqual(errors(f), ['INVALID_ACTION dynamodb:GetItems @11']);
  // "sns:*" on "*": one finding leads on the token, the service wildcard is folded into it (rules/combineFindings.ts)
  assert.ok(f.diagnostics.some((d) => d.range.start.line === 17 && (d.code === 'SERVICE_WILDCARD' || d.message.includes('SERVICE_WILDCARD'))), 'the per-function statement is checked');
  assert.ok(!f.diagnostics.some((d) => d.code === 'MISSING_VERSION'), 'the framework writes the Version');
  const valid = `service: orders
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [dynamodb:GetItem]
          Resource: !GetAtt OrdersTable.Arn
        - Effect: Allow
          Action: [dynamodb:PutItem]
          Resource:
            - Fn::GetAtt: [OrdersTable, Arn]
            - arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/\${self:service}-\${sls:stage}
        - Effect: Allow
          Action: s3:GetObject
          Resource: arn:aws:s3:::\${self:custom.bucket}/\${aws:username}/*
`;
  const doc = TextDocument.create('file:///serverless.yml', 'yaml', 1, valid);
  const parsed = service.parse(doc);
  assert.equal(parsed.isPolicy, true);
  assert.deepEqual(service.validate(doc, parsed, {}).map((d) => `${String(d.code)} ${d.message}`), []);
  const other = TextDocument.create('file:///serverless.yml', 'yaml', 1, 'service: x\nprovider:\n  name: aws\n');
  assert.equal(service.parse(other).isPolicy, false, 'no statements: nothing to report');
});

test('CDK synth output: the construct path names the finding', () => {
  assert.deepEqual(errors(check('cdk.out/WorkerStack.template.json')), ['INVALID_ACTION sqs:DeleteMesage @19 [WorkerStack/WorkerRole/DefaultPolicy/Resource]']);
});

test('get-account-authorization-details: every principal and policy version, grouped by principal', () => {
  const f = check('account-authorization-details.json');
  const wheres = f.diagnostics.map((d) => d.where!);
  assert.ok(wheres.every(Boolean));
  const principals = wheres.map((w) => w.split(/[: ]/)[0]);
  assert.deepEqual(principals, [...principals].sort(), 'findings come grouped by principal');
  assert.deepEqual(errors(f), ['INVALID_ACTION logs:GetLogEvent @38 [group/devs: inline policy logs]', 'INVALID_ACTION s3:GetObjects @113 [policy/readonly-s3 v1]']);
  assert.ok(f.diagnostics.some((d) => d.code === 'TRUST_ANY_PRINCIPAL' && d.where === 'role/deployer: trust policy'), 'trust policies are checked as trust policies');
  assert.ok(f.diagnostics.some((d) => d.code === 'FULL_ADMIN' && d.where === 'role/deployer: inline policy deploy'));
  // the default version of the managed policy is clean
  assert.ok(!wheres.some((w) => w.startsWith('policy/readonly-s3 v2')));
});
