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
// Given the tree of record fields the caller reads (`keep`), the splitter overwrites every other member of a
// record, at any depth it names (userAgent, tlsDetails, additionalEventData, ids, most of userIdentity...), with
// spaces in the chunk it already holds, with one adjacent comma, so JSON.parse skips them as whitespace instead
// of building them. A record that spans two chunks is left whole from the boundary on.

import type { RecordFieldTree } from '../../service/generate/recordFields';

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
/** bytes of a string looked at in JavaScript before Buffer#indexOf takes over */
const STRING_SCAN = 256;

/** TypedArray fill, a builtin: Buffer#fill goes through argument checks in JavaScript first. */
const fillBytes = Uint8Array.prototype.fill;

/**
 * Decides whether a record field is kept, from the key's bytes (no string is made per key). A key written with
 * an escape sequence is always kept whole: its bytes do not spell its name.
 */
export class FieldMatcher {
  /** kept names by byte length, with the matcher for their object value (undefined: kept whole) */
  private readonly byLength: { readonly name: Uint8Array; readonly inner: FieldMatcher | undefined }[][] = [];

  constructor(tree: RecordFieldTree) {
    for (const [name, sub] of Object.entries(tree)) {
      const bytes = Buffer.from(name, 'utf8');
      (this.byLength[bytes.length] ??= []).push({ name: bytes, inner: sub === true ? undefined : new FieldMatcher(sub) });
    }
  }

  /** For the key in `chunk[start, end)`: DROP, WHOLE, or the matcher of the kept key's object value. */
  match(chunk: Uint8Array, start: number, end: number): FieldMatcher | typeof DROP | typeof WHOLE {
    const candidates = this.byLength[end - start];
    if (candidates !== undefined) {
      next: for (let c = 0; c < candidates.length; c++) {
        const { name, inner } = candidates[c]!;
        for (let k = name.length - 1; k >= 0; k--) if (name[k] !== chunk[start + k]) continue next;
        return inner ?? WHOLE;
      }
    }
    // not a kept name as written; an escaped key may still spell one
    for (let k = start; k < end; k++) if (chunk[k] === BACKSLASH) return WHOLE;
    return DROP;
  }
}

/** match(): the field is blanked */
export const DROP = 0;
/** match(): the field is kept as it is */
export const WHOLE = 1;

