// Reads CloudTrail logs for `generate`: files (.json, .json.gz: gzip is recognised by its magic bytes),
// folders (an AWSLogs/ tree, walked in name order, digest files skipped) and lookup-events output. Streams
// every file (gunzip in zlib's thread pool while this thread splits and parses records), so memory does not
// grow with the size of the logs. A damaged file is reported by name; the records read before the damage and
// every other file are kept.

import { createReadStream, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { PrincipalFilter } from '../../service/generate';
import { LogFormatError, RecordSplitter, type ArrayKind } from './recordSplitter';

export interface LogFile {
  readonly path: string;
  readonly size: number;
}

export interface ReadProblem {
  readonly path: string;
  readonly message: string;
}

const CHUNK = 1 << 20;

/** Log files named by the paths, in a stable order; problems for paths that cannot be read. */
export function collectLogFiles(paths: readonly string[]): { files: LogFile[]; problems: ReadProblem[] } {
  const files: LogFile[] = [];
  const problems: ReadProblem[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, message: `cannot read the folder: ${(err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      // digest files prove log integrity and hold no events; node_modules/.git are never logs
      if (e.name === 'CloudTrail-Digest' || e.name === 'node_modules' || e.name === '.git') continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.json(\.gz)?$/i.test(e.name) && !/CloudTrail-Digest/i.test(e.name)) {
        try {
          files.push({ path: p, size: statSync(p).size });
        } catch (err) {
          problems.push({ path: p, message: `cannot read: ${(err as Error).message}` });
        }
      }
    }
  };
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(err as Error).message}` });
      continue;
    }
    if (st.isDirectory()) walk(path);
    else files.push({ path, size: st.size });
  }
  return { files, problems };
}

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
 * For --principal: a test that a record's text cannot hold that principal's call (the role or user name, in any
 * case, since IAM names are case-insensitive; the whole ARN for a session ARN or anything else).
 */
function principalPrefilter(principal: string | undefined): ((text: string) => boolean) | undefined {
  if (principal === undefined) return undefined;
  const { text, caseInsensitive } = new PrincipalFilter(principal).needle;
  if (!caseInsensitive) return (t) => !t.includes(text);
  const re = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return (t) => !re.test(t);
}

export interface ReadStats {
  records: number;
  /** records whose JSON did not parse */
  badRecords: number;
  /** decompressed bytes scanned */
  bytes: number;
  /** records skipped unparsed by the principal prefilter */
  skipped: number;
}

/**
 * Streams one file and calls `onRecord` with every parsed CloudTrail record (lookup-events entries are
 * unwrapped from their CloudTrailEvent string). Rejects with a ReadProblem-style message on damage; the
 * records delivered before it stand.
 */
export async function readLogFile(path: string, onRecord: (record: unknown) => void, stats: ReadStats, principal?: string): Promise<void> {
  const lacks = principalPrefilter(principal);
  let badInFile = 0;
  let firstBad = '';
  const splitter = new RecordSplitter((text: string, kind: ArrayKind) => {
    // --principal: a record whose text does not even contain the ARN cannot be that principal's call; skipping
    // it before JSON.parse is the largest saving on logs shared by many principals (lookup-events entries
    // hold the ARN inside an escaped string, which still contains it verbatim)
    // (a writer that escapes "/" as "\/" would hide it: such records are parsed)
    if (lacks !== undefined && lacks(text) && !text.includes('\\/')) {
      stats.records++;
      stats.skipped++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
      if (kind === 'Events') {
        const inner = (value as { CloudTrailEvent?: unknown }).CloudTrailEvent;
        value = typeof inner === 'string' ? JSON.parse(inner) : value;
      }
    } catch (err) {
      badInFile++;
      if (!firstBad) firstBad = (err as Error).message;
      return;
    }
    stats.records++;
    onRecord(value);
  });
  const gz = isGzip(path);
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  const source: Readable = gz ? (pipeline(raw, createGunzip({ chunkSize: CHUNK }), () => {}) as unknown as Readable) : raw;
  try {
    for await (const chunk of source) {
      stats.bytes += (chunk as Buffer).length;
      splitter.push(chunk as Buffer);
    }
    splitter.end();
  } catch (err) {
    raw.destroy();
    const e = err as NodeJS.ErrnoException;
    if (err instanceof LogFormatError) throw new Error(`${err.message}`);
    if (gz && e.code?.startsWith('Z_')) {
      throw new Error(`damaged gzip data (${e.code ?? 'zlib error'}: ${e.message}) after ${splitter.count} records; the records before were kept`);
    }
    throw new Error(`cannot read: ${e.message}`);
  } finally {
    stats.badRecords += badInFile;
  }
  if (badInFile > 0) throw new Error(`${badInFile} record${badInFile === 1 ? '' : 's'} with invalid JSON skipped (first: ${firstBad}); the other records were kept`);
}
