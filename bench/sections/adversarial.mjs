// Adversarial documents (the reliability test asserts only a generous bound): parse + validate + hover +
// completion + code actions at the middle, wall time per document. The documents are the test's own
// (test/fuzz/adversarialDocs.ts, compiled into out/ by `npm run build:tests`).

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function run(ctx) {
  const { ADVERSARIAL_CASES } = require('../../out/test/fuzz/adversarialDocs.js');
  const rows = [];
  for (const [name, make] of Object.entries(ADVERSARIAL_CASES)) {
    const text = make();
    const service = ctx.createService();
    const doc = ctx.TextDocument.create('file:///bench/adversarial.json', 'json', 1, text);
    const ms = ctx.measure(
      () => {
        const parsed = service.parse(doc);
        const diagnostics = service.validate(doc, parsed);
        const mid = doc.positionAt(Math.floor(text.length / 2));
        service.hover(doc, parsed, mid);
        service.complete(doc, parsed, mid);
        service.codeActions(doc, parsed, { start: mid, end: mid }, { diagnostics: diagnostics.slice(0, 20) });
      },
      { iterations: 3, warmup: 1 },
    );
    rows.push({ name: `${name} (${(text.length / 1e6).toFixed(2)} MB), all features`, value: ms, unit: 'ms', target: '<= 5000' });
  }
  return rows;
}
