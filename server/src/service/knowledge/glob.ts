// Linear-time IAM wildcard matching (`*` any run, `?` one character), case-insensitive or not.
// A two-pointer matcher with single backtrack point: O(n·m) worst case is avoided because `*`
// only ever restarts from the latest star. Never builds a RegExp from user text.

/** True when `text` matches `pattern`. `ignoreCase` lowercases ASCII only (IAM names are ASCII). */
export function globMatch(pattern: string, text: string, ignoreCase = true): boolean {
  return ignoreCase ? matches(pattern.toLowerCase(), text.toLowerCase(), false) : matches(pattern, text, false);
}

/**
 * globMatch ignoring ASCII case without lowercased copies (hot loops over action names, which are ASCII;
 * other characters compare exactly).
 */
export function globMatchAsciiCase(pattern: string, text: string): boolean {
  return matches(pattern, text, true);
}

/**
 * The single-backtrack two-pointer walk behind the glob matchers: pattern items 0..pLength against text items
 * 0..tLength, where `isStar(pi)` says pattern item pi matches any run of text items (none included) and
 * `matchOne(pi, ti)` whether the (non-star) pattern item pi matches text item ti. A mismatch only retries the
 * latest star one text item further: O(|p|·|t|) at worst, never exponential. Path globs (segments, and
 * characters in a segment) and ARN pattern cover use it; the action and resource matchers below inline the same
 * walk over character codes (the validation hot path: a call per item costs there).
 */
export function starWalk(pLength: number, tLength: number, isStar: (pi: number) => boolean, matchOne: (pi: number, ti: number) => boolean): boolean {
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < tLength) {
    if (pi < pLength && isStar(pi)) {
      starP = pi++;
      starT = ti;
    } else if (pi < pLength && matchOne(pi, ti)) {
      pi++;
      ti++;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (pi < pLength && isStar(pi)) pi++;
  return pi === pLength;
}

/** The matcher behind both (starWalk inlined): `fold` compares ASCII letters case-insensitively. */
function matches(p: string, t: string, fold: boolean): boolean {
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const pc = fold ? foldAscii(p.charCodeAt(pi)) : p.charCodeAt(pi);
    const tc = fold ? foldAscii(t.charCodeAt(ti)) : t.charCodeAt(ti);
    if (pi < p.length && (pc === 63 /* ? */ || pc === tc)) {
      pi++;
      ti++;
    } else if (pi < p.length && pc === 42 /* * */) {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === 42) pi++;
  return pi === p.length;
}

/** A character code with ASCII A-Z lowercased. */
export function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Case-insensitive equality without lowercased copies: ASCII folded in place, anything else through toLowerCase. */
export function sameIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase();
    if (foldAscii(x) !== foldAscii(y)) return false;
  }
  return true;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** The literal text before the first wildcard: used for sorted-range narrowing. */
export function literalPrefix(pattern: string): string {
  const star = pattern.indexOf('*');
  const q = pattern.indexOf('?');
  const cut = star < 0 ? q : q < 0 ? star : Math.min(star, q);
  return cut < 0 ? pattern : pattern.slice(0, cut);
}

/** Pattern tokens for tokenGlobMatch: a character code (>= 0), or one of these. */
export const TOKEN_ANY_RUN = -1;
export const TOKEN_ANY_ONE = -2;

/**
 * globMatch over a pre-tokenized pattern (character codes, TOKEN_ANY_RUN, TOKEN_ANY_ONE), so that a literal
 * `*` (from the `${*}` escape of a policy variable) and a wildcard `*` can differ. starWalk inlined, as in
 * `matches`: never exponential (O(|p|·|t|) at worst). `fold` compares ASCII letters
 * case-insensitively (tokens must then be folded too).
 */
export function tokenGlobMatch(p: ArrayLike<number>, t: string, fold = false): boolean {
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  const pl = p.length;
  while (ti < t.length) {
    const pc = pi < pl ? p[pi]! : -3;
    const tc = fold ? foldAscii(t.charCodeAt(ti)) : t.charCodeAt(ti);
    if (pc === TOKEN_ANY_ONE || (pc >= 0 && pc === tc)) {
      pi++;
      ti++;
    } else if (pc === TOKEN_ANY_RUN) {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (pi < pl && p[pi] === TOKEN_ANY_RUN) pi++;
  return pi === pl;
}
