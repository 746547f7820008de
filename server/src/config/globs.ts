// Path globs for settings and .iam-policy.json: braces (`*.{json,yaml}`, `{1..3}`), `**` across segments, `*` and
// `?` within one, character classes (`[ab]`, `[!a-c]`, `[[:digit:]]`), `\` escapes, and `!` negation in lists.
// Not supported: extglobs (`+(a|b)`): their characters match literally.
//
// Why not one picomatch RegExp per glob: picomatch 4.0.7 took 5.3 s for `*a*a*a*ab` against a 250-character name
// and never finished `**/a/` x30 against a deep path (backtracking). The server reads the .iam-policy.json of any
// cloned repository and must never hang, so the libraries do the parsing (braces expands braces, picomatch
// compiles each character class into a one-character RegExp) and the matching stays linear: a greedy walk with
// a single backtrack point over segments, and the same inside a segment.

import expandBraces from 'braces';
import picomatch from 'picomatch';
import { starWalk } from '../service/knowledge/glob';

/** A brace expansion may not produce more patterns than this (`{1..100000}` is a typo, not a config). */
const MAX_EXPANSIONS = 256;

type Token = { readonly kind: 'star' } | { readonly kind: 'any' } | { readonly kind: 'char'; readonly c: string } | { readonly kind: 'class'; readonly re: RegExp };
type Segment = '**' | readonly Token[];

interface Compiled {
  readonly negated: boolean;
  /** one entry per brace alternative; each is a list of segments */
  readonly alternatives: readonly (readonly Segment[])[];
  /** no `/` in the pattern: matched against the base name anywhere */
  readonly baseName: boolean;
}

const compiledCache = new Map<string, Compiled>();

/** Splits on `/`, dropping empty and `.` segments, so `./a//b` compares like `a/b`. Paths also split on `\`. */
function pathSegments(path: string): string[] {
  return path.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
}

/** The end of a bracket expression starting at `i` (`[`), or -1 when it is not closed. */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close < 0) return -1;
      j = close + 1;
    } else if (p[j] === '\\') j++;
    else if (p[j] === ']') return j;
  }
  return -1;
}

function tokenize(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) out.push({ kind: 'char', c: segment[++i]! });
    else if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'any' });
    else if (c === '[') {
      const end = classEnd(segment, i);
      if (end < 0) out.push({ kind: 'char', c });
      else {
        // picomatch parses the class (ranges, negation, POSIX names); the RegExp matches one character only
        out.push({ kind: 'class', re: picomatch.makeRe(segment.slice(i, end + 1), { dot: true, posix: true }) });
        i = end;
      }
    } else out.push({ kind: 'char', c });
  }
  return out;
}

/**
 * An upper bound of the number of patterns brace expansion makes (product of each group's alternatives, a range
 * counting its length), so that `{a,b}{a,b}…` never gets expanded into millions of strings first.
 */
function expansionEstimate(p: string): number {
  let total = 1;
  const stack: { start: number; alternatives: number }[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{') stack.push({ start: i, alternatives: 1 });
    else if (c === ',' && stack.length > 0) stack[stack.length - 1]!.alternatives++;
    else if (c === '}' && stack.length > 0) {
      const g = stack.pop()!;
      const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])/.exec(p.slice(g.start + 1, i));
      const n = range ? Math.abs(rangeValue(range[2]!) - rangeValue(range[1]!)) + 1 : g.alternatives;
      total *= Math.max(1, n);
      if (total > MAX_EXPANSIONS) return total;
    }
  }
  return total;
}

const rangeValue = (v: string): number => (/^-?\d+$/.test(v) ? Number(v) : v.charCodeAt(0));

function compile(pattern: string): Compiled {
  const cached = compiledCache.get(pattern);
  if (cached) return cached;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  let expanded: string[] = [body];
  if (body.includes('{') && expansionEstimate(body) <= MAX_EXPANSIONS) {
    try {
      expanded = expandBraces(body, { expand: true, rangeLimit: MAX_EXPANSIONS });
    } catch {
      // an invalid or oversized range: the braces stay literal characters
    }
  }
  const alternatives = expanded.map((alt) =>
    // `\` escapes a character; a lone `\` before a separator-like position stays a literal
    alt.split('/').filter((s) => s !== '' && s !== '.').map((s): Segment => (s === '**' ? '**' : tokenize(s))),
  );
  const compiled: Compiled = { negated, alternatives, baseName: !body.includes('/') && body !== '**' };
  if (compiledCache.size > 1000) compiledCache.clear();
  compiledCache.set(pattern, compiled);
  return compiled;
}

/** One segment against its tokens (starWalk: single backtrack point at the latest `*`). */
function matchSegment(tokens: readonly Token[], text: string): boolean {
  return starWalk(
    tokens.length,
    text.length,
    (pi) => tokens[pi]!.kind === 'star',
    (pi, ti) => {
      const tok = tokens[pi]!;
      return tok.kind === 'any' || (tok.kind === 'char' ? tok.c === text[ti] : tok.kind === 'class' && tok.re.test(text[ti]!));
    },
  );
}

/** Segments against the pattern's segments; `**` matches zero or more whole segments (latest-`**` backtrack). */
function matchSegments(p: readonly Segment[], t: readonly string[]): boolean {
  return starWalk(p.length, t.length, (pi) => p[pi] === '**', (pi, ti) => matchSegment(p[pi] as readonly Token[], t[ti]!));
}

function matchesBody(c: Compiled, path: string): boolean {
  const t = pathSegments(path);
  if (c.baseName) {
    const base = t[t.length - 1];
    return base !== undefined && c.alternatives.some((alt) => alt.length === 1 && alt[0] !== '**' && matchSegment(alt[0]!, base));
  }
  return c.alternatives.some((alt) => alt.length > 0 && matchSegments(alt, t));
}

/**
 * True when `path` (relative to the glob's base directory) matches `pattern`. A pattern without a slash
 * matches the file's base name anywhere (`*.policy.json`), as in .gitignore and VS Code's files.associations.
 * A pattern starting with `!` matches what the rest does not match.
 */
export function matchGlob(pattern: string, path: string): boolean {
  const c = compile(pattern);
  if (c.alternatives.every((a) => a.length === 0)) return false;
  return c.negated !== matchesBody(c, path);
}

/**
 * A list of globs, as in .gitignore and ESLint: the last pattern that decides wins, so `!pattern` after others
 * re-includes what they matched (`["**\/*.json", "!**\/fixtures/**"]`). A list of only negations matches what
 * none of them excludes.
 */
export function matchAnyGlob(patterns: readonly string[], path: string): boolean {
  if (patterns.length === 0) return false;
  let result: boolean | undefined;
  let onlyNegations = true;
  for (const pattern of patterns) {
    const c = compile(pattern);
    if (!c.negated) onlyNegations = false;
    if (matchesBody(c, path)) result = !c.negated;
  }
  return result ?? onlyNegations;
}
