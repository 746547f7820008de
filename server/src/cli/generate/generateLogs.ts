// Runs the whole generation over files and folders: collects the log files, streams every record into a
// GenerateAggregator and builds the result. Shared by the CLI (`iam-policy-check generate`) and the language
// server's generate request, so both read logs the same way.

import type { IamCatalog } from '../../service';
import { GenerateAggregator, generateResult, type GenerateFilter, type GenerateResult } from '../../service/generate';
import { collectLogFiles, readLogFile, type ReadProblem, type ReadStats } from './readLogs';
import { readInWorkers, workerCount } from './parallelRead';

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
  /** worker threads for --jobs N (1: read in this thread) */
  readonly jobs?: number;
  readonly onFile?: (path: string, index: number, total: number) => void;
}

export async function generateFromLogs(catalog: IamCatalog, paths: readonly string[], options: GenerateRunOptions = {}): Promise<GenerateRun> {
  const { files, problems } = collectLogFiles(paths);
  const aggregator = new GenerateAggregator(catalog, options.filter ?? {});
  const stats: ReadStats = { records: 0, badRecords: 0, bytes: 0, skipped: 0 };
  const add = (r: unknown): void => aggregator.add(r);
  const workers = workerCount(files, options.jobs ?? 1);
  if (workers > 1) {
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

/** Principals of the API calls in the logs, most active first (for the editor's picker and --list-principals). */
export function principalList(aggregator: GenerateAggregator): { principal: string; count: number }[] {
  return [...aggregator.principals].map(([principal, count]) => ({ principal, count })).sort((a, b) => b.count - a.count || (a.principal < b.principal ? -1 : 1));
}
