// Evaluates a statement's Condition block against the request context. Documented semantics
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
//  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html,
//  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
// - several operators: AND; several keys under one operator: AND; several values for a key: OR; under a
//   negated operator (StringNotEquals, NotIpAddress, …) the values combine as NOR;
// - a key absent from the request: the condition is false, except negated operators, which are true;
//   `…IfExists` is true when the key is absent; Null tests presence ("true" = absent);
// - ForAllValues: true when the key is absent or an empty set, else every request value must match;
//   ForAnyValue: false when absent or empty, else at least one request value must match;
// - Date, Numeric, Bool, Binary and IP values are parsed by family (values.ts); ArnLike/ArnEquals compare
//   each of the six colon-separated segments separately, StringLike compares the whole string;
// - policy variables are substituted in String, Arn and Bool values (variables.ts).
// Observed, not documented (anchors §2 item 32, iam-simulate): a multivalued request value (a list) under an
// operator without ForAllValues/ForAnyValue never matches; a single value under a set operator is a one-element set.

import type { ConditionElement, ConditionEntry, Located, Span } from '../parser/policyModel';
import { parseOperator, type OperatorInfo, type ParsedOperator } from '../knowledge/operators';
import { tokenGlobMatch } from '../knowledge/glob';
import type { RequestContext } from './context';
import { toTokens, tokensToText } from './variables';
import { ipInCidr, parseCidr, parseDate, parseIp, parseNumber, type Cidr } from './values';

export interface ConditionFailure {
  readonly operator: string;
  readonly key: string;
  /** the request value(s) as text, or "(absent)" */
  readonly value: string;
  readonly span: Span;
  readonly message: string;
}

export interface ConditionOutcome {
  readonly matched: boolean;
  /** the first entry (in document order) that is false */
  readonly failure?: ConditionFailure;
  /** every absent key the block referenced (condition keys and variables) */
  readonly absentKeys: readonly string[];
  /**
   * absent keys whose presence could change the outcome: all of them when the block matched; when it did not,
   * those of the false entries, or none when some false entry does not depend on an absent key
   */
  readonly flipKeys: readonly string[];
}

const NONE: readonly string[] = [];

/** The positive operator behind each negated one. */
const POSITIVE: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

interface EntryResult {
  readonly value: boolean;
  readonly absentKeys: readonly string[];
  readonly requestText: string;
}

export function evaluateCondition(el: ConditionElement | undefined, ctx: RequestContext, variables: boolean): ConditionOutcome {
  if (!el) return { matched: true, absentKeys: NONE, flipKeys: NONE };
  let failure: ConditionFailure | undefined;
  const absent = new Set<string>();
  const falseFlip = new Set<string>();
  let definiteFalse = false;
  for (const block of el.operators) {
    const parsed = parseOperator(block.operator.value);
    for (const entry of block.entries) {
      const r = parsed ? evaluateEntry(parsed, entry, ctx, variables) : { value: false, absentKeys: NONE, requestText: '' };
      for (const k of r.absentKeys) absent.add(k);
      if (r.value) continue;
      if (r.absentKeys.length === 0) definiteFalse = true;
      else for (const k of r.absentKeys) falseFlip.add(k);
      if (!failure) {
        const opName = block.operator.value;
        failure = {
          operator: opName,
          key: entry.key.value,
          value: r.requestText,
          span: entry.key.span,
          message: parsed
            ? `Condition ${opName} "${entry.key.value}" is false for ${r.requestText === '(absent)' ? 'a request without this key' : `the request value ${r.requestText}`}.`
            : `Condition operator "${opName}" is not a valid IAM operator: the condition never matches.`,
        };
      }
    }
  }
  const absentKeys = absent.size ? [...absent] : NONE;
  if (!failure) return { matched: true, absentKeys, flipKeys: absentKeys };
  return { matched: false, failure, absentKeys, flipKeys: definiteFalse ? NONE : [...falseFlip] };
}

function scalarText(v: Located<string | number | boolean | null>): string {
  return v.value === null ? 'null' : String(v.value);
}

function describe(values: readonly string[], multi: boolean): string {
  return multi ? `[${values.map((v) => `"${v}"`).join(', ')}]` : `"${values[0] ?? ''}"`;
}

function evaluateEntry(parsed: ParsedOperator, entry: ConditionEntry, ctx: RequestContext, variables: boolean): EntryResult {
  const op = parsed.operator;
  const key = entry.key.value;
  const req = ctx.get(key);
  const keyAbsent = req === undefined;
  const requestText = req ? describe(req.values, req.multi) : '(absent)';
  const absentKeys: string[] = keyAbsent ? [key] : [];

  if (op.family === 'Null') {
    // "true": the key must be absent; "false": present. Values OR. No policy variables in Null.
    let value = false;
    for (const v of entry.values) {
      const want = scalarText(v).toLowerCase();
      if ((want === 'true' && keyAbsent) || (want === 'false' && !keyAbsent)) value = true;
    }
    return { value, absentKeys, requestText };
  }

  const negated = op.negated;
  const positive = negated ? POSITIVE[op.name] ?? op.name : op.name;
  const matchers = prepareValues(op, positive, entry, ctx, variables && op.allowsVariables, absentKeys);
  const anyMatch = (r: string): boolean => {
    for (const m of matchers) if (m && m(r)) return true;
    return false;
  };

  if (parsed.qualifier === 'ForAllValues') {
    // absent key or empty set: true (ForAllValues "returns true if the key is missing or its value is an empty set")
    if (!req || req.values.length === 0) return { value: true, absentKeys, requestText: req ? '[]' : requestText };
    const value = req.values.every((r) => (negated ? !anyMatch(r) : anyMatch(r)));
    return { value, absentKeys, requestText };
  }
  if (parsed.qualifier === 'ForAnyValue') {
    if (!req) return { value: parsed.ifExists, absentKeys, requestText };
    if (req.values.length === 0) return { value: false, absentKeys, requestText: '[]' };
    const value = req.values.some((r) => (negated ? !anyMatch(r) : anyMatch(r)));
    return { value, absentKeys, requestText };
  }
  // single-valued operator
  if (!req) return { value: parsed.ifExists || negated, absentKeys, requestText };
  if (req.multi) return { value: false, absentKeys, requestText }; // observed: see the header
  const r = req.values[0]!;
  return { value: negated ? !anyMatch(r) : anyMatch(r), absentKeys, requestText };
}

