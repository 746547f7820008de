// The worker-thread side of pool.ts: dist/cli.js started as a worker (workerData.kind === WORKER_TAG) loads the
// catalog and the service once, then checks the batches of files the main thread posts and posts back their
// outcomes (fileJob.ts). It prints nothing itself: the main thread replays every line in input order.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadNodeCatalog } from '../../runtime/bundledCatalog';
import { createFileJobContext, runFileJob, type CheckRequest, type FileOutcome, type InputFile } from './fileJob';

export const WORKER_TAG = 'iam-policy-check/check-worker';

export interface WorkerSetup {
  readonly kind: typeof WORKER_TAG;
  readonly request: CheckRequest;
  readonly tool: string;
}

export type ToWorker = { readonly batch: readonly { readonly index: number; readonly file: InputFile }[] } | { readonly stop: true };
export type FromWorker = { readonly outcomes: readonly (readonly [number, FileOutcome])[] } | { readonly fatal: string };

export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.kind === WORKER_TAG;
}

/** The worker's loop; `dir` is the folder of dist/cli.js (the catalog next to it). */
export function runCheckWorker(dir: string): void {
  const port = parentPort!;
  const setup = workerData as WorkerSetup;
  let ctx: ReturnType<typeof createFileJobContext>;
  try {
    ctx = createFileJobContext(setup.request, loadNodeCatalog(dir, setup.request.iamData), setup.tool);
  } catch (err) {
    port.postMessage({ fatal: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
    return;
  }
  port.on('message', (m: ToWorker) => {
    if ('stop' in m) return void port.close();
    port.postMessage({ outcomes: m.batch.map(({ index, file }) => [index, runFileJob(ctx, file)] as const) } satisfies FromWorker);
  });
}
