// Size measurements of one policy: characters without whitespace (how IAM counts), all characters (how
// Organizations counts) and UTF-8 bytes (how S3, SQS, SNS and KMS count), each computed on first use.
// A policy inside a template (YAML, HCL, CloudFormation JSON) is measured on its compact JSON form instead,
// since that, not the template's own text, is what reaches AWS. Also where size findings go and how
// numbers are printed.

import { getNodeValue } from 'jsonc-parser';
import type { PolicyDocument, Span } from '../../parser/policyModel';
import type { PolicyContext } from '../rule';
import { missingAnchor } from '../grammar/grammarSpans';
import { derive, DerivedKey } from '../../parser/derived';
import { isAscii } from '../../util/ascii';

const COMPACT_JSON = new DerivedKey<string>('compactJson');
const NON_WHITESPACE = new DerivedKey<number>('nonWhitespaceLength');
const BYTES = new DerivedKey<number>('utf8Bytes');

/** The text AWS receives for this policy and the span of it that is the policy. */
function measuredText(policy: PolicyDocument, text: string): { own: string; start: number; end: number } {
  // a plain file's policy is measured in place (no copy); a policy inside a template as the JSON AWS receives
  if (policy.label === '') return { own: text, start: policy.span.offset, end: policy.span.offset + policy.span.length };
  const own = derive(policy, COMPACT_JSON, () => JSON.stringify(getNodeValue(policy.root)));
  return { own, start: 0, end: own.length };
}

/** All characters, whitespace included. */
export function policyCharacters(policy: PolicyDocument, text: string): number {
  const { start, end } = measuredText(policy, text);
  return end - start;
}

/** Characters without whitespace (space, tab, line feed, carriage return), wherever it stands. */
export function policyNonWhitespace(ctx: Pick<PolicyContext, 'document' | 'policy' | 'text'>): number {
  return derive(ctx.policy, NON_WHITESPACE, () => {
    const { document, policy, text } = ctx;
    // a plain JSON file without syntax errors was measured while it was parsed (parser/treeBuilder.ts)
    if (policy.label === '' && policy.root === document.root && document.nonWhitespaceLength !== undefined) return document.nonWhitespaceLength;
    const { own, start, end } = measuredText(policy, text);
    return end - start - countWhitespace(own, start, end);
  });
}

/** UTF-8 bytes; a surrogate pair (4 bytes) is counted 2 + 2. */
export function policyBytes(policy: PolicyDocument, text: string): number {
  return derive(policy, BYTES, () => {
    const { own, start, end } = measuredText(policy, text);
    if (isAscii(own)) return end - start;
    return utf8Length(own, start, end);
  });
}

function countWhitespace(text: string, start: number, end: number): number {
  let whitespace = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) whitespace++;
  }
  return whitespace;
}

const NON_ASCII = /[^\u0000-\u007f]/g;

/** UTF-8 length of text[start, end). Plain ASCII is settled by one native regex scan. */
function utf8Length(text: string, start: number, end: number): number {
  NON_ASCII.lastIndex = start;
  const first = NON_ASCII.exec(text);
  if (!first || first.index >= end) return end - start;
  let bytes = first.index - start;
  for (let i = first.index; i < end; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Size findings go on the "Statement" key (what grows), else on the policy's first key or `{`. */
export function sizeAnchor(policy: PolicyDocument): Span {
  return policy.statementElement?.keySpan ?? missingAnchor(policy.root);
}

/** 6144 -> "6,144" without depending on the runtime's locale data. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