type ValueMatcher = ((requestValue: string) => boolean) | null;

/** One matcher per policy value (null: an unresolvable variable or an unparsable value, matching nothing). */
function prepareValues(op: OperatorInfo, positive: string, entry: ConditionEntry, ctx: RequestContext, variables: boolean, absentKeys: string[]): ValueMatcher[] {
  const out: ValueMatcher[] = [];
  for (const v of entry.values) {
    const raw = scalarText(v);
    switch (op.family) {
      case 'String': {
        const like = positive === 'StringLike';
        const ignoreCase = positive === 'StringEqualsIgnoreCase';
        const t = toTokens(raw, { wildcards: like, fold: false, variables }, ctx);
        absentKeys.push(...t.absentKeys);
        if (!t.tokens) {
          out.push(null);
          break;
        }
        const tokens = t.tokens;
        if (like) out.push((r) => tokenGlobMatch(tokens, r));
        else {
          const text = tokensToText(tokens);
          if (ignoreCase) {
            const lower = text.toLowerCase();
            out.push((r) => r.toLowerCase() === lower);
          } else out.push((r) => r === text);
        }
        break;
      }
      case 'Arn': {
        const t = toTokens(raw, { wildcards: true, fold: false, variables }, ctx);
        absentKeys.push(...t.absentKeys);
        const tokens = t.tokens;
        out.push(tokens ? (r) => arnConditionMatch(tokens, r) : null);
        break;
      }
      case 'Bool': {
        const t = toTokens(raw, { wildcards: false, fold: false, variables }, ctx);
        absentKeys.push(...t.absentKeys);
        if (!t.tokens) {
          out.push(null);
          break;
        }
        const want = tokensToText(t.tokens).toLowerCase();
        out.push((r) => r.toLowerCase() === want);
        break;
      }
      case 'Numeric': {
        const n = typeof v.value === 'number' ? v.value : parseNumber(raw);
        out.push(Number.isNaN(n) ? null : numericMatcher(positive, n));
        break;
      }
      case 'Date': {
        const d = typeof v.value === 'number' ? v.value * 1000 : parseDate(raw);
        out.push(Number.isNaN(d) ? null : dateMatcher(positive, d));
        break;
      }
      case 'Binary':
        // BinaryEquals: the policy holds the base64 text of the bytes; the request value is given base64 too
        out.push((r) => r.trim() === raw.trim());
        break;
      case 'IpAddress': {
        const cidr: Cidr | undefined = parseCidr(raw);
        out.push(
          cidr
            ? (r) => {
                const ip = parseIp(r);
                return ip !== undefined && ipInCidr(ip, cidr);
              }
            : null,
        );
        break;
      }
      default:
        out.push(null);
    }
  }
  return out;
}

function numericMatcher(op: string, n: number): (r: string) => boolean {
  const cmp = compare(op);
  return (r) => {
    const x = parseNumber(r);
    return !Number.isNaN(x) && cmp(x, n);
  };
}

function dateMatcher(op: string, d: number): (r: string) => boolean {
  const cmp = compare(op.replace(/^Date/, 'Numeric'));
  return (r) => {
    const x = parseDate(r);
    return !Number.isNaN(x) && cmp(x, d);
  };
}

function compare(op: string): (a: number, b: number) => boolean {
  switch (op) {
    case 'NumericEquals':
      return (a, b) => a === b;
    case 'NumericLessThan':
      return (a, b) => a < b;
    case 'NumericLessThanEquals':
      return (a, b) => a <= b;
    case 'NumericGreaterThan':
      return (a, b) => a > b;
    case 'NumericGreaterThanEquals':
      return (a, b) => a >= b;
    default:
      return () => false;
  }
}

/**
 * ArnEquals/ArnLike: "each of the six colon-delimited components of the ARN is checked separately and each can
 * include * or ?" (case-sensitive). So a wildcard never spans a colon here, unlike StringLike: a pattern
 * "arn:aws:someservice:*:111122223333:finance/*" does not match a value with more colon-separated parts
 * (anchors §2 item 21, condition operators page, "Amazon Resource Name (ARN) condition operators").
 */
export function arnConditionMatch(tokens: readonly number[], value: string): boolean {
  // a lone "*" pattern matches any value
  if (tokens.length === 1 && tokens[0] === -1) return true;
  const pf: number[][] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i] === 58) {
      pf.push(tokens.slice(start, i) as number[]);
      start = i + 1;
    }
  }
  const vf = value.split(':');
  if (pf.length < 6 || vf.length !== pf.length) return false;
  for (let f = 0; f < pf.length; f++) if (!tokenGlobMatch(pf[f]!, vf[f]!)) return false;
  return true;
}
