// Splits a CloudTrail log byte stream into the text of its records without holding the file: a byte-level
// scanner follows strings and nesting just enough to find where each element of the top-level "Records"
// array (delivered logs), "Events" array (`aws cloudtrail lookup-events` output) or a top-level array
// begins and ends; JSON.parse (native, fast) then parses each record on its own. Memory: one record plus one
// chunk. It does not validate JSON between records (JSON.parse validates each record).
//
// Why not a streaming JSON library (e.g. @streamparser/json, MIT): those tokenize every character in
// JavaScript and build values themselves, several times slower than finding boundaries with Buffer.indexOf
// inside strings and letting JSON.parse build the objects; the 1 GB-of-gzip bench target needs the latter.
//
// Given the set of top-level record fields the caller reads (`keep`), the splitter overwrites every other
// member of a record (userAgent, tlsDetails, additionalEventData, ids...) with spaces in the chunk it already
// holds, with one adjacent comma, so JSON.parse skips them as whitespace instead of building them: about a
// third of a delivered record's bytes. A record that spans two chunks is left whole from the boundary on.

export type ArrayKind = 'Records' | 'Events' | 'array';

export class LogFormatError extends Error {}

/** A single record larger than this is refused (CloudTrail events are at most 256 KB). */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COMMA = 0x2c;
const SPACE = 0x20;

/** TypedArray fill, a builtin: Buffer#fill goes through argument checks in JavaScript first. */
const fillBytes = Uint8Array.prototype.fill;

/**
 * Decides whether a top-level record field is kept, from the key's bytes (no string is made per key). A key
 * written with an escape sequence is always kept: its bytes do not spell its name.
 */
export class FieldMatcher {
  /** wanted names by byte length */
  private readonly byLength: Uint8Array[][] = [];

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const bytes = Buffer.from(name, 'utf8');
      (this.byLength[bytes.length] ??= []).push(bytes);
    }
  }

  keeps(chunk: Uint8Array, start: number, end: number): boolean {
    const candidates = this.byLength[end - start];
    if (candidates !== undefined) {
      next: for (let c = 0; c < candidates.length; c++) {
        const name = candidates[c]!;
        for (let k = name.length - 1; k >= 0; k--) if (name[k] !== chunk[start + k]) continue next;
        return true;
      }
    }
    // not a kept name as written; an escaped key may still spell one
    for (let k = start; k < end; k++) if (chunk[k] === BACKSLASH) return true;
    return false;
  }
}

/**
 * Receives a record as bytes `buf[start, end)`: `buf` is the chunk given to push(), or a buffer of its own when
 * the record began in an earlier chunk (`joined`).
 */
export type RecordBytesSink = (buf: Buffer, start: number, end: number, kind: ArrayKind, joined: boolean) => void;

export class RecordSplitter {
  private depth = 0;
  private inString = false;
  /** parity of the backslashes that ended the previous chunk inside a string */
  private carryEscape = false;
  private mode: 'start' | 'seek' | 'array' | 'done' = 'start';
  private kind: ArrayKind = 'Records';
  /** depth inside the records array (elements open at this depth) */
  private arrayDepth = -1;
  private recordStart = -1;
  private pieces: Buffer[] = [];
  private pendingBytes = 0;
  /** the last string seen at depth 1 (a key of the top-level object) */
  private lastKey = '';
  private keyStart = -1;
  private keyParts: string[] = [];
  private head: Buffer | undefined;
  /** records emitted so far */
  count = 0;

  // Blanking the unkept members of the current record (see the header). Positions are in the current chunk.
  /** on for this record: a `keep` matcher was given, the record is a log record and it began in this chunk */
  private blanking = false;
  /** the next string at member depth is a key (after the record's `{` or a `,`) */
  private expectKey = false;
  /** where the current member's key begins (its opening quote), -1 before the first member */
  private memberStart = -1;
  private memberKept = true;
  /** the comma that ended the previous member, -1 for the first */
  private prevComma = -1;
  /** some member of this record was kept (an unkept member then takes its preceding comma with it) */
  private keptAny = false;

