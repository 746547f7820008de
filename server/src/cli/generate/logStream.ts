// Streams one CloudTrail log file into a RecordSplitter: gzip is recognised by its magic bytes and inflated
// in zlib's thread pool while the calling thread splits records; errors become messages that name the damage.
// Imports nothing of the service beyond the record field list, so the log-reader thread's bundle stays small.

import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { zlib } from '../../runtime/lazyBuiltins';
import { RECORD_FIELDS } from '../../service/generate/recordFields';
import { FieldMatcher, LogFormatError, type RecordSplitter } from './recordSplitter';

const CHUNK = 1 << 20;

/** the record fields generation reads: the splitter blanks the others before JSON.parse */
export const KEEP_FIELDS = new FieldMatcher(RECORD_FIELDS);

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams one file (gunzipped in zlib's thread pool when it is gzip) into `splitter`, calling `afterChunk` after
 * each chunk (the log-reader thread hands on the chunk's records there). Adds the decompressed bytes to `stats`;
 * rejects with a message that names the damage (the records split before it stand).
 */
export async function pumpLogFile(path: string, splitter: RecordSplitter, stats: { bytes: number }, afterChunk?: () => void): Promise<void> {
  const gz = isGzip(path);
  let raw: ReturnType<typeof createReadStream> | undefined;
  try {
    raw = createReadStream(path, { highWaterMark: CHUNK });
    const source: Readable = gz ? (pipeline(raw, zlib().createGunzip({ chunkSize: CHUNK }), () => {}) as unknown as Readable) : raw;
    for await (const chunk of source) {
      stats.bytes += (chunk as Buffer).length;
      splitter.push(chunk as Buffer);
      afterChunk?.();
    }
    splitter.end();
  } catch (err) {
    raw?.destroy();
    const e = err as NodeJS.ErrnoException;
    if (err instanceof LogFormatError) throw new Error(`${err.message}`);
    if (gz && e.code?.startsWith('Z_')) {
      throw new Error(`damaged gzip data (${e.code ?? 'zlib error'}: ${e.message}) after ${splitter.count} records; the records before were kept`);
    }
    throw new Error(`cannot read: ${e.message}`);
  }
}
