// `generate --jobs auto` on two or more cores, this thread's side: a log-reader thread (dist/logReader.js,
// logReaderThread.ts) streams the files, gunzips them (zlib's thread pool) and splits them into records; this
// thread parses each record and folds it, with the one catalogue it has loaded. The two halves cost about the
// same per record, so two cores each do one. Not used for --jobs N (whole files per worker: parallelRead.ts)
// nor without the dist/ bundle. Record bytes arrive in batches (one per decompressed chunk, about 1 MB) whose
// memory is transferred, not cloned; each is acknowledged once read (a shared counter), which lets the reader go on.

import { workerThreads } from '../../runtime/lazyBuiltins';
import { isAscii } from 'node:buffer';
import type { ArrayKind } from './recordSplitter';
import { RecordTextReader, type LogFile, type ReadProblem, type ReadStats } from './readLogs';
import { MAX_BATCHES_IN_FLIGHT, RECORD_KINDS, type FromReader } from './logReaderThread';
import { bundledScript } from './parallelRead';

const readerScript = (): string | undefined => bundledScript('logReader.js');

/** Whether the reader thread can be used here. */
export function readerThreadAvailable(): boolean {
  return readerScript() !== undefined;
}

/**
 * Reads `files` through a reader thread, calling `onRecord` on this thread for every record in file order.
 * Problems (a damaged file, invalid records) are added in file order, as the one-thread reader reports them.
 */
export function readInReaderThread(
  files: readonly LogFile[],
  onRecord: (record: unknown) => void,
  stats: ReadStats,
  problems: ReadProblem[],
  principal: string | undefined,
  onFile?: (path: string, index: number, total: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // batches read but not yet acknowledged, shared with the reader (a message per acknowledgement cost this
    // thread about 1.4 ms each)
    const inFlight = new SharedArrayBuffer(4);
    const counter = new Int32Array(inFlight);
    const worker = new (workerThreads().Worker)(readerScript()!, { workerData: { files: files.map((f) => f.path), inFlight } });
    const reader = new RecordTextReader(onRecord, stats, principal);
    let finished = false;
    const fail = (err: unknown): void => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    worker.on('message', (m: FromReader) => {
      try {
        if (m.t === 'batch') {
          readBatch(reader, m.body, m.offsets, RECORD_KINDS[m.kind]!);
          // the reader waits only while MAX_BATCHES_IN_FLIGHT are unread: wake it only then
          if (Atomics.sub(counter, 0, 1) >= MAX_BATCHES_IN_FLIGHT) Atomics.notify(counter, 0);
        } else if (m.t === 'file') onFile?.(files[m.index]!.path, m.index, files.length);
        else if (m.t === 'end') {
          const badRecords = reader.finish();
          const problem = m.problem ?? badRecords;
          if (problem !== undefined) problems.push({ path: files[m.index]!.path, message: problem });
        } else {
          stats.bytes += m.bytes;
          finished = true;
          void worker.terminate().then(() => resolve());
        }
      } catch (err) {
        fail(err);
      }
    });
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the log-reading thread stopped unexpectedly')));
  });
}

/**
 * The records of one batch. Each record is decoded on its own, as latin1 (a plain copy) when the batch is ASCII,
 * the usual case: one string for the whole batch would be cheaper to cut, but at about 1 MB it goes to V8's
 * large-object space, which only a full collection frees, and the resident memory grew by 100 MB.
 */
function readBatch(reader: RecordTextReader, body: Uint8Array, offsets: Int32Array, kind: ArrayKind): void {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
  for (let k = 0; k < offsets.length; k += 2) reader.read(bytes.toString(encoding, offsets[k], offsets[k + 1]), kind);
}
