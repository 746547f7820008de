// Where validation time goes: every rule timed inside full validations of the 10 KB policy (all rules, a fresh
// parse each time, after warm-up), so a rule is charged for what it costs in the editor, including the shared
// per-parse facts it happens to compute first. Lists the parse and the slowest rules, as ratios to parseTree.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseTree } = require('jsonc-parser');

const WARMUP = 300;
const RUNS = 300;

export async function run(ctx) {
  const text = ctx.generatePolicy(10_000, 7);
  const doc = ctx.TextDocument.create('file:///bench/policy.json', 'json', 1, text);
  const spent = new Map();
  const timed = (code, check) => (c) => {
    const start = process.hrtime.bigint();
    try {
      check(c);
    } finally {
      spent.set(code, (spent.get(code) ?? 0) + Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  const rules = ctx.service.ALL_RULES.map((rule) => ({
    ...rule,
    ...(rule.checkPolicy ? { checkPolicy: timed(rule.code, rule.checkPolicy) } : {}),
    ...(rule.checkDocument ? { checkDocument: timed(rule.code, rule.checkDocument) } : {}),
  }));
  const service = ctx.service.createIamLanguageService({ catalog: ctx.catalog, rules });
  for (let i = 0; i < WARMUP; i++) service.findings(service.parse(doc));
  spent.clear();
  let parseMs = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const parsed = service.parse(doc);
    parseMs += Number(process.hrtime.bigint() - start) / 1e6;
    service.findings(parsed);
  }
  const tree = ctx.measure(() => parseTree(text), { iterations: RUNS, warmup: WARMUP });
  const costs = [...spent.entries()].map(([code, ms]) => ({ code, ms: ms / RUNS })).sort((a, b) => b.ms - a.ms);
  const sum = costs.reduce((s, c) => s + c.ms, 0);
  return [
    { name: '10 KB: parse (service parseDocument) / parseTree', value: parseMs / RUNS / tree, unit: '×' },
    { name: `10 KB: all ${costs.length} rules, timed in place / parseTree`, value: sum / tree, unit: '×' },
    ...costs.slice(0, 8).map((c) => ({ name: `10 KB: rule ${c.code} / parseTree`, value: c.ms / tree, unit: '×' })),
  ];
}