  private readonly keep: FieldMatcher | undefined;
  private readonly onBytes: RecordBytesSink | undefined;

  /**
   * `onRecord` gets each record's text; with `options.bytes` the record's bytes go there instead, undecoded
   * (the log-reader thread hands them on). `options.keep`: the top-level fields to keep (the others are blanked).
   */
  constructor(
    private readonly onRecord: (text: string, kind: ArrayKind) => void,
    options: { readonly keep?: FieldMatcher; readonly bytes?: RecordBytesSink } = {},
  ) {
    this.keep = options.keep;
    this.onBytes = options.bytes;
  }

  push(input: Buffer): void {
    let chunk = input;
    if (this.mode === 'start' && this.head) {
      chunk = Buffer.concat([this.head, input]);
      this.head = undefined;
    }
    const n = chunk.length;
    let i = 0;
    if (this.mode === 'start') {
      // a byte order mark split across chunks: wait for its three bytes
      if (chunk[0] === 0xef && n < 3) {
        this.head = chunk;
        return;
      }
      while (i < n && (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)) i++;
      if (i === n) return;
      // a UTF-8 byte order mark
      if (chunk[i] === 0xef && chunk[i + 1] === 0xbb && chunk[i + 2] === 0xbf) i += 3;
      const c = chunk[i];
      if (c !== OPEN_OBJ && c !== OPEN_ARR) throw new LogFormatError('not a JSON object or array');
      this.mode = 'seek';
    }
    if (this.recordStart < 0 && this.mode === 'array' && this.pieces.length > 0) this.recordStart = 0;
    // the state the loop touches on most bytes lives in locals (written back below)
    let depth = this.depth;
    let inString = this.inString;
    for (; i < n; i++) {
      if (inString) {
        // most strings in a log are short: a few bytes looked at here are cheaper than a native indexOf call
        let q = -1;
        const stop = Math.min(n, i + 24);
        for (let k = i; k < stop; k++) {
          if (chunk[k] === QUOTE) {
            q = k;
            break;
          }
        }
        if (q < 0 && stop < n) q = chunk.indexOf(QUOTE, stop);
        if (q < 0) {
          let bs = 0;
          let j = n - 1;
          while (j >= i && chunk[j] === BACKSLASH) {
            bs++;
            j--;
          }
          this.carryEscape = j < i ? (this.carryEscape ? bs + 1 : bs) % 2 === 1 : bs % 2 === 1;
          break;
        }
        let bs = 0;
        let j = q - 1;
        while (j >= i && chunk[j] === BACKSLASH) {
          bs++;
          j--;
        }
        if (j < i && this.carryEscape) bs++;
        this.carryEscape = false;
        i = q;
        if (bs % 2 === 1) continue;
        inString = false;
        if (depth === 1 && this.mode === 'seek') this.endKey(chunk, q);
        else if (this.blanking && this.expectKey && depth === this.arrayDepth + 1) {
          this.memberKept = this.memberStart < 0 || this.keep!.keeps(chunk, this.memberStart + 1, q);
          this.expectKey = false;
        }
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) {
        inString = true;
        this.carryEscape = false;
        if (depth === 1 && this.mode === 'seek') {
          this.keyStart = i + 1;
          this.keyParts = [];
        } else if (this.blanking && this.expectKey && depth === this.arrayDepth + 1) this.memberStart = i;
      } else if (c === COMMA) {
        if (this.blanking && depth === this.arrayDepth + 1) {
          this.endMember(chunk, i, true);
          this.prevComma = i;
          this.expectKey = true;
        }
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (this.mode === 'array' && depth === this.arrayDepth && c === OPEN_OBJ) {
          this.recordStart = i;
          if (this.keep !== undefined && this.kind !== 'Events') this.startMembers();
        }
        depth++;
        if (this.mode === 'seek' && c === OPEN_ARR) {
          this.depth = depth;
          if (depth === 1) this.startArray('array');
          else if (depth === 2 && (this.lastKey === 'Records' || this.lastKey === 'Events')) this.startArray(this.lastKey);
        }
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        depth--;
        if (this.mode === 'array') {
          if (depth === this.arrayDepth && this.recordStart >= 0) {
            if (this.blanking) this.endMember(chunk, i, false);
            this.blanking = false;
            this.emit(chunk, i + 1);
          }
          else if (depth < this.arrayDepth) this.mode = depth === 0 ? 'done' : 'seek';
        }
        if (depth < 0) throw new LogFormatError('unbalanced brackets');
      }
    }
    this.depth = depth;
    this.inString = inString;
    if (this.inString && this.keyStart >= 0 && this.depth === 1 && this.mode === 'seek') {
      if (this.keyParts.join('').length < 64) this.keyParts.push(chunk.toString('latin1', this.keyStart, n));
      this.keyStart = 0;
    }
    if (this.recordStart >= 0) {
      // the record goes on in the next chunk: what was blanked here stays valid, the rest is kept whole
      this.blanking = false;
      const piece = chunk.subarray(this.recordStart);
      this.pieces.push(piece);
      this.pendingBytes += piece.length;
      this.recordStart = -1;
      if (this.pendingBytes > MAX_RECORD_BYTES) throw new LogFormatError(`a record is larger than ${MAX_RECORD_BYTES} bytes`);
    }
  }

