// The typed IAM policy model. Every element keeps the offsets of its key and value so rules can report
// on the narrowest token. Built by buildPolicy.ts; it never holds text positions (line/column): those are
// made at the edge (features/toDiagnostic).

import type { JsonNode } from './jsonTree';
import type { Derivable } from './derived';

export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary';
export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary'];

/** How the policy type was decided: an explicit setting/flag wins over the file name, which wins over content. */
export type PolicyTypeSource = 'setting' | 'filename' | 'content' | 'container';

export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** A value with the span of its JSON node (strings: including the quotes) and the node itself. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
  readonly node: JsonNode;
}

/** A property: its key, its value node, and spans of both. */
export interface Element {
  readonly key: string;
  readonly keySpan: Span;
  readonly property: JsonNode;
  readonly value: JsonNode | undefined;
}

/** Action/NotAction, Resource/NotResource: a string or an array of strings. */
export interface StringListElement extends Element, Derivable {
  /** true when the key is the Not* form */
  readonly negated: boolean;
  readonly isArray: boolean;
  /** the string items (non-strings are left out; the grammar rules report them) */
  readonly items: readonly Located<string>[];
}

export interface PrincipalEntry {
  /** "AWS", "Service", "Federated", "CanonicalUser" (as written) */
  readonly type: Located<string>;
  readonly isArray: boolean;
  readonly values: readonly Located<string>[];
  readonly valueNode: JsonNode | undefined;
}

export interface PrincipalElement extends Element {
  readonly negated: boolean;
  /** `"Principal": "*"` */
  readonly wildcard: Located<string> | undefined;
  readonly entries: readonly PrincipalEntry[];
}

export interface ConditionEntry {
  /** the condition key as written, e.g. "aws:SourceIp" */
  readonly key: Located<string>;
  readonly isArray: boolean;
  /** values of any JSON scalar type (IAM accepts strings, booleans and numbers) */
  readonly values: readonly Located<string | number | boolean | null>[];
  readonly valueNode: JsonNode | undefined;
}

export interface ConditionOperatorBlock {
  /** the operator as written, e.g. "ForAnyValue:StringLikeIfExists" */
  readonly operator: Located<string>;
  readonly entries: readonly ConditionEntry[];
  readonly valueNode: JsonNode | undefined;
}

export interface ConditionElement extends Element {
  readonly operators: readonly ConditionOperatorBlock[];
}

export interface Statement extends Derivable {
  readonly index: number;
  readonly node: JsonNode;
  /** every property as written, in order, duplicates included */
  readonly elements: readonly Element[];
  readonly sid: Located<string> | undefined;
  readonly effect: Located<string> | undefined;
  readonly action: StringListElement | undefined;
  readonly resource: StringListElement | undefined;
  readonly principal: PrincipalElement | undefined;
  readonly condition: ConditionElement | undefined;
  /** first property with this exact key */
  get(key: string): Element | undefined;
}

export interface PolicyDocument extends Derivable {
  /** the policy's root object node; offsets are absolute in the containing document */
  readonly root: JsonNode;
  readonly span: Span;
  readonly elements: readonly Element[];
  readonly version: Located<unknown> | undefined;
  readonly statementElement: Element | undefined;
  /** true when Statement is a single object rather than an array */
  readonly statementIsObject: boolean;
  readonly statements: readonly Statement[];
  readonly policyType: PolicyType;
  readonly policyTypeSource: PolicyTypeSource;
  /** a label for policies inside a container document (e.g. CloudFormation logical id); empty for plain files */
  readonly label: string;
  /**
   * containers only: the resource the policy belongs to, as the container names it (CloudFormation
   * "AWS::ECR::Repository", Terraform "aws_s3_bucket_policy"); rules can know the attached resource exactly
   */
  readonly resourceType?: string;
  /**
   * set when the policy's text is generated, not written (a SAM policy template's expansion, whose spans all point
   * at the template's entry): what generated it. No edit inside such a policy is a fix.
   */
  readonly generated?: string;
  get(key: string): Element | undefined;
}

/**
 * The node itself serves as the span (it has offset and length): the model holds hundreds of spans and is
 * rebuilt on every keystroke, so no copy is made. Spans leave the service only as copies (runRules.report) or
 * as ranges, never as nodes (which link to their parents).
 */
export function spanOf(node: JsonNode): Span {
  return node;
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}
