// Validation time (parse + every rule + diagnostics) of generated policies of about 1, 10 and 100 KB, as a
// ratio to jsonc-parser parseTree and to JSON.parse of the same text, medians in the same run.
// The ratios are steady-state: validate and the baselines get the same warm-up, long enough for V8 to finish
// optimising the ~150 rules (an editor validates on every keystroke; with 5 warm-up runs the median still
// included unoptimised code and read ~1.7x higher). The first runs of a fresh size are reported on their own.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseTree } = require('jsonc-parser');

const SIZES = [
  { label: '1 KB', bytes: 1_000, iterations: 300, warmup: 300 },
  { label: '10 KB', bytes: 10_000, iterations: 200, warmup: 300 },
  { label: '100 KB', bytes: 100_000, iterations: 30, warmup: 30 },
];

export async function run(ctx) {
  const service = ctx.createService();
  const rows = [];
  for (const { label, bytes, iterations, warmup } of SIZES) {
    const text = ctx.generatePolicy(bytes, 7);
    const doc = ctx.TextDocument.create('file:///bench/policy.json', 'json', 1, text);
    let findings = 0;
    const run = () => {
      const parsed = service.parse(doc);
      findings = service.validate(doc, parsed).length;
    };
    // the first runs of this size, while V8 is still optimising for its shapes (informational)
    const first = ctx.measure(run, { iterations: 20, warmup: 0 });
    const validate = ctx.measure(run, { iterations, warmup });
    const tree = ctx.measure(() => parseTree(text), { iterations, warmup });
    const json = ctx.measure(() => JSON.parse(text), { iterations, warmup });
    rows.push(
      { name: `validate ${label}, first 20 runs`, value: first, unit: 'ms' },
      { name: `validate ${label} (${text.length} chars, ${findings} findings)`, value: validate, unit: 'ms' },
      { name: `validate ${label} / parseTree`, value: validate / tree, unit: '×', ...(label === '10 KB' ? { target: '<= 5' } : {}) },
      { name: `validate ${label} / JSON.parse`, value: validate / json, unit: '×' },
    );
  }
  return rows;
}
