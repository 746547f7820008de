// Adversarial documents go through the whole service (every rule, hover, completion, code actions) without
// crashing or being skipped. No time is asserted here (a shared machine makes any bound a coin toss): a hang is
// reported by the test layer's generous timeout, and `npm run bench` (section "adversarial") measures speed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testService } from '../../support/codeActions';
import { ADVERSARIAL_CASES } from '../../fuzz/adversarialDocs';

for (const [name, make] of Object.entries(ADVERSARIAL_CASES)) {
  test(`adversarial document: ${name}`, () => {
    const text = make();
    const svc = testService();
    const doc = TextDocument.create('file:///adversarial.json', 'json', 1, text);
    const parsed = svc.parse(doc);
    assert.equal(parsed.skipped, undefined, `${name} must be analysed, not skipped (${text.length} characters)`);
    const diagnostics = svc.validate(doc, parsed);
    const mid = doc.positionAt(Math.floor(text.length / 2));
    svc.hover(doc, parsed, mid);
    svc.complete(doc, parsed, mid);
    const actions = svc.codeActions(doc, parsed, { start: mid, end: mid }, { diagnostics: diagnostics.slice(0, 20) });
    assert.ok(Array.isArray(actions), `${name}: code actions answered`);
    for (const d of diagnostics) assert.ok(d.range.end.line <= doc.lineCount, `${name}: ${String(d.code)} range inside the document`);
  });
}
