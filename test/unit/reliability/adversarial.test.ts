// Adversarial documents are handled in bounded time by the whole service (every rule, hover, completion,
// code actions). The bound is generous for a shared, noisy machine (the 10,000-statement case is a 1.8 MB
// document, near the 2 MB analysis limit); `npm run bench` (section "adversarial") records real figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testService } from '../../support/codeActions';
import { ADVERSARIAL_CASES } from '../../fuzz/adversarialDocs';

const BOUND_MS = 5000;

for (const [name, make] of Object.entries(ADVERSARIAL_CASES)) {
  test(`adversarial document: ${name}`, () => {
    const text = make();
    const svc = testService();
    const doc = TextDocument.create('file:///adversarial.json', 'json', 1, text);
    const t0 = performance.now();
    const parsed = svc.parse(doc);
    assert.equal(parsed.skipped, undefined, `${name} must be analysed, not skipped (${text.length} characters)`);
    const diagnostics = svc.validate(doc, parsed);
    const mid = doc.positionAt(Math.floor(text.length / 2));
    svc.hover(doc, parsed, mid);
    svc.complete(doc, parsed, mid);
    svc.codeActions(doc, parsed, { start: mid, end: mid }, { diagnostics: diagnostics.slice(0, 20) });
    const ms = performance.now() - t0;
    assert.ok(ms < BOUND_MS, `${name}: ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms), ${diagnostics.length} diagnostics`);
  });
}
