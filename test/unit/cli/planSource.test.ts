// Terraform plan findings mapped to the resource block in the .tf files beside the plan (cli/planSource.ts): the
// plan JSON has no source positions, so only an address its configuration declares, in the root module or a local
// module folder, with exactly one matching block, gets a file:line; everything else keeps the address alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { parseResourceAddress } from '../../../server/src/cli/planSource';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

test('resource addresses: modules, instance keys, data sources, attribute paths', () => {
  assert.deepEqual(parseResourceAddress('aws_iam_policy.app.policy'), { modules: [], mode: 'managed', type: 'aws_iam_policy', name: 'app' });
  assert.deepEqual(parseResourceAddress('module.workers.aws_iam_role.worker["eu"].inline_policy[0]'), { modules: ['workers'], mode: 'managed', type: 'aws_iam_role', name: 'worker' });
  assert.deepEqual(parseResourceAddress('module.a["x"].module.b[2].data.aws_iam_policy_document.read.json'), { modules: ['a', 'b'], mode: 'data', type: 'aws_iam_policy_document', name: 'read' });
  assert.equal(parseResourceAddress('user/alice: inline policy x'), undefined);
});

const MAIN_TF = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = templatefile("app.json.tftpl", {})
}

module "workers" {
  source = "./modules/workers"
}

module "shared" {
  source = "terraform-aws-modules/iam/aws"
}
`;

const WORKERS_TF = `variable "regions" { default = ["eu"] }

resource "aws_iam_role" "worker" {
  for_each           = toset(var.regions)
  name               = "worker-\${each.key}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

function plan(configuration: unknown): string {
  const base = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'inputs', 'terraform-plan.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...base, configuration }, null, 2);
}

const CONFIGURATION = {
  root_module: {
    resources: [{ address: 'aws_iam_policy.app', mode: 'managed', type: 'aws_iam_policy', name: 'app' }],
    module_calls: {
      workers: { source: './modules/workers', module: { resources: [{ address: 'aws_iam_role.worker' }, { address: 'data.aws_iam_policy_document.read' }] } },
    },
  },
};

function run(dir: string): Map<string, string> {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'plan.json'], { cwd: dir, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const f = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string; where?: string }[] }[] }).files[0]!;
  return new Map(f.diagnostics.filter((d) => d.code === 'INVALID_ACTION').map((d) => [/"([^"]+)"/.exec(d.message)![1]!, d.where ?? '']));
}

test('plan findings get the .tf line of their resource block when it is certain', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-plan-src-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'modules', 'workers'), { recursive: true });
  writeFileSync(join(dir, 'main.tf'), MAIN_TF);
  writeFileSync(join(dir, 'modules', 'workers', 'main.tf'), WORKERS_TF);
  writeFileSync(join(dir, 'plan.json'), plan(CONFIGURATION));
  assert.deepEqual(Object.fromEntries(run(dir)), {
    's3:ListBuckets': 'aws_iam_policy.app.policy (main.tf:5)',
    'sqs:SendMessages': `module.workers.aws_iam_role.worker["eu"].inline_policy[0] (${join('modules', 'workers', 'main.tf')}:3)`,
  });

  // two candidate blocks (another file declares the same address): no line rather than a guess
  writeFileSync(join(dir, 'copy.tf'), 'resource "aws_iam_policy" "app" {\n}\n');
  assert.equal(run(dir).get('s3:ListBuckets'), 'aws_iam_policy.app.policy');
  rmSync(join(dir, 'copy.tf'));

  // a configuration that does not declare the resource (a plan of other code), or a registry module: address only
  writeFileSync(join(dir, 'plan.json'), plan({ root_module: { module_calls: { workers: { source: 'git::https://example.invalid/workers.git', module: { resources: [{ address: 'aws_iam_role.worker' }] } } } } }));
  assert.deepEqual(Object.fromEntries(run(dir)), {
    's3:ListBuckets': 'aws_iam_policy.app.policy',
    'sqs:SendMessages': 'module.workers.aws_iam_role.worker["eu"].inline_policy[0]',
  });
});
