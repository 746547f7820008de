// Validation time (parse + every rule + diagnostics) of generated policies of about 1, 10 and 100 KB, as a
// ratio to jsonc-parser parseTree and to JSON.parse of the same text, medians in the same run.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseTree } = require('jsonc-parser');

const SIZES = [
  { label: '1 KB', bytes: 1_000, iterations: 300 },
  { label: '10 KB', bytes: 10_000, iterations: 100 },
  { label: '100 KB', bytes: 100_000, iterations: 20 },
];

export async function run(ctx) {
  const service = ctx.createService();
  const rows = [];
  for (const { label, bytes, iterations } of SIZES) {
    const text = ctx.generatePolicy(bytes, 7);
    const doc = ctx.TextDocument.create('file:///bench/policy.json', 'json', 1, text);
    let findings = 0;
    const validate = ctx.measure(
      () => {
        const parsed = service.parse(doc);
        findings = service.validate(doc, parsed).length;
      },
      { iterations, warmup: 5 },
    );
    const tree = ctx.measure(() => parseTree(text), { iterations, warmup: 5 });
    const json = ctx.measure(() => JSON.parse(text), { iterations, warmup: 5 });
    rows.push(
      { name: `validate ${label} (${text.length} chars, ${findings} findings)`, value: validate, unit: 'ms' },
      { name: `validate ${label} / parseTree`, value: validate / tree, unit: '×', ...(label === '10 KB' ? { target: '<= 5' } : {}) },
      { name: `validate ${label} / JSON.parse`, value: validate / json, unit: '×' },
    );
  }
  return rows;
}
