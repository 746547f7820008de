// `npm run bench`: runs every bench/sections/*.mjs against the built dist/ and out/, prints one table and
// writes bench/results.json. Targets are reported, never asserted (timings depend on the machine).
//
// A section exports `async function run(ctx)` returning `[{name, value, unit, target?}]`, where `target` is
// a string like "<= 5" (compared with value) or any note. ctx (see makeContext below):
//   root, dist, out                    absolute paths
//   service                            out/bench/service.js: the service bundled as dist/server.js bundles it,
//                                      run with the server's V8 flags (applied once here)
//                                      (createIamLanguageService, loadCatalog, ALL_RULES, …)
//   servicePath                        its absolute path (for sections that run it in a child process)
//   catalog, createService()           the real catalog, loaded once; a fresh service over it
//   TextDocument                       vscode-languageserver-textdocument
//   measure(fn, {iterations, warmup})  -> median milliseconds of fn()
//   median(numbers)
//   generatePolicy(bytes, seed)        realistic identity policy text of about `bytes` characters
// Add a section by dropping a file in bench/sections/; no need to edit this runner.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePolicy } from './generatePolicy.mjs';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const out = join(root, 'out');
const servicePath = join(out, 'bench', 'service.js');
const require = createRequire(import.meta.url);

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function measure(fn, { iterations = 50, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

function makeContext() {
  for (const [path, how] of [
    [join(dist, 'server.js'), 'npm run build'],
    [join(dist, 'iam-catalog.json'), 'npm run build'],
    [join(out, 'test', 'fuzz', 'adversarialDocs.js'), 'npm run build:tests'],
    [servicePath, 'node scripts/buildBenchBundle.mjs'],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`${how}\` first (npm run bench does both)`);
  }
  const service = require(servicePath);
  // the V8 flags the server and CLI start with (server/src/runtime/v8Flags.ts): measure the service as they run it
  service.applyV8Flags();
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const catalog = service.loadCatalog(JSON.parse(readFileSync(join(dist, 'iam-catalog.json'), 'utf8')));
  return {
    root,
    dist,
    out,
    service,
    servicePath,
    catalog,
    createService: () => service.createIamLanguageService({ catalog }),
    TextDocument,
    measure,
    median,
    generatePolicy: (bytes, seed = 1) => generatePolicy(catalog, bytes, seed),
  };
}

/** "<= 5" / ">= 2" targets are checked; anything else is shown as a note. */
function verdict(value, target) {
  const m = typeof target === 'string' ? /^\s*(<=|>=|<|>)\s*([\d.]+)/.exec(target) : null;
  if (!m) return '';
  const t = Number(m[2]);
  const ok = m[1] === '<=' ? value <= t : m[1] === '>=' ? value >= t : m[1] === '<' ? value < t : value > t;
  return ok ? 'ok' : 'MISSED';
}

const fmt = (v) => (typeof v !== 'number' ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

async function main() {
  const ctx = makeContext();
  const only = process.argv.slice(2);
  const files = readdirSync(join(root, 'bench', 'sections'))
    .filter((f) => f.endsWith('.mjs'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const results = [];
  let failed = 0;
  for (const file of files) {
    const section = file.replace(/\.mjs$/, '');
    try {
      const mod = await import(pathToFileURL(join(root, 'bench', 'sections', file)).href);
      const rows = await mod.run(ctx);
      for (const r of rows) results.push({ section, ...r, status: verdict(r.value, r.target) });
    } catch (err) {
      failed++;
      console.error(`section ${section} failed: ${err instanceof Error ? err.stack : String(err)}`);
      results.push({ section, name: 'section failed', value: NaN, unit: '', target: '', status: 'ERROR' });
    }
  }
  const rows = results.map((r) => [r.section, r.name, fmt(r.value), r.unit ?? '', r.target ?? '', r.status]);
  const header = ['section', 'measurement', 'value', 'unit', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 2 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(root, 'bench', 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, version: pkg.version, dataVersion: ctx.catalog.dataVersion, results }, null, 2)}\n`,
  );
  console.log(`\nwrote bench/results.json (${results.filter((r) => r.status === 'MISSED').length} targets missed)`);
  if (failed > 0) process.exitCode = 1;
}

await main();
