// The Access Analyzer mapping: codes spelled as AWS spells them, every known code either answered by a rule or
// listed with the reason it is not, the generated docs/access-analyzer.md up to date, and the mapping in
// `iam-policy-check --list-rules --format json`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../../server/src/service';
import { RETIRED_ACCESS_ANALYZER_CODES, SEVERITY_ALIGNMENT, UNANSWERED_ACCESS_ANALYZER_CODES } from '../../../server/src/service/rules/accessAnalyzerChecks';
import { REPO_ROOT } from '../../support/catalog';

const declared = new Map<string, string[]>();
for (const r of ALL_RULES) for (const c of r.accessAnalyzer ?? []) declared.set(c, [...(declared.get(c) ?? []), r.code]);

test('declared Access Analyzer codes are spelled as AWS spells them', () => {
  for (const code of declared.keys()) assert.match(code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, code);
  // AWS writes FORALLVALUES_… (its API output: issueCode "FORALLVALUES_WITH_SINGLE_VALUED_KEY")
  assert.deepEqual(declared.get('FORALLVALUES_WITH_SINGLE_VALUED_KEY'), ['FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY']);
  assert.equal(declared.has('FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY'), false);
});

test('no code is both answered by a rule and listed as unanswered; every retired code is still answered', () => {
  for (const code of Object.keys(UNANSWERED_ACCESS_ANALYZER_CODES)) assert.equal(declared.has(code), false, `${code} is answered by ${declared.get(code)?.join(', ')}`);
  for (const code of RETIRED_ACCESS_ANALYZER_CODES) assert.ok(declared.has(code), `${code} is listed as retired but no rule declares it`);
  for (const [code, why] of Object.entries(UNANSWERED_ACCESS_ANALYZER_CODES)) assert.ok(why.length > 10, `${code}: give the reason`);
});

test('docs/access-analyzer.md is generated from the metadata and up to date', () => {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'access-analyzer.md'), 'utf8');
  for (const [code, rules] of declared) assert.ok(text.includes(`| ${code} | ${rules.map((r) => `[${r}](rules.md#${r.toLowerCase()})`).join(', ')} |`), `${code} row missing or stale: run npm run docs`);
  for (const [code] of Object.entries(UNANSWERED_ACCESS_ANALYZER_CODES)) assert.ok(text.includes(`| ${code} | — |`), `${code} row missing: run npm run docs`);
  const check = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'generateRuleDocs.mjs'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('--list-rules --format json gives each rule its Access Analyzer codes', () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--list-rules', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rules = JSON.parse(r.stdout) as Array<{ code: string; accessAnalyzer: string[] }>;
  const fav = rules.find((x) => x.code === 'FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY');
  assert.deepEqual(fav?.accessAnalyzer, ['FORALLVALUES_WITH_SINGLE_VALUED_KEY']);
  for (const x of rules) assert.deepEqual(x.accessAnalyzer, [...(ALL_RULES.find((y) => y.code === x.code)?.accessAnalyzer ?? [])], x.code);
});

test('the severity table says what the rules report: each row\'s rule answers the code at the default it names', () => {
  assert.ok(SEVERITY_ALIGNMENT.length >= 8);
  for (const a of SEVERITY_ALIGNMENT) {
    const rule = ALL_RULES.find((r) => r.code === a.rule);
    assert.ok(rule, `${a.rule} is no rule`);
    assert.ok(rule.accessAnalyzer?.includes(a.code), `${a.rule} does not declare ${a.code}`);
    assert.ok(a.ours.startsWith(rule.defaultSeverity), `${a.rule}: the table says "${a.ours}", the rule defaults to ${rule.defaultSeverity}`);
    if (a.aligned && a.aws === 'ERROR') assert.equal(rule.defaultSeverity, 'error', a.rule);
    assert.ok(a.why.length > 20, `${a.code}: say why`);
  }
  // the RETIRED codes are the four the current page dropped; the action-wildcard code is still listed there
  assert.deepEqual([...RETIRED_ACCESS_ANALYZER_CODES].sort(), ['SCP_SYNTAX_ERROR_ALLOW_CONDITION', 'SCP_SYNTAX_ERROR_ALLOW_NOTACTION', 'SCP_SYNTAX_ERROR_ALLOW_RESOURCE', 'SCP_SYNTAX_ERROR_NOTRESOURCE']);
});
