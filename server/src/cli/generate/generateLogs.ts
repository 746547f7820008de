// Runs the whole generation over files and folders: collects the log files, streams every record into a
// GenerateAggregator and builds the result. Shared by the CLI (`iam-policy-check generate`) and the language
// server's generate request, so both read logs the same way.

import type { IamCatalog } from '../../service';
import { GenerateAggregator, generateResult, type GenerateFilter, type GenerateResult } from '../../service/generate';
import { collectLogFiles, readLogFile, type ReadProblem, type ReadStats } from './readLogs';
import { readInWorkers, workerCount } from './parallelRead';
import { readInReaderThread, readerThreadAvailable } from './readerThread';
import { availableParallelism } from 'node:os';

export interface GenerateRun {
  readonly result: GenerateResult;
  readonly aggregator: GenerateAggregator;
  readonly problems: ReadProblem[];
  readonly files: number;
  readonly stats: ReadStats;
}

export interface GenerateRunOptions {
  readonly filter?: GenerateFilter;
  readonly minimize?: boolean;
  readonly compare?: unknown;
  /**
   * --jobs: 'auto' (the default) reads through one log-reader thread when there are two or more cores and
   * enough logs to pay for starting it; N >= 2 reads whole files in N worker threads; 1 reads on this thread.
   */
  readonly jobs?: number | 'auto';
  readonly onFile?: (path: string, index: number, total: number) => void;
}

export async function generateFromLogs(catalog: IamCatalog, paths: readonly string[], options: GenerateRunOptions = {}): Promise<GenerateRun> {
  const { files, problems } = collectLogFiles(paths);
  const aggregator = new GenerateAggregator(catalog, options.filter ?? {});
  const stats: ReadStats = { records: 0, badRecords: 0, bytes: 0, skipped: 0 };
  const add = (r: unknown): void => aggregator.add(r);
  const jobs = options.jobs ?? 'auto';
  const workers = workerCount(files, jobs === 'auto' ? 1 : jobs);
  if (jobs === 'auto' && useReaderThread(files)) {
    // an error here is the thread's own failure or an onFile callback's (the server's cancellation), never a
    // log file's: those are problems
    await readInReaderThread(files, add, stats, problems, options.filter?.principal, options.onFile);
  } else if (workers > 1) {
    await readInWorkers(files, workers, options.filter ?? {}, aggregator, problems, stats, options.onFile);
    // problems arrive in completion order: report them in file order
    const order = new Map(files.map((f, i) => [f.path, i]));
    problems.sort((a, b) => (order.get(a.path) ?? -1) - (order.get(b.path) ?? -1));
  } else {
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      options.onFile?.(file.path, i, files.length);
      try {
        await readLogFile(file.path, add, stats, options.filter?.principal);
      } catch (err) {
        problems.push({ path: file.path, message: (err as Error).message });
      }
    }
  }
  if (files.length === 0 && problems.length === 0) problems.push({ path: paths.join(', '), message: 'no .json or .json.gz log files found' });
  // records the prefilter skipped were read: the report counts them
  aggregator.records += stats.skipped;
  const result = generateResult(catalog, aggregator, { minimize: options.minimize === true, compare: options.compare });
  return { result, aggregator, problems, files: files.length, stats };
}

/** Below this many bytes of log files, starting a thread (~50 ms) costs more than it saves. */
export const READER_THREAD_MIN_BYTES = 4 * 1024 * 1024;

/** --jobs auto: a reader thread needs a second core, the bundle it runs, and logs worth it. */
function useReaderThread(files: readonly { size: number }[]): boolean {
  if (availableParallelism() < 2 || !readerThreadAvailable()) return false;
  let bytes = 0;
  for (const f of files) bytes += f.size;
  return bytes >= READER_THREAD_MIN_BYTES;
}

/** Principals of the API calls in the logs, most active first (for the editor's picker and --list-principals). */
export function principalList(aggregator: GenerateAggregator): { principal: string; count: number }[] {
  return [...aggregator.principals].map(([principal, count]) => ({ principal, count })).sort((a, b) => b.count - a.count || (a.principal < b.principal ? -1 : 1));
}
