// Runs every compiled unit/integration test under out/test (except the real-editor suites) with node:test, then
// lists the slowest test files (wall time of the file's process, module loading included, and its CPU time);
// the full list goes to test-results/unit-durations.txt.
// Usage: node scripts/runTests.mjs [substring filter...]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const outdir = process.env.TEST_OUT ?? 'out';
const files = walk(join(outdir, 'test'))
  .filter((f) => !f.includes(join(outdir, 'test', 'e2e')) && !f.includes(join(outdir, 'test', 'vscode')))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const timingDir = mkdtempSync(join(tmpdir(), 'iam-test-timing-'));
const preload = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'testTiming.cjs');
const r = spawnSync(process.execPath, ['--require', preload, '--test', '--test-concurrency=2', '--test-reporter=spec', '--test-timeout=1200000', ...files], {
  stdio: 'inherit',
  env: { ...process.env, IAM_TEST_TIMING_DIR: timingDir },
});
reportDurations(timingDir);
process.exit(r.status ?? 1);

function reportDurations(dir) {
  const rows = [];
  for (const name of readdirSync(dir)) {
    try {
      rows.push(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    } catch {
      // a process that ended while writing
    }
  }
  rmSync(dir, { recursive: true, force: true });
  if (rows.length === 0) return;
  rows.sort((a, b) => b.wallMs - a.wallMs);
  const line = (r) => `${(r.wallMs / 1000).toFixed(1).padStart(7)} s ${(r.cpuMs / 1000).toFixed(1).padStart(7)} s  ${relative(process.cwd(), r.file)}`;
  const header = '   wall     CPU  test file (its own process; CLI and server processes it starts not counted)';
  const results = join('test-results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'unit-durations.txt'), `${header}\n${rows.map(line).join('\n')}\n`);
  const shown = rows.slice(0, 12);
  console.log(`\nslowest test files (all ${rows.length}: test-results/unit-durations.txt)\n${header}\n${shown.map(line).join('\n')}`);
}
