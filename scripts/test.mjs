// `npm test`: runs every test layer (typecheck, build, unit and integration tests, grammar tests, rule-docs
// check, real-editor tests) even when an earlier one fails, prints one result line per layer and a summary,
// and exits 1 if any layer failed. A layer that runs past its generous timeout is stopped and counts as
// failed (that is the hang guard; no test asserts a time). Usage: node scripts/test.mjs [layer...]
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackages, TEST_PACKAGES } from './systemPackages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAYER_TIMEOUT_MS = Number(process.env.IAM_TEST_LAYER_TIMEOUT_MIN ?? 30) * 60_000;
const node = process.execPath;

/** node:test's spec reporter ends with "ℹ pass N" style lines. */
function nodeTestCounts(output) {
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const passed = count('pass');
  if (Number.isNaN(passed)) return undefined;
  return { passed, failed: count('fail') + (count('cancelled') || 0), skipped: (count('skipped') || 0) + (count('todo') || 0) };
}

/** vscode-tmgrammar-test prints one "✓ file run successfuly." or a failure block per test file. */
function grammarCounts(output) {
  const passed = (output.match(/^✓ /gm) ?? []).length;
  const failed = (output.match(/^✖ |^ERROR/gm) ?? []).length;
  return passed + failed > 0 ? { passed, failed, skipped: 0 } : undefined;
}

const e2eFiles = () =>
  readdirSync(join(root, 'out', 'test', 'e2e'))
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join('out', 'test', 'e2e', f));

const LAYERS = {
  typecheck: { run: () => ['npm', ['run', 'typecheck']] },
  build: { run: () => ['sh', ['-c', 'npm run build && npm run build:tests']] },
  unit: { needs: 'build', run: () => [node, [join('scripts', 'runTests.mjs')]], counts: nodeTestCounts },
  grammar: { run: () => ['npm', ['run', 'test:grammar']], counts: grammarCounts },
  docs: { needs: 'build', run: () => [node, [join('scripts', 'generateRuleDocs.mjs'), '--check']] },
  e2e: {
    needs: 'build',
    packages: TEST_PACKAGES.filter((p) => p !== 'neovim'),
    why: 'the real-editor tests run VS Code (code-server) in Chromium',
    // one code-server and one Chromium for every file (each suite gets its own window and workspace copy)
    run: () => [node, [join('out', 'test', 'e2e', 'support', 'runSuites.js'), ...e2eFiles()]],
    counts: nodeTestCounts,
  },
};

function runLayer(name, layer) {
  const [cmd, args] = layer.run();
  return new Promise((resolve) => {
    let tail = '';
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, FORCE_COLOR: '0' } });
    const forward = (stream, sink) =>
      stream.on('data', (chunk) => {
        sink.write(chunk);
        tail = (tail + chunk.toString()).slice(-200_000);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, LAYER_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 'timeout' : code, output: tail });
    });
  });
}

const fmt = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;

const wanted = process.argv.slice(2);
for (const w of wanted) if (!LAYERS[w]) {
  console.error(`unknown layer "${w}"; layers: ${Object.keys(LAYERS).join(', ')}`);
  process.exit(2);
}
const names = wanted.length ? Object.keys(LAYERS).filter((n) => wanted.includes(n)) : Object.keys(LAYERS);
// the unit layer has client tests too (Neovim as an LSP client, the web worker in Chromium): install everything
// first, so they run rather than skip (each says so and skips when its program is missing)
if (names.includes('unit')) ensurePackages(TEST_PACKAGES, 'the Neovim and Chromium client tests and the real-editor tests');

const results = [];
const outcome = new Map();
for (const name of names) {
  const layer = LAYERS[name];
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  let result;
  if (layer.needs && outcome.get(layer.needs) === 'failed') {
    result = { status: 'failed', counts: { passed: 0, failed: 1, skipped: 0 }, detail: `not run: the ${layer.needs} layer failed` };
  } else if (layer.packages && ensurePackages(layer.packages, layer.why).length > 0) {
    // without the packages nothing can be tested here; on CI that is a failure, for a person a skip
    const ci = process.env.CI === 'true';
    result = { status: ci ? 'failed' : 'skipped', counts: { passed: 0, failed: ci ? 1 : 0, skipped: 1 }, detail: 'system packages missing (see above)' };
  } else {
    console.log(`\n=== ${name} ===`);
    const { code, output } = await runLayer(name, layer);
    const counted = layer.counts?.(output);
    const ok = code === 0 && (!counted || counted.failed === 0);
    const counts = counted ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
    if (!ok && counts.failed === 0) counts.failed = 1; // the runner failed outside any counted test
    const detail = code === 'timeout' ? `stopped after ${LAYER_TIMEOUT_MS / 60_000} min (a hang?)` : ok ? '' : `exit status ${code}`;
    result = { status: ok ? 'passed' : 'failed', counts, detail };
  }
  outcome.set(name, result.status);
  results.push({ name, ...result, seconds: seconds() });
  console.log(`\n[test] ${name}: ${result.status} (${fmt(result.counts)}) in ${seconds()} s${result.detail ? ` - ${result.detail}` : ''}`);
}

console.log('\nTest summary');
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.status.padEnd(8)} ${fmt(r.counts).padEnd(36)} ${String(r.seconds).padStart(4)} s${r.detail ? `  ${r.detail}` : ''}`);
const total = results.reduce((t, r) => ({ passed: t.passed + r.counts.passed, failed: t.failed + r.counts.failed, skipped: t.skipped + r.counts.skipped }), { passed: 0, failed: 0, skipped: 0 });
const anyFailed = results.some((r) => r.status === 'failed');
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(anyFailed ? 1 : 0);
