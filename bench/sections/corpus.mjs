// The real corpus (issue 19): the CLI over the 1,523 AWS managed policies in ../shared/corpus/aws-managed as a
// ratio to a same-run read + JSON.parse of the same files (each in a fresh node process, CPU time and wall time),
// the CLI's peak memory, start-up over bare Node (CLI and server, with resident memory), a CI-sized run (the
// repository's example policies), and the editor's
// open -> diagnostics and edit -> diagnostics (beyond the debounce) on the five largest managed policies; and the
// floor under the CLI rows: parse + validate alone in one process, cold and warm.
// Skipped (one row says so) when the shared corpus is not next to the repository. To measure another build the
// same way (e.g. a before/after table), IAM_BENCH_DIST names a folder with its cli.js, server.js and
// iam-catalog.json and IAM_BENCH_SERVICE its bench bundle (scripts/buildBenchBundle.mjs).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function corpusDir(root) {
  const candidates = [process.env.IAM_MANAGED_CORPUS, join(root, '..', 'shared', 'corpus', 'aws-managed'), join(root, '..', '..', 'shared', 'corpus', 'aws-managed')];
  return candidates.find((d) => d && existsSync(d) && statSync(d).isDirectory());
}

// The launchers keep V8's code cache in the user's cache folder (runtime/codeCache.ts): the bench gives them a
// folder of its own, which the first run of each bundle fills (as any run after the first on a developer's
// machine has it), and measures start-up without the cache too (a first run, a fresh CI machine).
const codeCache = mkdtempSync(join(tmpdir(), 'iam-bench-code-cache-'));
process.on('exit', () => rmSync(codeCache, { recursive: true, force: true }));
const benchEnv = { ...process.env, IAM_POLICY_CODE_CACHE: codeCache };
const noCacheEnv = { ...process.env, IAM_POLICY_CODE_CACHE: 'off' };

/** wall seconds, CPU seconds (user + sys) and peak RSS (MiB) of a child process, via GNU time when present */
function timed(args, cwd, env = benchEnv) {
  const hasTime = existsSync('/usr/bin/time');
  const t = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const m = hasTime ? /(\d+\.\d+) (\d+\.\d+) (\d+)\s*$/.exec(r.stderr) : null;
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, rssMiB: m ? Number(m[3]) / 1024 : NaN };
}

const READ_PARSE = `
const { readdirSync, readFileSync } = require('node:fs');
let n = 0;
for (const name of readdirSync('.').sort()) if (name.endsWith('.json')) { JSON.parse(readFileSync(name, 'utf8')); n++; }
if (n === 0) process.exit(3);
`;

// open -> diagnostics in a fresh process (three of them, medians reported; catalog loaded and warmed up first, as the server has it once idle after
// initialize): the first parse + validate of each document; then edit -> diagnostics: one-character edits (a
// space inserted at a different place each time, so every text is new), median over the edits, steady state.
// Both as wall time and as this process's CPU time (user + system, GC threads included), which a machine shared
// with other work inflates far less than wall time.
const EDITOR_PROBE = `
const { readFileSync } = require('node:fs');
const svc = require(process.argv[1]);
svc.applyV8Flags();
const { TextDocument } = require(process.argv[2]);
const catalog = svc.loadCatalog(JSON.parse(readFileSync(process.argv[3], 'utf8')));
const service = svc.createIamLanguageService({ catalog });
if (catalog.warmUpStep) while (catalog.warmUpStep());
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const files = JSON.parse(process.argv[4]);
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const check = (uri, text, v) => { const doc = TextDocument.create(uri, 'json', v, text); return service.validate(doc, service.parse(doc)); };
const out = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const uri = 'file:///' + file.split('/').pop();
  const t0 = process.hrtime.bigint();
  const c0 = cpu();
  const first = check(uri, text, 1);
  const open = Number(process.hrtime.bigint() - t0) / 1e6;
  const openCpu = cpu() - c0;
  // edit positions: after a comma or colon (always valid JSON with one more space)
  const spots = [];
  for (let i = 0; i < text.length && spots.length < 400; i++) if (text[i] === ',' || text[i] === ':') spots.push(i + 1);
  const samples = [];
  const cpuSamples = [];
  for (let k = 0; k < 60; k++) {
    const at = spots[(k * 37) % spots.length];
    const edited = text.slice(0, at) + ' ' + text.slice(at);
    const t = process.hrtime.bigint();
    const c = cpu();
    check(uri, edited, k + 2);
    if (k >= 10) samples.push(Number(process.hrtime.bigint() - t) / 1e6), cpuSamples.push(cpu() - c);
  }
  out.push({ name: file.split('/').pop(), bytes: text.length, findings: first.length, open, openCpu, edit: median(samples), editCpu: median(cpuSamples) });
}
process.stdout.write(JSON.stringify(out));
`;

