// The contract every rule module implements, and the context it is given. One rule = one stable
// UPPER_SNAKE code, one file. Rules report spans; turning them into LSP diagnostics happens in toDiagnostic.ts.

import type { IamCatalog } from '../knowledge/catalog';
import type { ParsedDocument } from '../parser/parseDocument';
import type { Element, Located, PolicyDocument, Span } from '../parser/policyModel';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface ServiceSettings {
  /** per-rule severity override, e.g. {"RESOURCE_STAR": "off"} */
  readonly rules?: Readonly<Record<string, SeverityOrOff>>;
  /** the user's own AWS account IDs: a principal from any other account is cross-account */
  readonly accountIds?: readonly string[];
  /** action patterns (e.g. "iam:*", "kms:Decrypt") that SENSITIVE_ACTION_WITHOUT_CONDITION watches; replaces its default table */
  readonly sensitiveActions?: readonly string[];
  /** opt in to the pre-September-2025 SCP language limits (LEGACY_SCP_SYNTAX); SCPs take full IAM syntax now */
  readonly legacyScp?: boolean;
  /**
   * how many days old the IAM data is (set by the CLI and server from the catalog's date): over
   * STALE_DATA_DAYS, INVALID_ACTION says that an unknown action of a known service may be newer than the data
   */
  readonly dataAgeDays?: number;
}

/** IAM data older than this many days may miss actions AWS added since (AWS adds actions every week). */
export const STALE_DATA_DAYS = 90;

export type RuleCategory = 'syntax' | 'grammar' | 'policy-type' | 'action' | 'resource' | 'principal' | 'condition' | 'security' | 'limits' | 'hygiene';

export interface RuleMeta {
  /** stable UPPER_SNAKE id; never renamed once shipped */
  readonly code: string;
  readonly defaultSeverity: Severity;
  readonly category: RuleCategory;
  /** one line: what the rule finds */
  readonly summary: string;
  /** ids of ../shared/spec/checks-catalogue.md §6 entries the rule implements, e.g. ["G06"] */
  readonly catalogue: readonly string[];
  /** Access Analyzer check codes this rule corresponds to, so users can map one to the other */
  readonly accessAnalyzer?: readonly string[];
  /** markdown: why it matters, with a bad and a good example (rendered into docs/rules.md) */
  readonly docs: string;
}

export interface ReportOptions {
  /** JSON-serialisable payload for quick fixes (dispatched on code + data, never on message text) */
  readonly data?: Record<string, unknown>;
  /** overrides the rule's default severity for this finding (e.g. G15 is an error only where Sids must be unique) */
  readonly severity?: Severity;
  readonly tags?: ReadonlyArray<'unnecessary' | 'deprecated'>;
}

export interface Finding {
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  readonly severity: Severity;
  readonly data?: Record<string, unknown>;
  readonly tags?: ReadonlyArray<'unnecessary' | 'deprecated'>;
}

/** Something with a place in the document: a span, a Located value, or an Element (reported on its key). */
export type Reportable = Span | Located<unknown> | Element;

export interface DocumentContext {
  readonly document: ParsedDocument;
  readonly text: string;
  readonly catalog: IamCatalog;
  readonly settings: ServiceSettings;
  report(at: Reportable, message: string, options?: ReportOptions): void;
}

export interface PolicyContext extends DocumentContext {
  readonly policy: PolicyDocument;
}

export interface Rule extends RuleMeta {
  /** runs once per policy in the document */
  checkPolicy?(ctx: PolicyContext): void;
  /** runs once per document (syntax errors, duplicate keys, characters) */
  checkDocument?(ctx: DocumentContext): void;
}

export function spanOfReportable(at: Reportable): Span {
  if ('keySpan' in at) return at.keySpan;
  if ('span' in at) return at.span;
  return at;
}
