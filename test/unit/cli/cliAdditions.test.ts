// The CLI pieces added for containers and CI: --fail-on thresholds and exit codes, progress only on a TTY and
// only for long runs, the checked file extensions and --ignore globs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exitCodeFor, fails, isFailOn } from '../../../server/src/cli/failOn';
import { createProgress } from '../../../server/src/cli/progress';
import { ignoredByCommandLine, isCheckedFileName } from '../../../server/src/cli/fileFilter';

test('--fail-on: thresholds and exit codes (IO errors win)', () => {
  assert.ok(isFailOn('warning') && !isFailOn('hint') && !isFailOn(undefined));
  assert.deepEqual(['error', 'warning', 'info', 'hint'].map((s) => fails(s as never, 'error')), [true, false, false, false]);
  assert.deepEqual(['error', 'warning', 'info', 'hint'].map((s) => fails(s as never, 'warning')), [true, true, false, false]);
  assert.deepEqual(['error', 'warning', 'info', 'hint'].map((s) => fails(s as never, 'info')), [true, true, true, true]);
  assert.equal(exitCodeFor(['warning', 'info'], 'error', 0), 0);
  assert.equal(exitCodeFor(['warning', 'info'], 'warning', 0), 1);
  assert.equal(exitCodeFor([], 'info', 0), 0);
  assert.equal(exitCodeFor(['error'], 'error', 1), 2);
});

test('progress: silent off a TTY and during the first second, then one rewritten line, erased at the end', () => {
  const writes: string[] = [];
  let t = 0;
  const quiet = createProgress({ isTTY: false, write: (s: string) => writes.push(s) }, 100, () => t);
  for (let i = 0; i < 100; i++) (t += 50), quiet.tick(`f${i}.json`);
  quiet.done();
  assert.equal(writes.length, 0);
  t = 0;
  const p = createProgress({ isTTY: true, columns: 40, write: (s: string) => writes.push(s) }, 100, () => t);
  for (let i = 0; i < 10; i++) (t += 50), p.tick(`f${i}.json`);
  assert.equal(writes.length, 0, 'nothing in the first second'); // deepEqual(x, []) would narrow x to never[]
  for (let i = 10; i < 40; i++) (t += 50), p.tick(`f${i}.json`);
  assert.ok(writes.length > 0 && writes.length <= 15, String(writes.length));
  assert.ok(writes.every((w) => w.startsWith('\r') && !w.includes('\n') && w.length <= 40));
  assert.match(writes[0]!, /checked \d+\/100 files/);
  p.done();
  assert.match(writes[writes.length - 1]!, /^\r +\r$/);
});

test('checked file names and --ignore globs', () => {
  for (const n of ['a.json', 'b.YAML', 'c.yml', 'd.template', 'main.tf']) assert.ok(isCheckedFileName(n), n);
  for (const n of ['a.jsonc', 'b.txt', 'c.tfvars', 'd.tf.json.bak']) assert.ok(!isCheckedFileName(n), n);
  assert.ok(ignoredByCommandLine(['**/fixtures/**'], '/repo/test/fixtures/a.json', '/repo'));
  assert.ok(ignoredByCommandLine(['*.template'], '/repo/x/y.template', '/repo'));
  assert.ok(!ignoredByCommandLine(['build/**'], '/repo/src/build.json', '/repo'));
  assert.ok(!ignoredByCommandLine([], '/repo/a.json', '/repo'));
});
