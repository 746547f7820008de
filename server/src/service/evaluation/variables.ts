// Policy strings -> match tokens, with policy variables substituted from the request context.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html :
// - variables only under "Version": "2012-10-17"; under 2008-10-17 or without Version they are literal text;
// - `${key, 'default'}` uses the default when the key is absent;
// - `${*}`, `${?}`, `${$}` are the literal characters;
// - key names are case-insensitive; multivalued keys cannot be used as variables;
// - a variable that cannot be resolved makes the value match nothing (returned as null here).
// A substituted value is data: its `*` and `?` are literal characters (never wildcards).

import { foldAscii, TOKEN_ANY_ONE, TOKEN_ANY_RUN } from '../knowledge/glob';
import type { RequestContext } from './context';

export interface TokenOptions {
  /** `*` and `?` are wildcards (Like operators, Action, Resource) */
  readonly wildcards: boolean;
  /** compare ASCII case-insensitively (tokens are folded) */
  readonly fold: boolean;
  /** policy variables are substituted (Version 2012-10-17 and an element/operator that takes them) */
  readonly variables: boolean;
}

export interface TokenResult {
  /** null: an unresolvable variable, the value matches nothing */
  readonly tokens: number[] | null;
  /** variable keys that were absent from the request (with or without a default) */
  readonly absentKeys: readonly string[];
}

const NO_KEYS: readonly string[] = [];

export function toTokens(text: string, opts: TokenOptions, ctx: RequestContext): TokenResult {
  const out: number[] = [];
  let absentKeys: string[] | undefined;
  const lit = (s: string): void => {
    for (let k = 0; k < s.length; k++) out.push(opts.fold ? foldAscii(s.charCodeAt(k)) : s.charCodeAt(k));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (opts.variables && c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        const inner = text.slice(i + 2, close);
        i = close;
        if (inner === '*' || inner === '?' || inner === '$') {
          out.push(inner.charCodeAt(0));
          continue;
        }
        const comma = inner.indexOf(',');
        const key = (comma < 0 ? inner : inner.slice(0, comma)).trim();
        const def = comma < 0 ? undefined : /^\s*'([^']*)'\s*$/.exec(inner.slice(comma + 1))?.[1];
        const entry = ctx.peek(key);
        if (entry && !entry.multi && entry.values.length === 1) {
          lit(entry.values[0]!);
          continue;
        }
        if (!entry) {
          ctx.get(key); // record the absent lookup
          (absentKeys ??= []).push(key);
        }
        if (def !== undefined) {
          lit(def);
          continue;
        }
        return { tokens: null, absentKeys: absentKeys ?? NO_KEYS };
      }
    }
    if (opts.wildcards && c === 42) {
      if (out[out.length - 1] !== TOKEN_ANY_RUN) out.push(TOKEN_ANY_RUN);
    } else if (opts.wildcards && c === 63) out.push(TOKEN_ANY_ONE);
    else out.push(opts.fold ? foldAscii(c) : c);
  }
  return { tokens: out, absentKeys: absentKeys ?? NO_KEYS };
}

/** The substituted text for exact comparisons (tokens are all literal characters there). */
export function tokensToText(tokens: readonly number[]): string {
  let s = '';
  for (let i = 0; i < tokens.length; i += 4096) s += String.fromCharCode(...tokens.slice(i, i + 4096));
  return s;
}