// What validation alone costs in one process (no start-up, catalog load, report or fix titles), for the CLI rows'
// floor: every file parsed + validated as the CLI's walk does, a first pass (cold JIT, empty memos: what a one-shot
// run pays) and a third (JIT and memos warm: what only a long-lived process could reach), with the CLI's V8 flags
// (whose later tier-up leaves the third pass above where V8's default budget takes it by then: the server's flags).
const FLOOR_PROBE = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const svc = require(process.argv[1]);
svc.applyV8Flags(svc.CLI_V8_FLAGS);
const { TextDocument } = require(process.argv[2]);
const catalog = svc.loadCatalog(svc.decodeCatalogFile(readFileSync(process.argv[3])));
const service = svc.createIamLanguageService({ catalog });
const dir = process.argv[4];
const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
const texts = names.map((n) => readFileSync(join(dir, n), 'utf8'));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const passes = [];
for (let pass = 0; pass < 3; pass++) {
  const t0 = process.hrtime.bigint();
  const c0 = cpu();
  for (let i = 0; i < names.length; i++) {
    const doc = TextDocument.create('file://' + join(dir, names[i]), 'json', 0, texts[i]);
    const parsed = service.parse(doc, { forcePolicy: false });
    if (parsed.isPolicy) service.validate(doc, parsed);
  }
  passes.push({ wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: cpu() - c0 });
}
process.stdout.write(JSON.stringify(passes));
`;

export async function run(ctx) {
  const dir = corpusDir(ctx.root);
  if (!dir) return [{ name: 'real corpus: ../shared/corpus/aws-managed not found (set IAM_MANAGED_CORPUS)', value: NaN, unit: '' }];
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  const dist = process.env.IAM_BENCH_DIST || ctx.dist;
  const servicePath = process.env.IAM_BENCH_SERVICE || ctx.servicePath;
  const cli = join(dist, 'cli.js');
  const server = join(dist, 'server.js');
  const rows = [];

  // interleaved: baseline, CLI, baseline, CLI, … so that load on a shared machine hits both alike
  // fills the code cache (see benchEnv) as a first run would
  timed([cli, '--version'], dir);
  const base = [];
  const runs = [];
  // the default run uses worker threads on a walk this long (--jobs auto); --jobs 1 shows one thread's share
  const single = [];
  // SARIF lists each finding's fixes with their edits, so each fix is vetted (re-parse + every rule), as the editor does
  const sarif = [];
  for (let i = 0; i < 3; i++) {
    base.push(timed(['-e', READ_PARSE], dir));
    runs.push(timed([cli, '--format', 'json', '.'], dir));
    single.push(timed([cli, '--format', 'json', '--jobs', '1', '.'], dir));
    sarif.push(timed([cli, '--format', 'sarif', '.'], dir));
  }
  const med = (xs, k) => ctx.median(xs.map((x) => x[k]));
  rows.push({ name: `read + JSON.parse of the ${names.length} managed policies (fresh node, wall)`, value: med(base, 'wall') * 1000, unit: 'ms' });
  rows.push({ name: 'CLI --format json over them (wall)', value: med(runs, 'wall') * 1000, unit: 'ms' });
  rows.push({ name: 'CLI over the corpus / read + JSON.parse (wall)', value: med(runs, 'wall') / med(base, 'wall'), unit: '×', target: '<= 8' });
  rows.push({ name: 'CLI over the corpus / read + JSON.parse (CPU user+sys)', value: med(runs, 'cpu') / med(base, 'cpu'), unit: '×', target: '<= 8' });
  rows.push({ name: 'CLI over the corpus: peak resident memory', value: med(runs, 'rssMiB'), unit: 'MiB', target: '<= 120' });
  rows.push({ name: 'CLI --jobs 1 over the corpus / read + JSON.parse (wall)', value: med(single, 'wall') / med(base, 'wall'), unit: '×' });
  rows.push({ name: 'CLI --jobs 1 over the corpus / read + JSON.parse (CPU user+sys)', value: med(single, 'cpu') / med(base, 'cpu'), unit: '×' });
  rows.push({ name: 'CLI --jobs 1 over the corpus: peak resident memory', value: med(single, 'rssMiB'), unit: 'MiB' });
  // the floor of the rows above: validation alone, in process, cold (a first pass) and warm (a third)
  const floor = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ['-e', FLOOR_PROBE, servicePath, require_resolve(ctx.root, 'vscode-languageserver-textdocument'), join(dist, 'iam-catalog.json'), dir], { encoding: 'utf8', maxBuffer: 1 << 26 })));
  const pass = (k, key) => ctx.median(floor.map((f) => f[k][key]));
  rows.push({ name: 'of which: parse + validate alone in one process, first pass (cold) / read + JSON.parse (wall)', value: pass(0, 'wall') / (med(base, 'wall') * 1000), unit: '×' });
  rows.push({ name: 'parse + validate alone, first pass (CPU user+sys) / read + JSON.parse CPU', value: pass(0, 'cpu') / (med(base, 'cpu') * 1000), unit: '×' });
  rows.push({ name: 'parse + validate alone, third pass (JIT and memos warm) / read + JSON.parse (wall)', value: pass(2, 'wall') / (med(base, 'wall') * 1000), unit: '×' });
  rows.push({ name: 'CLI --format sarif over the corpus (fixes vetted) / read + JSON.parse (wall)', value: med(sarif, 'wall') / med(base, 'wall'), unit: '×' });
  rows.push({ name: 'CLI --format sarif over the corpus / read + JSON.parse (CPU user+sys)', value: med(sarif, 'cpu') / med(base, 'cpu'), unit: '×' });
  rows.push({ name: 'CLI --format sarif over the corpus: peak resident memory', value: med(sarif, 'rssMiB'), unit: 'MiB' });

  // start-up over bare Node: `--version` loads the catalog (what every CLI run pays before the first file);
  // the server: spawn -> initialize answered, by the LSP probe below
  const bare = [];
  const cliStart = [];
  const coldStart = [];
  for (let i = 0; i < 7; i++) {
    bare.push(timed(['-e', '0'], dir));
    cliStart.push(timed([cli, '--version'], dir));
    coldStart.push(timed([cli, '--version'], dir, noCacheEnv));
  }
  rows.push({ name: 'CLI start-up (--version) over bare node (wall)', value: (med(cliStart, 'wall') - med(bare, 'wall')) * 1000, unit: 'ms', target: '<= 150' });
  rows.push({ name: 'CLI start-up over bare node (CPU user+sys)', value: (med(cliStart, 'cpu') - med(bare, 'cpu')) * 1000, unit: 'ms', target: '<= 150' });
  rows.push({ name: 'CLI start-up: peak resident memory (bare node in brackets)', value: med(cliStart, 'rssMiB'), unit: `MiB (${med(bare, 'rssMiB').toFixed(0)})` });
  rows.push({ name: 'CLI start-up without the code cache (a first run), over bare node (wall)', value: (med(coldStart, 'wall') - med(bare, 'wall')) * 1000, unit: 'ms' });
  rows.push({ name: 'CLI start-up without the code cache, over bare node (CPU user+sys)', value: (med(coldStart, 'cpu') - med(bare, 'cpu')) * 1000, unit: 'ms' });
  // a CI-sized run: the repository's example policies (JSON, YAML template, trust, SCP), each code path cold
  const examples = ['examples/good', 'examples/bad'];
  const small = [];
  const smallCold = [];
  for (let i = 0; i < 5; i++) {
    small.push(timed([cli, '--format', 'json', ...examples.map((e) => join(ctx.root, e))], dir));
    smallCold.push(timed([cli, '--format', 'json', ...examples.map((e) => join(ctx.root, e))], dir, noCacheEnv));
  }
  const exampleCount = examples.flatMap((e) => readdirSync(join(ctx.root, e)).filter((n) => /\.(json|ya?ml)$/.test(n) && !n.includes('.iamtest.'))).length;
  rows.push({ name: `CLI over the ${exampleCount} example policies (a CI-sized run), over bare node (wall)`, value: (med(small, 'wall') - med(bare, 'wall')) * 1000, unit: 'ms' });
  rows.push({ name: `CLI over the ${exampleCount} example policies, over bare node (CPU user+sys)`, value: (med(small, 'cpu') - med(bare, 'cpu')) * 1000, unit: 'ms' });
  rows.push({ name: `CLI over the ${exampleCount} example policies: peak resident memory`, value: med(small, 'rssMiB'), unit: 'MiB' });
  rows.push({ name: `CLI over the ${exampleCount} example policies without the code cache, over bare node (CPU user+sys)`, value: (med(smallCold, 'cpu') - med(bare, 'cpu')) * 1000, unit: 'ms' });
  const serverStart = [];
  const serverCold = [];
  serverInitialize(server, benchEnv); // a clean shutdown saves the server's code cache, as VS Code's does
  for (let i = 0; i < 5; i++) serverStart.push(serverInitialize(server, benchEnv)), serverCold.push(serverInitialize(server, noCacheEnv));
  rows.push({ name: 'server start-up: spawn -> initialize answered, over bare node (wall)', value: ctx.median(serverStart) - med(bare, 'wall') * 1000, unit: 'ms', target: '<= 150' });
  rows.push({ name: 'server start-up without the code cache (a first start), over bare node (wall)', value: ctx.median(serverCold) - med(bare, 'wall') * 1000, unit: 'ms' });

  const largest = names.map((n) => join(dir, n)).sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 5);
  const textDocument = require_resolve(ctx.root, 'vscode-languageserver-textdocument');
  // three fresh processes, the median of each measurement: one first validation is a single sample
  const probes = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ['-e', EDITOR_PROBE, servicePath, textDocument, join(dist, 'iam-catalog.json'), JSON.stringify(largest)], { encoding: 'utf8', maxBuffer: 1 << 26 })));
  const editor = probes[0].map((e, i) => {
    const of = (k) => ctx.median(probes.map((p) => p[i][k]));
    return { ...e, open: of('open'), openCpu: of('openCpu'), edit: of('edit'), editCpu: of('editCpu') };
  });
  for (const e of editor) {
    const ro = e.name === 'ReadOnlyAccess.json';
    rows.push({ name: `open -> diagnostics: ${e.name} (${(e.bytes / 1000).toFixed(0)} KB, ${e.findings} findings), first validation (wall)`, value: e.open, unit: 'ms', ...(ro ? { target: '<= 60' } : {}) });
    rows.push({ name: `open -> diagnostics: ${e.name} (CPU)`, value: e.openCpu, unit: 'ms', ...(ro ? { target: '<= 60' } : {}) });
    rows.push({ name: `edit -> diagnostics beyond the debounce: ${e.name} (wall)`, value: e.edit, unit: 'ms', ...(ro ? { target: '<= 15' } : {}) });
    rows.push({ name: `edit -> diagnostics beyond the debounce: ${e.name} (CPU)`, value: e.editCpu, unit: 'ms', ...(ro ? { target: '<= 15' } : {}) });
  }
  return rows;
}

function require_resolve(root, name) {
  return join(root, 'node_modules', name);
}

/** milliseconds from spawning the server to its answer to `initialize` */
function serverInitialize(serverJs, env) {
  const probe = `
const { spawn } = require('node:child_process');
const t = process.hrtime.bigint();
const child = spawn(process.execPath, [process.argv[1], '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
child.stdin.write('Content-Length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body);
let out = '';
child.stdout.on('data', (c) => {
  out += c;
  if (out.includes('"id":1')) {
    process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
    out = '';
    const send = (m) => { const b = JSON.stringify({ jsonrpc: '2.0', ...m }); child.stdin.write('Content-Length: ' + Buffer.byteLength(b) + '\\r\\n\\r\\n' + b); };
    send({ id: 2, method: 'shutdown' });
    setTimeout(() => send({ method: 'exit' }), 50);
    setTimeout(() => child.kill(), 5000).unref();
  }
});
`;
  return Number(execFileSync(process.execPath, ['-e', probe, serverJs], { encoding: 'utf8', env }));
}
