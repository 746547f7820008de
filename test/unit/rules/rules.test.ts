// Data-driven rule tests over test/fixtures/rules/<CODE>/*: the actual findings must equal the annotated
// ones (missing and extra both fail). UPDATE_FIXTURES=1 rewrites the annotations from the actual results.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { renderExpectation, rewriteFixture, type Expectation } from '../../support/fixture';
import { expectedSeverity, runFixture } from '../../support/runFixture';
import { ALL_RULES } from '../../../server/src/service';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'rules');
// RULES=CODE_A,CODE_B narrows the run to some fixture folders while working on them
const only = (process.env['RULES'] ?? '').split(',').filter(Boolean);
const folders = (existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : []).filter((f) => only.length === 0 || only.includes(f));

function key(e: Expectation, severity: string): string {
  return `${e.line}:${e.startCol}-${e.endCol}${e.continues ? '+' : ''} ${e.code} ${severity}`;
}

for (const code of folders) {
  describe(`rule ${code}`, () => {
    const files = readdirSync(join(FIXTURES, code)).filter((f) => /\.jsonc?$/.test(f)).sort();
    let sawLaterStatementFinding = false;
    // `// @scope policy` in a fixture: the rule reports on the policy itself (Version, Id, size), never in a statement
    let policyScoped = false;
    for (const file of files) {
      test(file, () => {
        const path = join(FIXTURES, code, file);
        const source = readFileSync(path, 'utf8');
        const run = runFixture(source, code);
        if (run.fixture.directives.get('scope') === 'policy') policyScoped = true;
        if (process.env['UPDATE_FIXTURES'] === '1') {
          const updated = rewriteFixture(source, run.actual.filter((a) => !file.startsWith('valid') || a.code !== code));
          if (updated !== source) writeFileSync(path, updated);
        }
        if (file.startsWith('valid')) {
          const own = run.actual.filter((a) => a.code === code);
          assert.deepEqual(own.map((a) => renderExpectation(a)), [], `${file} must give no ${code} finding`);
        }
        run.actual.forEach((a, i) => {
          if (a.code === code && (run.statementOf[i] ?? -1) >= 1) sawLaterStatementFinding = true;
        });
        // exact-set comparison: every expectation matched once, no actual finding left over
        const remaining = run.actual.map((a) => ({ a, k: key(a, a.severity ?? '?'), used: false }));
        const missing: string[] = [];
        for (const e of run.fixture.expectations) {
          const k = key(e, expectedSeverity(e));
          const hit = remaining.find((r) => !r.used && r.k === k && (e.message === undefined || e.message === r.a.message));
          if (hit) hit.used = true;
          else missing.push(renderExpectation({ ...e, severity: expectedSeverity(e) }));
        }
        const extra = remaining.filter((r) => !r.used).map((r) => renderExpectation(r.a));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${code}/${file}: findings differ (UPDATE_FIXTURES=1 rewrites the annotations)`);
      });
    }
    // document-level rules (checkDocument only, e.g. a skipped file) report outside any statement
    const policyLevel = ALL_RULES.find((r) => r.code === code)?.checkPolicy !== undefined;
    test('has a finding outside the first statement (multi-statement fixture)', { skip: !policyLevel && 'document-level rule' }, () => {
      if (policyScoped) return;
      assert.ok(sawLaterStatementFinding, `${code}: add a fixture with two or more statements where the finding is not in the first`);
    });
  });
}

test('every registered rule has a fixture folder with an annotated finding', () => {
  for (const rule of ALL_RULES) {
    const dir = join(FIXTURES, rule.code);
    assert.ok(existsSync(dir), `missing fixture folder test/fixtures/rules/${rule.code}`);
    const annotated = readdirSync(dir).some((f) => readFileSync(join(dir, f), 'utf8').includes(` ${rule.code}`));
    assert.ok(annotated, `${rule.code}: no fixture annotates a finding`);
  }
});