  /** Call at the end of input: throws when the JSON stopped in the middle (a truncated file). */
  end(): void {
    if (this.mode === 'start') throw new LogFormatError('empty file');
    if (this.inString || this.depth !== 0) {
      throw new LogFormatError(`truncated JSON: the file ends inside ${this.mode === 'array' ? `the ${this.kind} array (after ${this.count} complete records)` : 'the document'}`);
    }
    if (this.count === 0 && this.arrayDepth < 0) throw new LogFormatError('no "Records" or "Events" array: not a CloudTrail log file or lookup-events output');
  }

  private startArray(kind: ArrayKind): void {
    this.mode = 'array';
    this.kind = kind;
    this.arrayDepth = this.depth;
  }

  private startMembers(): void {
    this.blanking = true;
    this.expectKey = true;
    this.memberStart = -1;
    this.memberKept = true;
    this.prevComma = -1;
    this.keptAny = false;
  }

  /**
   * The member that began at memberStart ends at `end` (its `,` or the record's `}`). An unkept one becomes
   * spaces together with one comma next to it, so the members left are still separated by single commas: the
   * comma before it when a member was kept earlier, else the comma after it (when there is one).
   */
  private endMember(chunk: Buffer, end: number, atComma: boolean): void {
    if (this.memberStart < 0) return;
    if (this.memberKept) this.keptAny = true;
    else if (this.keptAny) fillBytes.call(chunk, SPACE, this.prevComma, end);
    else fillBytes.call(chunk, SPACE, this.memberStart, atComma ? end + 1 : end);
    this.memberStart = -1;
  }

  private endKey(chunk: Buffer, q: number): void {
    const start = Math.max(this.keyStart, 0);
    this.lastKey = this.keyParts.length ? this.keyParts.join('') + chunk.toString('latin1', start, q) : q - start < 64 ? chunk.toString('latin1', start, q) : '';
    this.keyParts = [];
    this.keyStart = -1;
  }

  private emit(chunk: Buffer, end: number): void {
    let buf = chunk;
    let start = this.recordStart;
    const joined = this.pieces.length > 0;
    if (joined) {
      this.pieces.push(chunk.subarray(0, end));
      buf = Buffer.concat(this.pieces);
      start = 0;
      end = buf.length;
      this.pieces = [];
      this.pendingBytes = 0;
    }
    this.recordStart = -1;
    this.count++;
    if (this.onBytes !== undefined) this.onBytes(buf, start, end, this.kind, joined);
    else this.onRecord(buf.toString('utf8', start, end), this.kind);
  }
}
