// The precompiled grammar validator is generated from policySchema.ts: it must be regenerated whenever
// the schema changes (node scripts/buildSchemaValidator.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../support/catalog';

test('policySchemaValidator.generated.js matches policySchema.ts', () => {
  const r = spawnSync(process.execPath, ['scripts/buildSchemaValidator.mjs', '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
