// The CLI report pays once per file: the rules run once for each checked file, also when the JSON report lists
// quick-fix titles (it lists them from the proposals; vetting each fix re-ran every rule per fix, 68% of a
// corpus run). Counted with an extra rule that counts its runs, never timed. And the titles it lists include
// every fix the editor offers for the finding.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, createIamLanguageService, type Rule } from '../../../server/src/service';
import { checkFile, documentFor } from '../../../server/src/cli/checkFile';
import { resolveFileSettings } from '../../../server/src/config/fileSettings';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { parseFixture } from '../../support/fixture';
import { generatePolicies } from '../../support/policyGenerator';

function countingService(): { service: ReturnType<typeof createIamLanguageService>; runs: () => number } {
  let runs = 0;
  const counter: Rule = {
    code: 'ZZ_RUN_COUNTER',
    defaultSeverity: 'hint',
    category: 'hygiene',
    summary: 'counts rule runs (test only)',
    catalogue: [],
    docs: '',
    checkDocument() {
      runs++;
    },
  };
  return { service: createIamLanguageService({ catalog: testCatalog(), rules: [...ALL_RULES, counter], rethrow: true }), runs: () => runs };
}

function texts(): { name: string; text: string }[] {
  const out = generatePolicies(60, 7).map((text, i) => ({ name: `generated-${i}.json`, text }));
  const root = join(REPO_ROOT, 'test', 'fixtures', 'rules');
  for (const code of readdirSync(root)) {
    for (const file of readdirSync(join(root, code)).filter((f) => /\.jsonc?$/.test(f))) {
      const { text, directives } = parseFixture(readFileSync(join(root, code, file), 'utf8'));
      if (!directives.has('settings')) out.push({ name: `${code}-${file.replace(/\.jsonc$/, '.json')}`, text });
    }
  }
  return out;
}

test('the JSON report runs the rules once per file, fix titles included', () => {
  const { service, runs } = countingService();
  const settings = resolveFileSettings(undefined, undefined);
  let files = 0;
  let titles = 0;
  for (const { name, text } of texts()) {
    const before = runs();
    const checked = checkFile(service, name, text, { explicit: true, settings, fixTitles: true });
    if (!checked) continue;
    files++;
    titles += checked.report.diagnostics.reduce((n, d) => n + d.fixes.length, 0);
    assert.equal(runs() - before, 1, `${name}: rules ran ${runs() - before} times`);
  }
  assert.ok(files > 100, `only ${files} files checked`);
  assert.ok(titles > 50, `only ${titles} fix titles listed: the test would not notice vetting per fix`);
});

test('every quick fix the editor offers for a finding is among the titles the report lists', () => {
  const { service } = countingService();
  const settings = resolveFileSettings(undefined, undefined);
  let offered = 0;
  for (const { name, text } of texts()) {
    const checked = checkFile(service, name, text, { explicit: true, settings, fixTitles: true });
    if (!checked) continue;
    // parsed as the CLI parses it: a named JSON template is read as a template, not forced into one policy
    const { doc, parseOptions } = documentFor(name, text, { explicit: true, settings, fixTitles: true });
    const parsed = service.parse(doc, parseOptions);
    const diagnostics = service.validate(doc, parsed, settings.service);
    assert.equal(diagnostics.length, checked.report.diagnostics.length, name);
    for (const [i, d] of diagnostics.entries()) {
      const titles = service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, settings.service).map((a) => a.title);
      offered += titles.length;
      for (const t of titles) assert.ok(checked.report.diagnostics[i]!.fixes.includes(t), `${name}: "${t}" is offered but not listed`);
    }
  }
  assert.ok(offered > 50, `only ${offered} fixes offered`);
});

test('SARIF vets each distinct fix once per file: the same edits offered for several findings are re-validated once', () => {
  const { service, runs } = countingService();
  const settings = resolveFileSettings(undefined, undefined);
  let shared = 0;
  let vetted = 0;
  let uncached = 0;
  for (const { name, text } of texts()) {
    const { doc, parseOptions } = documentFor(name, text, { explicit: true, settings, fixTitles: false });
    const parsed = service.parse(doc, parseOptions);
    if (!parsed.isPolicy) continue;
    const diagnostics = service.validate(doc, parsed, settings.service);
    const before = runs();
    // what cli/sarifFixes.ts asks: the quick fixes of each finding on its own
    const offered = diagnostics.map((d) => service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, settings.service));
    const first = runs() - before;
    const distinct = new Set(offered.flat().map((a) => JSON.stringify(a.edit?.changes ?? a.edit?.documentChanges)));
    const total = offered.reduce((n, actions) => n + actions.length, 0);
    shared += total - distinct.size;
    vetted += first;
    // per-finding vetting, as without the verdicts kept on the parse: each finding asked on a parse of its own
    const alone = runs();
    for (const d of diagnostics) service.codeActions(doc, service.parse(doc, parseOptions), d.range, { diagnostics: [d], only: ['quickfix'] }, settings.service);
    uncached += runs() - alone;
    // asking again on the same parse re-validates nothing
    const again = runs();
    const repeat = diagnostics.map((d) => service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, settings.service));
    assert.equal(runs() - again, 0, `${name}: asked again, the rules ran ${runs() - again} times`);
    assert.deepEqual(repeat.map((a) => a.map((x) => x.title)), offered.map((a) => a.map((x) => x.title)), name);
  }
  assert.ok(shared > 20, `only ${shared} fixes offered for more than one finding: the test would not notice per-finding vetting`);
  assert.ok(vetted > 50, `only ${vetted} vetting runs`);
  assert.ok(vetted + shared <= uncached, `${vetted} vetting runs where per-finding vetting takes ${uncached}, with ${shared} fixes offered twice or more`);
});
