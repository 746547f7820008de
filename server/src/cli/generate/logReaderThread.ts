// The log-reader thread's side (dist/logReader.js, started by readerThread.ts): streams the files it is given,
// one after the other, splits them into records (unkept fields blanked) and posts the record bytes in batches,
// waiting while MAX_BATCHES_IN_FLIGHT are unread (a counter shared with the main thread). Parses no record and
// loads no catalogue.

import { parentPort, workerData } from 'node:worker_threads';
import { RecordSplitter, type ArrayKind } from './recordSplitter';
import { KEEP_FIELDS, pumpLogFile } from './logStream';

export const MAX_BATCHES_IN_FLIGHT = 4;
/** a batch names its array kind by index */
export const RECORD_KINDS: readonly ArrayKind[] = ['Records', 'Events', 'array'];

export type FromReader =
  | { readonly t: 'file'; readonly index: number }
  | { readonly t: 'batch'; readonly kind: number; readonly body: Uint8Array; readonly offsets: Int32Array }
  | { readonly t: 'end'; readonly index: number; readonly problem?: string }
  | { readonly t: 'done'; readonly bytes: number };

/** The reader side: split every file into batches of record bytes, file by file, then say how much was read. */
export async function runLogReaderThread(): Promise<void> {
  const port = parentPort!;
  const data = workerData as { files: string[]; inFlight: SharedArrayBuffer };
  const paths = data.files;
  // batches posted and not yet read: the main thread counts down
  const inFlight = new Int32Array(data.inFlight);
  const stats = { bytes: 0 };
  for (let index = 0; index < paths.length; index++) {
    port.postMessage({ t: 'file', index } satisfies FromReader);
    const batch = new BatchBuilder();
    const splitter = new RecordSplitter(() => {}, { keep: KEEP_FIELDS, bytes: (buf, start, end, kind, joined) => batch.add(buf, start, end, kind, joined) });
    const flush = (): void => {
      if (batch.count === 0) return;
      const { kind, body, offsets } = batch.take();
      port.postMessage({ t: 'batch', kind, body, offsets } satisfies FromReader, [body.buffer as ArrayBuffer, offsets.buffer as ArrayBuffer]);
      Atomics.add(inFlight, 0, 1);
      // this thread has nothing else to do while the main thread catches up: block (zlib's pending output
      // waits in its queue); the timeout lets a terminate() from the main thread through
      let n: number;
      while ((n = Atomics.load(inFlight, 0)) >= MAX_BATCHES_IN_FLIGHT) Atomics.wait(inFlight, 0, n, 50);
    };
    let problem: string | undefined;
    try {
      await pumpLogFile(paths[index]!, splitter, stats, flush);
    } catch (err) {
      problem = (err as Error).message;
    }
    // the records split before a problem stand
    flush();
    port.postMessage({ t: 'end', index, ...(problem !== undefined ? { problem } : {}) } satisfies FromReader);
  }
  port.postMessage({ t: 'done', bytes: stats.bytes } satisfies FromReader);
}

/**
 * The records split from one chunk, as one contiguous copy: records inside the chunk lie one after the other
 * (the commas between them are copied too); a record that began in an earlier chunk (at most one per chunk,
 * the first) has a buffer of its own and goes first.
 */
class BatchBuilder {
  count = 0;
  private kind: ArrayKind = 'Records';
  private joined: Buffer | undefined;
  private chunk: Buffer | undefined;
  private from = 0;
  private to = 0;
  /** start and end of each record inside `chunk` (after the joined one, if any) */
  private bounds: number[] = [];

  add(buf: Buffer, start: number, end: number, kind: ArrayKind, joined: boolean): void {
    this.kind = kind;
    this.count++;
    if (joined) {
      this.joined = buf.subarray(start, end);
      return;
    }
    if (this.chunk === undefined) {
      this.chunk = buf;
      this.from = start;
    }
    this.to = end;
    this.bounds.push(start, end);
  }

  take(): { kind: number; body: Uint8Array; offsets: Int32Array } {
    const head = this.joined?.length ?? 0;
    const body = new Uint8Array(head + (this.chunk !== undefined ? this.to - this.from : 0));
    const offsets = new Int32Array(this.count * 2);
    let k = 0;
    if (this.joined !== undefined) {
      body.set(this.joined, 0);
      offsets[k++] = 0;
      offsets[k++] = head;
    }
    if (this.chunk !== undefined) {
      body.set(this.chunk.subarray(this.from, this.to), head);
      const shift = head - this.from;
      for (const b of this.bounds) offsets[k++] = b + shift;
    }
    const kind = RECORD_KINDS.indexOf(this.kind);
    this.count = 0;
    this.joined = undefined;
    this.chunk = undefined;
    this.bounds = [];
    return { kind, body, offsets };
  }
}
