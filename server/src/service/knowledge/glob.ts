// Linear-time IAM wildcard matching (`*` any run, `?` one character), case-insensitive or not.
// A two-pointer matcher with single backtrack point: O(n·m) worst case is avoided because `*`
// only ever restarts from the latest star. Never builds a RegExp from user text.

/** True when `text` matches `pattern`. `ignoreCase` lowercases ASCII only (IAM names are ASCII). */
export function globMatch(pattern: string, text: string, ignoreCase = true): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const pc = p.charCodeAt(pi);
    if (pi < p.length && (pc === 63 /* ? */ || pc === t.charCodeAt(ti))) {
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

/**
 * globMatch ignoring ASCII case without lowercased copies (hot loops over action names, which are ASCII;
 * other characters compare exactly).
 */
export function globMatchAsciiCase(pattern: string, text: string): boolean {
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < text.length) {
    const pc = pi < pattern.length ? fold(pattern.charCodeAt(pi)) : -1;
    if (pc === 63 /* ? */ || (pc >= 0 && pc !== 42 && pc === fold(text.charCodeAt(ti)))) {
      pi++;
      ti++;
    } else if (pc === 42 /* * */) {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (pi < pattern.length && pattern.charCodeAt(pi) === 42) pi++;
  return pi === pattern.length;
}

function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
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
