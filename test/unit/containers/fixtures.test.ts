// Data-driven container tests over test/fixtures/containers/*: CloudFormation (JSON/YAML), SAM and Terraform
// fixtures with annotated findings. The actual findings must equal the annotations (missing and extra both fail);
// `valid-*` files run every rule and must give no finding at all — the guard that no rule mis-reads an intrinsic.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { renderExpectation, type Expectation } from '../../support/fixture';
import { expectedSeverity } from '../../support/runFixture';
import { runContainerFixture } from '../../support/containerFixture';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'containers');
const files = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|jsonc?|tf|template)$/.test(f))
  .sort();

function key(e: Expectation, severity: string): string {
  return `${e.line}:${e.startCol}-${e.endCol}${e.continues ? '+' : ''} ${e.code} ${severity}`;
}

describe('container fixtures', () => {
  test('there are fixtures for every container kind', () => {
    for (const ext of ['.yaml', '.json', '.tf']) assert.ok(files.some((f) => f.endsWith(ext) || f.endsWith(`${ext}c`)), `no ${ext} fixture`);
  });
  for (const file of files) {
    test(file, () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const run = runContainerFixture(source, file);
      // the fixture's policies were really found (no finding because nothing was read would prove nothing)
      const parsed = parseDocument(run.document.getText(), { uri: run.document.uri, languageId: run.document.languageId });
      assert.ok(parsed.policies.length >= 2, `${file}: only ${parsed.policies.length} policies found`);
      if (file.startsWith('valid')) {
        assert.deepEqual(run.actual.map((a) => renderExpectation(a)), [], `${file} must give no finding`);
        return;
      }
      const remaining = run.actual.map((a) => ({ a, k: key(a, a.severity ?? '?'), used: false }));
      const missing: string[] = [];
      for (const e of run.fixture.expectations) {
        const k = key(e, expectedSeverity(e));
        const hit = remaining.find((r) => !r.used && r.k === k && (e.message === undefined || e.message === r.a.message));
        if (hit) hit.used = true;
        else missing.push(renderExpectation({ ...e, severity: expectedSeverity(e) }));
      }
      const extra = remaining.filter((r) => !r.used).map((r) => renderExpectation(r.a));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${file}: findings differ`);
    });
  }
});
