// The per-file validation cost on the real corpus (issue 19), in this process with the bench bundle: every AWS
// managed policy parsed + validated as the CLI's directory walk reads it (no forced policy), as a ratio to an
// in-process JSON.parse of the same texts, and the most expensive files with the rules that cost most in them.
// As a section it gives the ratio and the five worst files; run directly for the 20 worst with per-rule cost:
//   node scripts/buildBenchBundle.mjs && node bench/sections/worstPolicies.mjs [--top 20] [--rules 5] [--titles]
// (--titles also times service.fixTitles per diagnostic, which the CLI's report calls; --repeat N re-validates
// the N worst files and ReadOnlyAccess in a loop afterwards, for `node --cpu-prof bench/sections/worstPolicies.mjs`).

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function corpusDir(root) {
  const candidates = [process.env.IAM_MANAGED_CORPUS, join(root, '..', 'shared', 'corpus', 'aws-managed'), join(root, '..', '..', 'shared', 'corpus', 'aws-managed')];
  return candidates.find((d) => d && existsSync(d) && statSync(d).isDirectory());
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** this process's CPU time (user + system, GC threads included): a loaded machine inflates it far less than wall time */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Validates every file `passes` times (the last pass is measured, earlier ones warm up) with every rule timed in
 * place. Returns per-file {name, bytes, ms, parseMs, titlesMs, rules: Map<code, ms>} and the JSON.parse total.
 */
export function measureCorpus(svc, catalog, TextDocument, dir, { passes = 2, titles = false } = {}) {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  const texts = names.map((n) => readFileSync(join(dir, n), 'utf8'));
  let current;
  const timed = (code, check) => (c) => {
    const start = now();
    try {
      return check(c);
    } finally {
      current.rules.set(code, (current.rules.get(code) ?? 0) + now() - start);
    }
  };
  const rules = svc.ALL_RULES.map((rule) => ({
    ...rule,
    ...(rule.checkPolicy ? { checkPolicy: timed(rule.code, rule.checkPolicy) } : {}),
    ...(rule.checkDocument ? { checkDocument: timed(rule.code, rule.checkDocument) } : {}),
  }));
  const service = svc.createIamLanguageService({ catalog, rules });
  let files = [];
  let cpuMs = 0;
  for (let pass = 0; pass < passes; pass++) {
    files = [];
    const c0 = cpuNow();
    for (let i = 0; i < names.length; i++) {
      current = { name: names[i], bytes: texts[i].length, ms: 0, parseMs: 0, titlesMs: 0, rules: new Map() };
      const doc = TextDocument.create(pathToFileURL(join(dir, names[i])).href, 'json', 0, texts[i]);
      const t0 = now();
      const parsed = service.parse(doc, { forcePolicy: false });
      current.parseMs = now() - t0;
      if (parsed.isPolicy) {
        const diagnostics = service.validate(doc, parsed);
        current.ms = now() - t0;
        if (titles) {
          const t1 = now();
          for (const d of diagnostics) service.fixTitles(doc, parsed, d);
          current.titlesMs = now() - t1;
        }
      } else current.ms = current.parseMs;
      files.push(current);
    }
    cpuMs = cpuNow() - c0;
  }
  let jsonMs = Infinity;
  let jsonCpuMs = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const t = now();
    const c = cpuNow();
    for (const text of texts) JSON.parse(text);
    jsonMs = Math.min(jsonMs, now() - t);
    jsonCpuMs = Math.min(jsonCpuMs, cpuNow() - c);
  }
  return { files, jsonMs, cpuMs, jsonCpuMs };
}

