// Catalog load time as the server and the CLI pay it (runtime/bundledCatalog.ts: the head line of
// dist/iam-catalog.json read and parsed, indexes built, each service's actions on first use), measured cold in
// fresh node processes (median of 5); then what building every service costs (the server's idle warm-up, a
// corpus run), and JSON.parse of the whole file for comparison (what start-up paid before format 2).

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PROBE = `
const { readFileSync } = require('node:fs');
const { applyV8Flags, loadBundledCatalog } = require(process.argv[1]);
applyV8Flags();
const t0 = process.hrtime.bigint();
const catalog = loadBundledCatalog(process.argv[2]);
const t1 = process.hrtime.bigint();
while (catalog.warmUpStep()) {}
const t2 = process.hrtime.bigint();
const text = readFileSync(process.argv[2] + '/iam-catalog.json', 'utf8');
JSON.parse(text);
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({ start: ms(t0, t1), all: ms(t1, t2), wholeParse: ms(t2, t3), bytes: text.length, actions: catalog.actionCount }));
`;

export async function run(ctx) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, ['-e', PROBE, ctx.servicePath, ctx.dist], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  const m = (k) => ctx.median(runs.map((r) => r[k]));
  return [
    { name: `catalog load at start: head read + parsed, indexes (${(runs[0].bytes / 1e6).toFixed(1)} MB file, ${runs[0].actions} actions)`, value: m('start'), unit: 'ms', target: '<= 200' },
    { name: 'catalog: every service built afterwards (idle warm-up, corpus runs)', value: m('all'), unit: 'ms' },
    { name: 'catalog: read + JSON.parse of the whole file (for comparison)', value: m('wholeParse'), unit: 'ms' },
  ];
}
