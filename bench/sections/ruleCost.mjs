// Where validation time goes: each rule alone on a fresh parse of the 10 KB policy (so the parse-level caches
// it relies on are paid, as in the editor), minus the parse itself. Lists the slowest rules, parse first.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseTree } = require('jsonc-parser');

export async function run(ctx) {
  const text = ctx.generatePolicy(10_000, 7);
  const doc = ctx.TextDocument.create('file:///bench/policy.json', 'json', 1, text);
  const opts = { iterations: 40, warmup: 5 };
  const tree = ctx.measure(() => parseTree(text), opts);
  const bare = ctx.service.createIamLanguageService({ catalog: ctx.catalog, rules: [] });
  const parse = ctx.measure(() => bare.parse(doc), opts);
  const costs = ctx.service.ALL_RULES.map((rule) => {
    const one = ctx.service.createIamLanguageService({ catalog: ctx.catalog, rules: [rule] });
    return { code: rule.code, ms: Math.max(0, ctx.measure(() => one.findings(one.parse(doc)), opts) - parse) };
  });
  costs.sort((a, b) => b.ms - a.ms);
  const sum = costs.reduce((s, c) => s + c.ms, 0);
  return [
    { name: '10 KB: parse (service parseDocument) / parseTree', value: parse / tree, unit: '×' },
    { name: `10 KB: sum of ${costs.length} rules run alone / parseTree`, value: sum / tree, unit: '×' },
    ...costs.slice(0, 8).map((c) => ({ name: `10 KB: rule ${c.code} / parseTree`, value: c.ms / tree, unit: '×' })),
  ];
}
