// `iam-policy-check generate` throughput and memory on generated CloudTrail logs (bench/generate.mjs writes
// them to a temporary folder): events/s, MB/s of gzip and of JSON, the time 1 GB of gzipped logs would take
// at that rate (target ≤ 60 s), and the CLI's peak resident memory on two log sizes (bounded memory means
// about the same peak for 4× the logs), with the default --jobs auto (a log-reader thread on 2+ cores), in one
// thread (--jobs 1) and with --jobs N (whole files per worker). IAM_BENCH_GENERATE_MB
// sets the larger size (default 128). Wall times on a shared machine include the neighbours' load: the CPU-time row
// is the steadier figure.

import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLogs } from '../generate.mjs';

// preloaded into the CLI process: prints its peak resident set size (VmHWM) when it exits
const PEAK_HOOK = `process.on('exit', () => { const m = /VmHWM:\\s+(\\d+) kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8')); const c = process.cpuUsage(); process.stderr.write('PEAK_RSS_KB=' + (m ? m[1] : 0) + ' CPU_US=' + (c.user + c.system) + '\\n'); });`;

function runCli(ctx, dir, hook, jobs = 'auto') {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, join(ctx.dist, 'cli.js'), 'generate', dir, '--format', 'json', '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`generate exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const peak = Number(/PEAK_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  // all threads of the process (zlib inflates in the thread pool): on a shared machine wall time also
  // measures the neighbours, CPU time does not
  const cpu = Number(/CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1e6;
  const report = JSON.parse(r.stdout).report;
  return { seconds, cpu, peak, events: report.records };
}

export async function run(ctx) {
  const largeMb = Number(process.env.IAM_BENCH_GENERATE_MB ?? 128);
  const base = mkdtempSync(join(tmpdir(), 'iam-bench-generate-'));
  try {
    const hook = join(base, 'peak.cjs');
    writeFileSync(hook, PEAK_HOOK);
    const small = writeLogs(join(base, 'small'), { targetBytes: (largeMb / 4) * 1024 * 1024 });
    const large = writeLogs(join(base, 'large'), { targetBytes: largeMb * 1024 * 1024 });
    runCli(ctx, join(base, 'small'), hook); // warm the page cache and the disk
    const s = runCli(ctx, join(base, 'small'), hook);
    const l = runCli(ctx, join(base, 'large'), hook);
    // --jobs 1: everything on one thread (the default, auto, reads through a second thread on 2+ cores)
    const one = runCli(ctx, join(base, 'large'), hook, 1);
    // --jobs N: worker threads, one per core, up to 4
    const p = runCli(ctx, join(base, 'large'), hook, Math.min(4, availableParallelism()));
    const gzMb = large.gzBytes / 1024 / 1024;
    // JSON bytes: the generator's compression ratio, measured on one file
    const ratio = ratioOf(join(base, 'large'));
    // where the time goes: the marginal cost between the two sizes (start-up and catalogue load cancel out) and
    // gunzip alone, the floor any parser sits on
    const marginalCpuPerEvent = (l.cpu - s.cpu) / (l.events - s.events);
    const marginalCpuPerGb = (l.cpu - s.cpu) / ((large.gzBytes - small.gzBytes) / 1024 / 1024 / 1024);
    const gunzipCpu = await gunzipOnly(join(base, 'large'));
    return [
      { name: `logs: ${large.files} files, ${gzMb.toFixed(0)} MB gzip (${(gzMb * ratio / 1024).toFixed(1)} GB JSON), ${l.events} events`, value: l.seconds, unit: 's' },
      { name: 'throughput (events per second)', value: l.events / l.seconds, unit: 'events/s' },
      { name: 'throughput (gzip MB per second)', value: gzMb / l.seconds, unit: 'MB/s' },
      { name: 'throughput (JSON MB per second)', value: (gzMb * ratio) / l.seconds, unit: 'MB/s' },
      { name: '1 GB of gzipped logs at this rate', value: 1024 / (gzMb / l.seconds), unit: 's', target: '<= 60' },
      { name: 'CPU time (all threads)', value: l.cpu, unit: 's' },
      { name: '1 GB of gzipped logs with --jobs 1 (one thread)', value: 1024 / (gzMb / one.seconds), unit: 's' },
      { name: 'CPU time with --jobs 1', value: one.cpu, unit: 's' },
      { name: 'peak RSS with --jobs 1', value: one.peak, unit: 'MB' },
      // the target (issue 17) is the wall time of the default run above; CPU time, split over two cores, is
      // reported to see where it goes (gunzip alone takes most of 60 CPU s per GB)
      { name: '1 GB of gzipped logs at this rate of CPU time', value: 1024 / (gzMb / l.cpu), unit: 'CPU s' },
      { name: 'marginal CPU per event (4× minus 1× the logs: no start-up)', value: marginalCpuPerEvent * 1e6, unit: 'µs' },
      { name: 'marginal CPU time per GB of gzip (no start-up)', value: marginalCpuPerGb, unit: 'CPU s' },
      { name: 'of which gunzip alone (node:zlib, same chunk size)', value: gunzipCpu / (large.gzBytes / 1024 / 1024 / 1024), unit: 'CPU s per GB' },
      { name: `1 GB of gzipped logs with --jobs ${Math.min(4, availableParallelism())} (whole files per worker, for 4+ cores)`, value: 1024 / (gzMb / p.seconds), unit: 's' },
      { name: `peak RSS with --jobs ${Math.min(4, availableParallelism())}`, value: p.peak, unit: 'MB' },
      { name: `peak RSS, ${(small.gzBytes / 1024 / 1024).toFixed(0)} MB gzip`, value: s.peak, unit: 'MB' },
      { name: `peak RSS, ${gzMb.toFixed(0)} MB gzip (4× the logs)`, value: l.peak, unit: 'MB', target: `bounded: about ${s.peak.toFixed(0)} MB like 1×` },
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** CPU seconds (all threads) this process spends only inflating every file of the folder. */
async function gunzipOnly(dir) {
  const start = process.cpuUsage();
  for (const f of readdirSync(dir).sort()) {
    const source = pipeline(createReadStream(join(dir, f), { highWaterMark: 1 << 20 }), createGunzip({ chunkSize: 1 << 20 }), () => {});
    for await (const chunk of source) void chunk;
  }
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1e6;
}

function ratioOf(dir) {
  const f = readdirSync(dir).find((n) => n.endsWith('.gz'));
  const gz = readFileSync(join(dir, f));
  return gunzipSync(gz).length / gz.length;
}
