// Runs a check over many files on several threads: the main thread and `threads - 1` worker threads (worker.ts,
// started from dist/cli.js itself) take small batches of files from one queue, so a slow file holds up only its
// batch; outcomes are handed to `emit` strictly in input order (a reorder buffer), so the report, the stderr lines
// and the exit status are the same whatever the number of threads. A worker that fails gives its batch back to
// the queue and is not used again. IAM_POLICY_CHECK_THREAD_STATS=1 prints how many files each thread checked
// (tests use it to see that a worker really took part; it never changes the report).

import { Worker } from 'node:worker_threads';
import type { FileOutcome, InputFile } from './fileJob';
import { WORKER_TAG, type FromWorker, type ToWorker, type WorkerSetup } from './worker';

/** files per batch: small enough to balance uneven files, large enough that messages cost nothing */
const BATCH = 8;

export async function checkInParallel(
  inputs: readonly InputFile[],
  threads: number,
  setup: Omit<WorkerSetup, 'kind'>,
  local: (file: InputFile) => FileOutcome,
  emit: (outcome: FileOutcome, index: number) => void,
  script: string,
): Promise<void> {
  const pending: number[][] = [];
  for (let i = 0; i < inputs.length; i += BATCH) pending.push(Array.from({ length: Math.min(BATCH, inputs.length - i) }, (_, k) => i + k));
  const done = new Map<number, FileOutcome>();
  let next = 0;
  const flush = (): void => {
    for (let o = done.get(next); o !== undefined; o = done.get(next)) {
      done.delete(next);
      emit(o, next++);
    }
  };
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const workers: Worker[] = [];
  const checkedBy: number[] = Array.from({ length: threads }, () => 0);
  for (let t = 1; t < threads; t++) {
    const worker = new Worker(script, { workerData: { kind: WORKER_TAG, ...setup } satisfies WorkerSetup });
    workers.push(worker);
    let inFlight: number[] | undefined;
    let dead = false;
    const feed = (): void => {
      inFlight = pending.shift();
      worker.postMessage((inFlight ? { batch: inFlight.map((i) => ({ index: i, file: inputs[i]! })) } : { stop: true }) satisfies ToWorker);
    };
    const fail = (): void => {
      if (dead) return;
      dead = true;
      // its batch goes back to the queue: the main thread (or another worker) checks it
      if (inFlight) pending.unshift(inFlight.filter((i) => !done.has(i) && i >= next));
      inFlight = undefined;
      signal();
    };
    worker.on('message', (m: FromWorker) => {
      if ('fatal' in m) return void (fail(), void worker.terminate());
      for (const [i, outcome] of m.outcomes) done.set(i, outcome);
      checkedBy[t]! += m.outcomes.length;
      flush();
      feed();
      signal();
    });
    worker.on('error', fail);
    worker.on('exit', fail);
    feed();
  }

  try {
    while (next < inputs.length) {
      const batch = pending.shift();
      if (batch) {
        for (const i of batch) done.set(i, local(inputs[i]!));
        checkedBy[0]! += batch.length;
        flush();
        // let the workers' finished batches in, and hand them new ones
        await new Promise<void>((r) => setImmediate(r));
      } else {
        await new Promise<void>((r) => {
          wake = r;
        });
      }
    }
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
  if (process.env.IAM_POLICY_CHECK_THREAD_STATS) process.stderr.write(`threads: ${checkedBy.map((n, t) => `${t === 0 ? 'main' : `worker ${t}`} ${n}`).join(', ')} files\n`);
}
