// Preloaded (--require) into every test process by scripts/runTests.mjs: when a test file's process ends, it
// writes the file's wall time (from process start: module loading and top-level work included) and the CPU
// time of its own threads to IAM_TEST_TIMING_DIR, which runTests.mjs lists as the per-file durations. Does
// nothing in other processes (the node:test runner itself, CLI processes a test starts).
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.IAM_TEST_TIMING_DIR;
const file = process.argv[1];
if (dir && file && file.endsWith('.test.js') && !process.execArgv.includes('--test')) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    try {
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ file, wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 }));
    } catch {
      // the runner removed the folder (interrupted): nothing to report
    }
  });
}