/** Nested objects whose fields are being blanked at once: record, userIdentity, sessionContext, sessionIssuer. */
const MAX_LEVELS = 16;

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

  // Blanking the unkept members of the current record (see the header), one level per object being blanked
  // (the record, then e.g. its userIdentity). Positions are in the current chunk.
  /** the innermost level, -1 when nothing is blanked (no matcher, lookup-events, or a record spanning chunks) */
  private level = -1;
  /** the depth of the members of the innermost level (-1: none), compared on every quote, comma and bracket */
  private memberDepth = -1;
  private readonly lvDepth = new Int32Array(MAX_LEVELS);
  private readonly lvMatcher: (FieldMatcher | undefined)[] = new Array<FieldMatcher | undefined>(MAX_LEVELS);
  /** where the current member's key begins (its opening quote), -1 before the first member */
  private readonly lvMemberStart = new Int32Array(MAX_LEVELS);
  /** the comma that ended the previous member, -1 for the first */
  private readonly lvPrevComma = new Int32Array(MAX_LEVELS);
  /** the next string at member depth is a key (after the object's `{` or a `,`) */
  private readonly lvExpectKey = new Uint8Array(MAX_LEVELS);
  private readonly lvKept = new Uint8Array(MAX_LEVELS);
  /** some member was kept (an unkept member then takes its preceding comma with it) */
  private readonly lvKeptAny = new Uint8Array(MAX_LEVELS);
  /** the matcher for the current member's value when it is an object whose fields are picked */
  private readonly lvInner: (FieldMatcher | undefined)[] = new Array<FieldMatcher | undefined>(MAX_LEVELS);

  private readonly keep: FieldMatcher | undefined;
  private readonly onBytes: RecordBytesSink | undefined;

  /**
   * `onRecord` gets each record's text; with `options.bytes` the record's bytes go there instead, undecoded
   * (the log-reader thread hands them on). `options.keep`: the fields to keep (the others are blanked).
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
        // strings in a log are short (names, ARNs, ids): a byte loop here is cheaper than Buffer#indexOf, whose
        // JavaScript argument handling alone costs about as much as looking at a few hundred bytes
        const stop = n - i > STRING_SCAN ? i + STRING_SCAN : n;
        let k = i;
        while (k < stop && chunk[k] !== QUOTE) k++;
        const q = k < stop ? k : stop < n ? chunk.indexOf(QUOTE, stop) : -1;
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
        else if (depth === this.memberDepth && this.lvExpectKey[this.level] === 1) this.keyEnds(chunk, q);
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) {
        inString = true;
        this.carryEscape = false;
        if (depth === 1 && this.mode === 'seek') {
          this.keyStart = i + 1;
          this.keyParts = [];
        } else if (depth === this.memberDepth && this.lvExpectKey[this.level] === 1) this.lvMemberStart[this.level] = i;
      } else if (c === COMMA) {
        if (depth === this.memberDepth) {
          const l = this.level;
          this.endMember(chunk, i, true);
          this.lvPrevComma[l] = i;
          this.lvExpectKey[l] = 1;
        }
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (this.mode === 'array' && depth === this.arrayDepth && c === OPEN_OBJ) {
          this.recordStart = i;
          if (this.keep !== undefined && this.kind !== 'Events') this.enterObject(this.keep, depth + 1);
        } else if (depth === this.memberDepth && c === OPEN_OBJ && this.lvInner[this.level] !== undefined && this.level + 1 < MAX_LEVELS) {
          this.enterObject(this.lvInner[this.level]!, depth + 1);
        }
        depth++;
        if (this.mode === 'seek' && c === OPEN_ARR) {
          this.depth = depth;
          if (depth === 1) this.startArray('array');
          else if (depth === 2 && (this.lastKey === 'Records' || this.lastKey === 'Events')) this.startArray(this.lastKey);
        }
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        depth--;
        if (depth === this.memberDepth - 1) this.leaveObject(chunk, i);
        if (this.mode === 'array') {
          if (depth === this.arrayDepth && this.recordStart >= 0) this.emit(chunk, i + 1);
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
      this.level = -1;
      this.memberDepth = -1;
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

  /** Starts blanking the members of an object (a record, or a kept member's object value) at `depth`. */
  private enterObject(matcher: FieldMatcher, depth: number): void {
    const l = ++this.level;
    this.lvDepth[l] = depth;
    this.lvMatcher[l] = matcher;
    this.lvMemberStart[l] = -1;
    this.lvPrevComma[l] = -1;
    this.lvExpectKey[l] = 1;
    this.lvKept[l] = 1;
    this.lvKeptAny[l] = 0;
    this.lvInner[l] = undefined;
    this.memberDepth = depth;
  }

  /** The object of the innermost level closes at `end` (its `}`). */
  private leaveObject(chunk: Buffer, end: number): void {
    this.endMember(chunk, end, false);
    const l = --this.level;
    this.memberDepth = l >= 0 ? this.lvDepth[l]! : -1;
  }

  /** A key of the innermost level ends at `q`: is its member kept, and are its value's fields picked? */
  private keyEnds(chunk: Buffer, q: number): void {
    const l = this.level;
    const start = this.lvMemberStart[l]!;
    const m = start < 0 ? WHOLE : this.lvMatcher[l]!.match(chunk, start + 1, q);
    this.lvKept[l] = m === DROP ? 0 : 1;
    this.lvInner[l] = m === DROP || m === WHOLE ? undefined : m;
    this.lvExpectKey[l] = 0;
  }

  /**
   * The innermost level's current member ends at `end` (its `,` or the object's `}`). An unkept one becomes
   * spaces together with one comma next to it, so the members left are still separated by single commas: the
   * comma before it when a member was kept earlier, else the comma after it (when there is one).
   */
  private endMember(chunk: Buffer, end: number, atComma: boolean): void {
    const l = this.level;
    const start = this.lvMemberStart[l]!;
    if (start < 0) return;
    if (this.lvKept[l] === 1) this.lvKeptAny[l] = 1;
    else if (this.lvKeptAny[l] === 1) fillBytes.call(chunk, SPACE, this.lvPrevComma[l]!, end);
    else fillBytes.call(chunk, SPACE, start, atComma ? end + 1 : end);
    this.lvMemberStart[l] = -1;
    this.lvInner[l] = undefined;
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
