// Catalog load time as the server and the CLI pay it: read dist/iam-catalog.json + JSON.parse + loadCatalog,
// measured cold in fresh node processes (median of 5), with the split between the three steps.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PROBE = `
const { readFileSync } = require('node:fs');
const { applyV8Flags, loadCatalog } = require(process.argv[1]);
applyV8Flags();
const t0 = process.hrtime.bigint();
const text = readFileSync(process.argv[2], 'utf8');
const t1 = process.hrtime.bigint();
const raw = JSON.parse(text);
const t2 = process.hrtime.bigint();
const catalog = loadCatalog(raw);
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({ read: ms(t0, t1), parse: ms(t1, t2), load: ms(t2, t3), total: ms(t0, t3), bytes: text.length, actions: catalog.actionCount }));
`;

export async function run(ctx) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, ['-e', PROBE, ctx.servicePath, join(ctx.dist, 'iam-catalog.json')], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  const m = (k) => ctx.median(runs.map((r) => r[k]));
  return [
    { name: `catalog load total (${(runs[0].bytes / 1e6).toFixed(1)} MB, ${runs[0].actions} actions)`, value: m('total'), unit: 'ms', target: '<= 200' },
    { name: 'catalog: readFileSync', value: m('read'), unit: 'ms' },
    { name: 'catalog: JSON.parse', value: m('parse'), unit: 'ms' },
    { name: 'catalog: loadCatalog (indexes)', value: m('load'), unit: 'ms' },
  ];
}
