// Size measurements of one policy, taken on its own text span: characters without whitespace (how IAM
// counts), all characters (how Organizations counts) and UTF-8 bytes (how S3, SQS, SNS and KMS count).
// A policy inside a template (YAML, HCL, CloudFormation JSON) is measured on its compact JSON form instead,
// since that, not the template's own text, is what reaches AWS. Also where size findings go and how
// numbers are printed.

import { getNodeValue } from 'jsonc-parser';
import type { PolicyDocument, Span } from '../../parser/policyModel';
import { missingAnchor } from '../grammar/grammarSpans';
import { derive, DerivedKey } from '../../parser/derived';

export interface PolicySize {
  readonly nonWhitespace: number;
  readonly characters: number;
  readonly bytes: number;
}

const POLICY_SIZE = new DerivedKey<PolicySize>('policySize');

export function policySize(policy: PolicyDocument, text: string): PolicySize {
  return derive(policy, POLICY_SIZE, () => measure(policy, text));
}

function measure(policy: PolicyDocument, text: string): PolicySize {
  // a plain file's policy is measured in place (no copy); a policy inside a template as the JSON AWS receives
  const own = policy.label === '' ? text : JSON.stringify(getNodeValue(policy.root));
  const start = policy.label === '' ? policy.span.offset : 0;
  const end = policy.label === '' ? policy.span.offset + policy.span.length : own.length;
  let whitespace = 0;
  for (let i = start; i < end; i++) {
    const c = own.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) whitespace++;
  }
  return { nonWhitespace: end - start - whitespace, characters: end - start, bytes: utf8Length(own, start, end) };
}

const NON_ASCII = /[^\u0000-\u007f]/g;

/** UTF-8 length of text[start, end); a surrogate pair (4 bytes) is counted 2 + 2. Plain ASCII is settled by one native regex scan. */
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
