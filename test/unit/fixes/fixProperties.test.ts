// Property test over many generated policies and every rule fixture: applying any offered quick fix or
// refactoring yields valid JSON, removes the diagnostic it targets, adds no error-severity diagnostic, and
// never grants an action the policy did not grant before (nor un-denies one). Name repairs (typo → real
// name) are the one documented exception to the grant check: the typo granted nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { REPO_ROOT } from '../../support/catalog';
import { applyAction, testService } from '../../support/codeActions';
import { grantsOf } from '../../support/grants';
import { parseFixture } from '../../support/fixture';
import { generatePolicies } from '../../support/policyGenerator';

const svc = testService();

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function key(d: Diagnostic): string {
  return `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
}

export function checkAllFixes(text: string, label: string): number {
  const doc = TextDocument.create('file:///generated.json', 'json', 1, text);
  const parsed = svc.parse(doc);
  if (!parsed.isPolicy) return 0;
  const diagnostics = svc.validate(doc, parsed);
  const inputIsJson = isJson(text);
  const before = inputIsJson ? grantsOf(text) : undefined;
  const errorsBefore = new Set(diagnostics.filter((d) => d.severity === 1).map((d) => String(d.code)));
  let checked = 0;
  const actions: Array<{ action: CodeAction; target?: Diagnostic }> = [];
  for (const d of diagnostics) {
    for (const action of svc.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] })) actions.push({ action, target: d });
  }
  // refactorings at every action string
  for (const s of parsed.policies.flatMap((p) => p.statements)) {
    for (const item of s.action?.items ?? []) {
      const pos = doc.positionAt(item.span.offset + 1);
      for (const action of svc.codeActions(doc, parsed, { start: pos, end: pos }, { diagnostics: [], only: ['refactor'] })) actions.push({ action });
    }
  }
  for (const { action, target } of actions) {
    const after = applyAction(doc, action);
    const where = `${label}: "${action.title}"`;
    if (inputIsJson) assert.ok(isJson(after), `${where} produced invalid JSON:\n${after}`);
    const afterDoc = TextDocument.create(doc.uri, 'json', 2, after);
    const afterDiagnostics = svc.validate(afterDoc, svc.parse(afterDoc));
    if (target) {
      const stillThere = afterDiagnostics.some((d) => key(d) === key(target) && d.message === target.message);
      assert.ok(!stillThere, `${where} did not remove ${key(target)} ${target.message}`);
    }
    const newErrors = afterDiagnostics.filter((d) => d.severity === 1 && !errorsBefore.has(String(d.code)));
    assert.deepEqual(newErrors.map((d) => `${key(d)} ${d.message}`), [], `${where} added error diagnostics`);
    const repairsName = (action.data as { repairsName?: boolean } | undefined)?.repairsName === true;
    const now = before && !repairsName ? grantsOf(after) : undefined;
    // the same Effects and Action lists give the same Grants object (grants.ts): nothing to compare then
    if (before && now && now !== before) {
      const widened = [...now.allowed].filter((a) => !before.allowed.has(a));
      const undenied = [...before.denied].filter((a) => !now.denied.has(a));
      assert.deepEqual(widened.slice(0, 5), [], `${where} grants new actions`);
      assert.deepEqual(undenied.slice(0, 5), [], `${where} removes denied actions`);
    }
    checked++;
  }
  return checked;
}

test('every offered fix on generated policies keeps JSON valid, removes its target and never widens', () => {
  let checked = 0;
  for (const [i, text] of generatePolicies(150, 42).entries()) checked += checkAllFixes(text, `generated #${i}`);
  assert.ok(checked > 100, `expected many fixes to be exercised, got ${checked}`);
});

test('every offered fix on the rule fixtures keeps JSON valid, removes its target and never widens', () => {
  const root = join(REPO_ROOT, 'test', 'fixtures', 'rules');
  let checked = 0;
  for (const code of readdirSync(root)) {
    for (const file of readdirSync(join(root, code)).filter((f) => /\.jsonc?$/.test(f))) {
      const { text, directives } = parseFixture(readFileSync(join(root, code, file), 'utf8'));
      if (directives.has('type') || directives.has('settings')) continue; // judged under their own settings elsewhere
      checked += checkAllFixes(text, `${code}/${file}`);
    }
  }
  assert.ok(checked > 0, 'no fix was exercised on the fixtures');
});

// --fix applies fixes without an editor to vet them one by one: its rounds must keep the same guarantee
function checkFixText(text: string, label: string): number {
  const doc = TextDocument.create('file:///generated.json', 'json', 1, text);
  const parsed = svc.parse(doc);
  if (!parsed.isPolicy) return 0;
  const errorsBefore = new Set(svc.validate(doc, parsed).filter((d) => d.severity === 1).map((d) => String(d.code)));
  const { text: after, applied } = svc.fixText(doc);
  if (applied === 0) {
    assert.equal(after, text, `${label}: nothing applied but the text changed`);
    return 0;
  }
  if (isJson(text)) assert.ok(isJson(after), `${label}: --fix produced invalid JSON:\n${after}`);
  const afterDoc = TextDocument.create(doc.uri, 'json', 2, after);
  const newErrors = svc.validate(afterDoc, svc.parse(afterDoc)).filter((d) => d.severity === 1 && !errorsBefore.has(String(d.code)));
  assert.deepEqual(newErrors.map((d) => `${key(d)} ${d.message}`), [], `${label}: --fix added error diagnostics`);
  return applied;
}

test('fix-all text (--fix) keeps JSON valid and adds no kind of error, on generated policies and every rule fixture', () => {
  let applied = 0;
  for (const [i, text] of generatePolicies(150, 42).entries()) applied += checkFixText(text, `generated #${i}`);
  const root = join(REPO_ROOT, 'test', 'fixtures', 'rules');
  for (const code of readdirSync(root)) {
    for (const file of readdirSync(join(root, code)).filter((f) => /\.jsonc?$/.test(f))) {
      const { text, directives } = parseFixture(readFileSync(join(root, code, file), 'utf8'));
      if (directives.has('type') || directives.has('settings')) continue;
      applied += checkFixText(text, `${code}/${file}`);
    }
  }
  assert.ok(applied > 20, `only ${applied} fixes applied`);
});
