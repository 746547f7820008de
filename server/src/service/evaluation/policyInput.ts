// Builds the engine's view of a policy (EvalPolicy) from text or from a parsed model, and keeps the per-policy
// line index (for ranges) on a side object so each policy's text is scanned once, not per request.

import { parseDocument } from '../parser/parseDocument';
import type { PolicyDocument, PolicyType } from '../parser/policyModel';
import { LineIndex } from './lineIndex';
import type { EvalPolicy, PolicyKind } from './types';

/** Per-policy state the engine computes on first use. */
export interface PolicyCache {
  lines?: LineIndex;
}

const caches = new WeakMap<EvalPolicy, PolicyCache>();

/**
 * The cache of one EvalPolicy. EvalPolicies are long-lived inputs (a test file's policy set), not per-keystroke
 * models, so a WeakMap keyed by them is fine here.
 */
export function cacheOf(policy: EvalPolicy): PolicyCache {
  let c = caches.get(policy);
  if (!c) {
    c = {};
    caches.set(policy, c);
  }
  return c;
}

export function linesOf(policy: EvalPolicy): LineIndex {
  const c = cacheOf(policy);
  return (c.lines ??= new LineIndex(policy.text));
}

/** The parser's policy type for a kind (it only affects which rules apply; the engine ignores it). */
export function parserTypeFor(kind: PolicyKind): PolicyType {
  switch (kind) {
    case 'session':
      return 'identity';
    default:
      return kind;
  }
}

export interface PolicyFromText {
  readonly policy?: EvalPolicy;
  /** why no policy could be read (syntax errors do not stop evaluation: the parser is tolerant) */
  readonly error?: string;
}

/**
 * Parses a policy file's text (JSON) into an EvalPolicy. A CloudFormation/Terraform container holding one
 * policy also works; with several, the first is used and the caller is told through `error` being undefined
 * and the name unchanged (the test-file loader reports it).
 */
export function policyFromText(name: string, text: string, kind: PolicyKind): PolicyFromText {
  const parsed = parseDocument(text, { uri: name, forcePolicy: true, policyType: parserTypeFor(kind) });
  if (parsed.skipped) return { error: parsed.skipped };
  const doc = parsed.policies[0];
  if (!doc) return { error: 'no IAM policy found (expected a JSON object with a Statement)' };
  // a policy IAM would reject as malformed JSON is an unreadable input, not something to evaluate half of
  // (a SAM policy template's unknown name or parameter is a warning about the template, not a syntax error)
  const syntax = parsed.syntaxErrors.find((e) => e.source !== 'sam-template' && e.source !== 'sam-parameter');
  if (syntax) {
    const at = new LineIndex(text).position(syntax.offset);
    return { error: `not valid JSON at line ${at.line + 1}, column ${at.character + 1}: ${syntax.message}` };
  }
  return { policy: { name, text, doc } };
}

/** An EvalPolicy from a model already parsed (inline policies of a test file: `file` is the test file). */
export function evalPolicy(name: string, text: string, doc: PolicyDocument, file?: string): EvalPolicy {
  return file === undefined ? { name, text, doc } : { name, text, doc, file };
}
