// Reads log files in worker threads (`generate --jobs N`): each worker (dist/cli.js started in worker
// mode) streams the files it is handed into its own GenerateAggregator and posts the aggregated state back,
// which the main thread merges. Files are handed out one at a time, so a slow file does not hold the others.
// Only used from the bundles in dist/ (the worker is dist/cli.js); elsewhere the caller reads sequentially.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workerThreads } from '../../runtime/lazyBuiltins';
import type { IamCatalog } from '../../service';
import { GenerateAggregator, type GenerateFilter } from '../../service/generate';
import type { AggregatorState } from '../../service/generate/aggregate';
import { readLogFile, type LogFile, type ReadProblem, type ReadStats } from './readLogs';

const WORKER_FLAG = 'iamPolicyGenerateWorker';

type ToWorker = { readonly file: string } | { readonly finish: true };
type FromWorker = { readonly done: string; readonly problem?: string } | { readonly state: AggregatorState; readonly stats: ReadStats };

/**
 * How many workers to use for `--jobs N`: none for 1 (the default), nor without the dist/ bundle, nor for a
 * single file. Off by default: each worker loads the catalogue (~0.5 s, ~100 MB), and on a machine whose
 * cores are busy with other work the bench measured workers slower than one thread.
 */
export function workerCount(files: readonly LogFile[], jobs: number): number {
  if (!(jobs > 1) || files.length < 2 || !workerScript()) return 0;
  return Math.min(Math.floor(jobs), 16, files.length);
}

/**
 * A bundle of dist/ that a thread runs (cli.js, logReader.js): the CLI and the server bundles sit next to them;
 * the per-file test build has none, and reads on one thread.
 */
export function bundledScript(name: string): string | undefined {
  const path = join(__dirname, name);
  return existsSync(path) ? path : undefined;
}

const workerScript = (): string | undefined => bundledScript('cli.js');

/** Reads `files` in `count` workers into `aggregator`; problems and stats are added to the given ones. */
export async function readInWorkers(
  files: readonly LogFile[],
  count: number,
  filter: GenerateFilter,
  aggregator: GenerateAggregator,
  problems: ReadProblem[],
  stats: ReadStats,
  onFile?: (path: string, index: number, total: number) => void,
): Promise<void> {
  const script = workerScript()!;
  let next = 0;
  const runOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new (workerThreads().Worker)(script, { argv: ['generate'], workerData: { [WORKER_FLAG]: true, filter } });
      let finished = false;
      const handOut = (): void => {
        if (next < files.length) {
          const i = next++;
          try {
            onFile?.(files[i]!.path, i, files.length);
          } catch (err) {
            void worker.terminate();
            reject(err);
            return;
          }
          worker.postMessage({ file: files[i]!.path } satisfies ToWorker);
        } else worker.postMessage({ finish: true } satisfies ToWorker);
      };
      worker.on('message', (m: FromWorker) => {
        if ('done' in m) {
          if (m.problem !== undefined) problems.push({ path: m.done, message: m.problem });
          handOut();
        } else {
          aggregator.merge(m.state);
          stats.records += m.stats.records;
          stats.badRecords += m.stats.badRecords;
          stats.bytes += m.stats.bytes;
          stats.skipped += m.stats.skipped;
          finished = true;
          void worker.terminate().then(() => resolve());
        }
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (!finished) reject(new Error('a log-reading worker stopped unexpectedly'));
      });
      handOut();
    });
  await Promise.all(Array.from({ length: count }, runOne));
}

/** True in a worker started by readInWorkers (the CLI entry then serves files instead of parsing flags). */
export function isGenerateWorker(): boolean {
  const { isMainThread, workerData } = workerThreads();
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: read each file handed over, then post the aggregated state. */
export function serveAsWorker(catalog: IamCatalog): Promise<number> {
  const { parentPort, workerData } = workerThreads();
  const filter = (workerData as { filter: GenerateFilter }).filter;
  const aggregator = new GenerateAggregator(catalog, filter);
  const stats: ReadStats = { records: 0, badRecords: 0, bytes: 0, skipped: 0 };
  const add = (r: unknown): void => aggregator.add(r);
  return new Promise((resolve) => {
    parentPort!.on('message', (m: ToWorker) => {
      if ('file' in m) {
        readLogFile(m.file, add, stats, filter.principal).then(
          () => parentPort!.postMessage({ done: m.file } satisfies FromWorker),
          (err: unknown) => parentPort!.postMessage({ done: m.file, problem: err instanceof Error ? err.message : String(err) } satisfies FromWorker),
        );
      } else {
        parentPort!.postMessage({ state: aggregator.state(), stats } satisfies FromWorker);
        resolve(0);
      }
    });
  });
}
