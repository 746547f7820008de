// Public types of the IAM evaluation engine: the policy set, the request and the verdict. No logic here.
// The engine implements the documented evaluation logic:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

import type { PolicyDocument } from '../parser/policyModel';

export type Verdict = 'allowed' | 'explicitly-denied' | 'implicitly-denied';
export const VERDICTS: readonly Verdict[] = ['allowed', 'explicitly-denied', 'implicitly-denied'];

/** The kinds of policy a request is evaluated against. */
export type PolicyKind = 'identity' | 'boundary' | 'session' | 'scp' | 'rcp' | 'resource';

export interface Position {
  /** 0-based */
  readonly line: number;
  /** 0-based, UTF-16 code units (LSP) */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * One policy as the engine sees it: the parsed model, the text that holds it (for ranges) and a display name
 * (a path relative to the test file, "inline", a flag value…). Build it with `policyFromText` or `evalPolicy`
 * (policyInput.ts); keep it across requests (its line index is computed once).
 */
export interface EvalPolicy {
  readonly name: string;
  /** the text whose offsets the model's spans use (a policy file, or the test file for inline policies) */
  readonly text: string;
  readonly doc: PolicyDocument;
  /** path of the file holding `text`, when it is not the policy's own file (inline policies in a test file) */
  readonly file?: string;
}

/** Every policy that applies to one request. Absent kinds do not take part (SCP/RCP: FullAWSAccess implied). */
export interface PolicySet {
  readonly identity?: readonly EvalPolicy[];
  readonly boundary?: EvalPolicy;
  readonly session?: EvalPolicy;
  /**
   * one list per level, root first, then each OU, then the account. Absent: FullAWSAccess at every level.
   * An empty level allows nothing (every level needs an Allow).
   */
  readonly scp?: readonly (readonly EvalPolicy[])[];
  /** same shape; RCPFullAWSAccess is implied at every level, so RCPs can only deny */
  readonly rcp?: readonly (readonly EvalPolicy[])[];
  /** the resource-based policy of the requested resource (bucket policy, trust policy, key policy, …) */
  readonly resource?: EvalPolicy;
}

/** A context value: a string (single-valued key) or a list (multivalued key; an empty list is an empty set). */
export type ContextValue = string | readonly string[];

export interface EvalRequest {
  /**
   * Who asks: an IAM ARN (user, role, assumed-role session, federated user, account root), a 12-digit account
   * id (its root), a service principal ("lambda.amazonaws.com"), a federated identity provider, or
   * "anonymous" / "*" for an unauthenticated caller.
   */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** the account that owns the resource (default: from the ARN, else the principal's account) */
  readonly resourceAccount?: string;
  /** context keys, case-insensitive; absent keys are absent from the request (never guessed) */
  readonly context?: Readonly<Record<string, ContextValue>>;
  /**
   * the organization's management account: SCPs do not apply to its principals, RCPs not to its resources
   * (same as setting the two flags below from the principal's and the resource's account)
   */
  readonly managementAccount?: string;
  /** the principal belongs to the organization's management account: SCPs do not apply to it */
  readonly principalInManagementAccount?: boolean;
  /** the resource belongs to the management account: RCPs do not apply to it */
  readonly resourceInManagementAccount?: boolean;
}

export interface StatementRef {
  /** EvalPolicy.name */
  readonly policy: string;
  readonly kind: PolicyKind;
  /** SCP/RCP level (0 = root) */
  readonly level?: number;
  /** 0-based index in the policy's Statement list */
  readonly statement: number;
  readonly sid?: string;
  readonly effect: string;
  /** the statement object's range in the policy's text */
  readonly range: Range;
  /** EvalPolicy.file when the policy is inline in another file */
  readonly file?: string;
}

export type MismatchElement = 'effect' | 'action' | 'resource' | 'principal' | 'condition';

/** The first element of a statement that did not match the request. */
export interface Mismatch {
  readonly element: MismatchElement;
  /** one sentence, e.g. `Action "s3:Get*" does not match "s3:PutObject"` */
  readonly message: string;
  /** condition mismatches: the operator, key and the request value ("(absent)" when the key is missing) */
  readonly operator?: string;
  readonly key?: string;
  readonly value?: string;
  /** range of the element (or condition key) that failed */
  readonly range: Range;
}

export interface StatementTrace extends StatementRef {
  readonly matched: boolean;
  /** set when matched is false */
  readonly mismatch?: Mismatch;
  /** false for statements of policies that did not take part (an SCP for the management account, …) */
  readonly applies: boolean;
}

export interface EvaluationResult {
  readonly verdict: Verdict;
  /** the deciding statements: every matching Deny for an explicit deny; the Allows that were needed for allowed; none for an implicit deny */
  readonly decidedBy: readonly StatementRef[];
  /** for an implicit deny: the policy kind that lacked an Allow (with the SCP level) */
  readonly blockedBy?: { readonly kind: PolicyKind | 'trust'; readonly level?: number };
  /** one sentence explaining the verdict */
  readonly reason: string;
  /** every statement of every policy, with the first element that did not match */
  readonly statements: readonly StatementTrace[];
  /**
   * context keys absent from the request that could change the decision (allowed vs denied, or which deny):
   * empty when no value of any absent key could change it
   */
  readonly missingContextKeys: readonly string[];
  /** notes about behaviour the documentation does not settle, or inputs that were ignored */
  readonly notes: readonly string[];
}
