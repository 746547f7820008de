// Reads CloudTrail logs for `generate` on one thread: files (.json, .json.gz), folders (an AWSLogs/ tree,
// walked in name order, digest files skipped) and lookup-events output, streamed by logStream.ts so memory
// does not grow with the size of the logs; record texts become records here (RecordTextReader, also used
// behind the reader thread). A damaged file is reported by name; the records read before the damage and every
// other file are kept.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PrincipalFilter } from '../../service/generate';
import { RecordSplitter, type ArrayKind } from './recordSplitter';
import { KEEP_FIELDS, pumpLogFile } from './logStream';

export interface LogFile {
  readonly path: string;
  readonly size: number;
}

export interface ReadProblem {
  readonly path: string;
  readonly message: string;
}

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
 * Turns the text of each record of one file into a record for `onRecord`: the --principal prefilter, JSON.parse,
 * lookup-events entries unwrapped from their CloudTrailEvent string, invalid records counted. Used on the
 * thread that folds records, whichever thread split them.
 */
export class RecordTextReader {
  private bad = 0;
  private firstBad = '';
  private readonly lacks: ((text: string) => boolean) | undefined;

  constructor(
    private readonly onRecord: (record: unknown) => void,
    private readonly stats: ReadStats,
    principal: string | undefined,
  ) {
    this.lacks = principalPrefilter(principal);
  }

  read(text: string, kind: ArrayKind): void {
    // --principal: a record whose text does not even contain the ARN cannot be that principal's call; skipping
    // it before JSON.parse is the largest saving on logs shared by many principals (lookup-events entries
    // hold the ARN inside an escaped string, which still contains it verbatim)
    // (a writer that escapes "/" as "\/" would hide it: such records are parsed)
    if (this.lacks !== undefined && this.lacks(text) && !text.includes('\\/')) {
      this.stats.records++;
      this.stats.skipped++;
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
      this.bad++;
      if (!this.firstBad) this.firstBad = (err as Error).message;
      return;
    }
    this.stats.records++;
    this.onRecord(value);
  }

  /** Ends the file: adds its invalid records to the stats; the file's problem when it had some. */
  finish(): string | undefined {
    this.stats.badRecords += this.bad;
    const problem = this.bad > 0 ? `${this.bad} record${this.bad === 1 ? '' : 's'} with invalid JSON skipped (first: ${this.firstBad}); the other records were kept` : undefined;
    this.bad = 0;
    this.firstBad = '';
    return problem;
  }
}

/**
 * Streams one file and calls `onRecord` with every parsed CloudTrail record (lookup-events entries are
 * unwrapped from their CloudTrailEvent string). Rejects with a ReadProblem-style message on damage; the
 * records delivered before it stand.
 */
export async function readLogFile(path: string, onRecord: (record: unknown) => void, stats: ReadStats, principal?: string): Promise<void> {
  const reader = new RecordTextReader(onRecord, stats, principal);
  const splitter = new RecordSplitter((text, kind) => reader.read(text, kind), { keep: KEEP_FIELDS });
  let problem: string | undefined;
  try {
    await pumpLogFile(path, splitter, stats);
  } finally {
    problem = reader.finish();
  }
  if (problem !== undefined) throw new Error(problem);
}
