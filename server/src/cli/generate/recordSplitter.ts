// Splits a CloudTrail log byte stream into the text of its records without holding the file: a byte-level
// scanner follows strings and nesting just enough to find where each element of the top-level "Records"
// array (delivered logs), "Events" array (`aws cloudtrail lookup-events` output) or a top-level array
// begins and ends; JSON.parse (native, fast) then parses each record on its own. Memory: one record plus one
// chunk. It does not validate JSON between records (JSON.parse validates each record).
//
// Why not a streaming JSON library (e.g. @streamparser/json, MIT): those tokenize every character in
// JavaScript and build values themselves, several times slower than finding boundaries with Buffer.indexOf
// inside strings and letting JSON.parse build the objects; the 1 GB-of-gzip bench target needs the latter.

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

  constructor(private readonly onRecord: (text: string, kind: ArrayKind) => void) {}

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
    for (; i < n; i++) {
      if (this.inString) {
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
        this.inString = false;
        if (this.depth === 1 && this.mode === 'seek') this.endKey(chunk, q);
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) {
        this.inString = true;
        this.carryEscape = false;
        if (this.depth === 1 && this.mode === 'seek') {
          this.keyStart = i + 1;
          this.keyParts = [];
        }
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (this.mode === 'array' && this.depth === this.arrayDepth && c === OPEN_OBJ) this.recordStart = i;
        this.depth++;
        if (this.mode === 'seek' && c === OPEN_ARR) {
          if (this.depth === 1) this.startArray('array');
          else if (this.depth === 2 && (this.lastKey === 'Records' || this.lastKey === 'Events')) this.startArray(this.lastKey);
        }
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        this.depth--;
        if (this.mode === 'array') {
          if (this.depth === this.arrayDepth && this.recordStart >= 0) this.emit(chunk, i + 1);
          else if (this.depth < this.arrayDepth) this.mode = this.depth === 0 ? 'done' : 'seek';
        }
        if (this.depth < 0) throw new LogFormatError('unbalanced brackets');
      }
    }
    if (this.inString && this.keyStart >= 0 && this.depth === 1 && this.mode === 'seek') {
      if (this.keyParts.join('').length < 64) this.keyParts.push(chunk.toString('latin1', this.keyStart, n));
      this.keyStart = 0;
    }
    if (this.recordStart >= 0) {
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

  private endKey(chunk: Buffer, q: number): void {
    const start = Math.max(this.keyStart, 0);
    this.lastKey = this.keyParts.length ? this.keyParts.join('') + chunk.toString('latin1', start, q) : q - start < 64 ? chunk.toString('latin1', start, q) : '';
    this.keyParts = [];
    this.keyStart = -1;
  }

  private emit(chunk: Buffer, end: number): void {
    let text: string;
    if (this.pieces.length === 0) text = chunk.toString('utf8', this.recordStart, end);
    else {
      this.pieces.push(chunk.subarray(0, end));
      text = Buffer.concat(this.pieces).toString('utf8');
      this.pieces = [];
      this.pendingBytes = 0;
    }
    this.recordStart = -1;
    this.count++;
    this.onRecord(text, this.kind);
  }
}
