// Whether a string is pure ASCII, settled at memory speed: TextEncoder.encodeInto (a web and Node global)
// copies ASCII natively, where a regex or a character loop over a 10 KB policy costs 10-20 us. It only
// answers yes or no; callers that need more (where a non-ASCII character is) scan for themselves, with the
// character-code tests below.

// declared here because the service is compiled without DOM or Node typings
declare const TextEncoder: (new () => { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } }) | undefined;

const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;
/** reused between calls; texts over a megabyte get a buffer of their own instead of a lasting one */
let scratch = new Uint8Array(16 * 1024);
const MAX_KEPT = 1024 * 1024;
const NON_ASCII = /[^\u0000-\u007f]/;

export function isAscii(text: string): boolean {
  if (!encoder) return !NON_ASCII.test(text);
  let buffer = scratch;
  if (buffer.length < text.length) {
    buffer = new Uint8Array(text.length);
    if (text.length <= MAX_KEPT) scratch = buffer;
  }
  // ASCII encodes one byte per character; anything else takes more bytes than the text has characters
  // (a lone surrogate becomes a 3-byte U+FFFD), so it either overflows the text's length or stops early
  const { read, written } = encoder.encodeInto(text, buffer);
  return read === text.length && written === text.length;
}

/** a character code of 0-9 */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** a character code of A-Z */
export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** a character code of a-z */
export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