export async function run(ctx) {
  const dir = corpusDir(ctx.root);
  if (!dir) return [{ name: 'worst policies: ../shared/corpus/aws-managed not found (set IAM_MANAGED_CORPUS)', value: NaN, unit: '' }];
  const { files, jsonMs, cpuMs, jsonCpuMs } = measureCorpus(ctx.service, ctx.catalog, ctx.TextDocument, dir);
  const total = files.reduce((s, f) => s + f.ms, 0);
  const worst = [...files].sort((a, b) => b.ms - a.ms);
  const top20 = worst.slice(0, 20).reduce((s, f) => s + f.ms, 0);
  return [
    { name: `parse + validate each of the ${files.length} managed policies in process / JSON.parse of them`, value: total / jsonMs, unit: '×' },
    { name: 'the same in CPU time (user + system) / JSON.parse CPU time', value: cpuMs / jsonCpuMs, unit: '×' },
    { name: 'share of that time spent on the 20 most expensive files', value: (100 * top20) / total, unit: '%' },
    ...worst.slice(0, 5).map((f) => ({ name: `worst: ${f.name} (${(f.bytes / 1000).toFixed(0)} KB), parse + validate`, value: f.ms, unit: 'ms' })),
  ];
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const root = join(import.meta.dirname, '..', '..');
  const require = createRequire(import.meta.url);
  const svc = require(process.env.IAM_BENCH_SERVICE || join(root, 'out', 'bench', 'service.js'));
  svc.applyV8Flags();
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const catalog = svc.loadCatalog(JSON.parse(readFileSync(join(root, 'dist', 'iam-catalog.json'), 'utf8')));
  const dir = corpusDir(root);
  if (!dir) throw new Error('the managed corpus is not there (set IAM_MANAGED_CORPUS)');
  const top = opt('--top', 20);
  const perRule = opt('--rules', 5);
  const titles = args.includes('--titles');
  const fileArg = args.indexOf('--files');
  const profileArg = args.indexOf('--profile-open');
  if (fileArg >= 0) return repeatFiles(svc, catalog, TextDocument, dir, args[fileArg + 1].split(','), opt('--repeat', 50), profileArg >= 0 ? args[profileArg + 1] : undefined);
  const { files, jsonMs, cpuMs, jsonCpuMs } = measureCorpus(svc, catalog, TextDocument, dir, { passes: opt('--passes', 2), titles });
  const total = files.reduce((s, f) => s + f.ms, 0);
  const parseTotal = files.reduce((s, f) => s + f.parseMs, 0);
  const titlesTotal = files.reduce((s, f) => s + f.titlesMs, 0);
  const byRule = new Map();
  for (const f of files) for (const [code, ms] of f.rules) byRule.set(code, (byRule.get(code) ?? 0) + ms);
  const worst = [...files].sort((a, b) => b.ms - a.ms).slice(0, top);
  const worstMs = worst.reduce((s, f) => s + f.ms, 0);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  const worstBytes = worst.reduce((s, f) => s + f.bytes, 0);
  console.log(`${files.length} files, ${(bytes / 1e6).toFixed(2)} MB: parse+validate ${total.toFixed(0)} ms (parse ${parseTotal.toFixed(0)} ms), JSON.parse ${jsonMs.toFixed(1)} ms, ratio ${(total / jsonMs).toFixed(1)}×; CPU ${cpuMs.toFixed(0)} ms / ${jsonCpuMs.toFixed(1)} ms${titles ? `; fix titles ${titlesTotal.toFixed(0)} ms` : ''}`);
  console.log(`the ${top} worst: ${worstMs.toFixed(0)} ms = ${((100 * worstMs) / total).toFixed(1)}% of the time, ${((100 * worstBytes) / bytes).toFixed(1)}% of the bytes`);
  console.log('rules over the whole corpus (ms):');
  for (const [code, ms] of [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${code.padEnd(40)} ${ms.toFixed(1)}`);
  for (const f of worst) {
    const rules = [...f.rules].sort((a, b) => b[1] - a[1]).slice(0, perRule).map(([c, ms]) => `${c} ${ms.toFixed(1)}`).join(', ');
    console.log(`${f.ms.toFixed(1).padStart(7)} ms  ${(f.bytes / 1000).toFixed(0).padStart(4)} KB  parse ${f.parseMs.toFixed(1)}${titles ? `  titles ${f.titlesMs.toFixed(1)}` : ''}  ${f.name}\n           ${rules}`);
  }
  const repeat = opt('--repeat', 0);
  if (repeat > 0) await repeatFiles(svc, catalog, TextDocument, dir, [...new Set([...worst.map((f) => f.name), 'ReadOnlyAccess.json'])], repeat);
}

/** Validates the named corpus files `repeat` times each, each time as a new text (an edit), for profiling. */
async function repeatFiles(svc, catalog, TextDocument, dir, names, repeat, profileOpen) {
  {
    const service = svc.createIamLanguageService({ catalog });
    // as the server has it once idle after start-up (and the bench's editor probe): every service built
    if (catalog.warmUpStep) while (catalog.warmUpStep());
    const picked = names.filter((n) => existsSync(join(dir, n)));
    const texts = picked.map((n) => readFileSync(join(dir, n), 'utf8'));
    for (let i = 0; i < picked.length; i++) {
      // --profile-open DIR: a CPU profile of the last file's first validation alone (the earlier files warm up)
      const profiling = profileOpen && i === picked.length - 1 ? await startProfile() : undefined;
      const c0 = cpuNow();
      const doc = TextDocument.create(`file:///${picked[i]}`, 'json', 0, texts[i]);
      service.validate(doc, service.parse(doc));
      console.log(`first validation (open) of ${picked[i]}: CPU ${(cpuNow() - c0).toFixed(1)} ms`);
      if (profiling) mkdirSync(profileOpen, { recursive: true }), writeFileSync(join(profileOpen, `open-${picked[i]}.cpuprofile`), JSON.stringify(await profiling()));
    }
    const t = now();
    const c = cpuNow();
    for (let r = 0; r < repeat; r++) {
      for (let i = 0; i < picked.length; i++) {
        // a space after the first comma: a fresh text each round, as an edit gives
        const at = texts[i].indexOf(',') + 1;
        const text = texts[i].slice(0, at) + ' '.repeat(r % 7) + texts[i].slice(at);
        const doc = TextDocument.create(`file:///${picked[i]}`, 'json', r, text);
        service.validate(doc, service.parse(doc));
      }
    }
    console.log(`repeat: ${repeat} rounds over ${picked.length} files, ${((now() - t) / repeat).toFixed(1)} ms per round (CPU ${((cpuNow() - c) / repeat).toFixed(1)} ms)`);
  }
}

/** Starts the V8 profiler in this process; the returned function stops it and gives the profile. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
