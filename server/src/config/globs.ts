// Path globs for settings and .iam-policy.json (`**` any number of segments, `*` and `?` within one segment).
// Segment matching reuses the service's linear IAM wildcard matcher; no RegExp is ever built from user text.
// Not supported: braces, character classes, negation (`!`): they match literally.

import { globMatch } from '../service/knowledge/glob';

/** Splits on `/` and `\`, dropping empty and `.` segments, so `./a//b` and `a\b` compare like `a/b`. */
function segments(path: string): string[] {
  return path.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
}

/**
 * True when `path` (relative to the glob's base directory) matches `pattern`. A pattern without a slash
 * matches the file's base name anywhere (`*.policy.json`), as in .gitignore and VS Code's files.associations.
 * `**` matches zero or more whole segments; a greedy walk with a single backtrack point (the latest `**`)
 * keeps it O(segments) for the patterns people write and never exponential.
 */
export function matchGlob(pattern: string, path: string): boolean {
  const p = segments(pattern);
  const t = segments(path);
  if (p.length === 0) return false;
  if (p.length === 1 && p[0] !== '**' && !/[\\/]/.test(pattern)) {
    const base = t[t.length - 1];
    return base !== undefined && globMatch(p[0]!, base, false);
  }
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const seg = p[pi];
    if (seg === '**') {
      starP = pi++;
      starT = ti;
    } else if (seg !== undefined && globMatch(seg, t[ti]!, false)) {
      pi++;
      ti++;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (p[pi] === '**') pi++;
  return pi === p.length;
}

export function matchAnyGlob(patterns: readonly string[], path: string): boolean {
  return patterns.some((g) => matchGlob(g, path));
}
