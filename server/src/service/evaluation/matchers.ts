// Action and Resource matching for one request. Linear wildcard matching only (knowledge/glob.ts).
// - Action names are case-insensitive, `*`/`?` anywhere:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// - Resource ARNs: wildcards work inside each of the first five colon-separated segments, the resource part
//   (after the fifth colon) is one segment in which `*` also spans `/` and `:`; a pattern with fewer than six
//   segments matches only through a trailing `*` (then as one string: "arn:aws:s3:*" or "*"):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
//   Case: matched case-sensitively. The Resource page does not state it; it is the behaviour observed by
//   iam-simulate's tests (anchors §2 item 25) and what ArnLike documents for condition values.

import { globMatchAsciiCase, TOKEN_ANY_RUN, tokenGlobMatch } from '../knowledge/glob';
import type { RequestContext } from './context';
import { toTokens } from './variables';

/** Action/NotAction item vs the request's action. Items with spaces or commas never match (observed). */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatchAsciiCase(pattern, action);
}

export interface ResourceMatch {
  readonly matched: boolean;
  readonly absentKeys: readonly string[];
}

const NONE: readonly string[] = [];

/** Resource/NotResource item vs the requested ARN. `variables`: the policy's Version allows them. */
export function resourceMatches(pattern: string, resource: string, variables: boolean, ctx: RequestContext): ResourceMatch {
  if (pattern === '*') return { matched: true, absentKeys: NONE };
  const { tokens, absentKeys } = toTokens(pattern, { wildcards: true, fold: false, variables }, ctx);
  // an unresolvable variable in Resource matches no resource (reference_policies_variables.html, "no value").
  // In NotResource the item then excludes nothing: the docs do not say so; it follows the rule for negated
  // condition operators (iam-simulate 0.1.172 instead ignores such a statement: an open disagreement).
  if (!tokens) return { matched: false, absentKeys };
  return { matched: arnTokensMatch(tokens, resource), absentKeys };
}

/**
 * Tokenized ARN pattern vs an ARN, segment by segment for the first five segments; the last pattern segment
 * ending in `*` spans the rest when the pattern has fewer than six segments.
 */
export function arnTokensMatch(tokens: readonly number[], arn: string): boolean {
  const pFields = splitTokens(tokens);
  if (pFields.length < 6) {
    // "*" alone, "arn:aws:s3:*": a trailing star covers the remaining segments
    return tokens[tokens.length - 1] === TOKEN_ANY_RUN && tokenGlobMatch(tokens, arn);
  }
  const aFields = splitText(arn);
  if (aFields.length < 6) return false;
  for (let f = 0; f < 6; f++) if (!tokenGlobMatch(pFields[f]!, aFields[f]!)) return false;
  return true;
}

/** Splits at the first five literal colons. */
function splitTokens(tokens: readonly number[]): number[][] {
  const out: number[][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length && out.length < 5; i++) {
    if (tokens[i] === 58) {
      out.push(tokens.slice(start, i) as number[]);
      start = i + 1;
    }
  }
  out.push(tokens.slice(start) as number[]);
  return out;
}

export function splitText(arn: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < arn.length && out.length < 5; i++) {
    if (arn.charCodeAt(i) === 58) {
      out.push(arn.slice(start, i));
      start = i + 1;
    }
  }
  out.push(arn.slice(start));
  return out;
}
