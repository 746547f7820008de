// Runs every compiled unit/integration test under out/test (except the real-editor suites) with node:test.
// Usage: node scripts/runTests.mjs [substring filter...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-timeout=1200000', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
