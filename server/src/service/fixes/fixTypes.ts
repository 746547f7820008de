// The contract of quick fixes and refactorings: providers turn a diagnostic (dispatched on its code and
// data, never its message) or a cursor range into proposals made of text edits on the current text.

import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../knowledge/catalog';
import type { ParsedDocument } from '../parser/parseDocument';
import type { PolicyDocument, Statement } from '../parser/policyModel';
import type { ServiceSettings } from '../rules/rule';

/** One replacement in offsets of the current text (converted to LSP ranges at the edge). */
export interface OffsetEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export type ProposalKind = 'quickfix' | 'refactor.rewrite' | 'refactor.extract';

export interface FixProposal {
  readonly title: string;
  readonly kind: ProposalKind;
  readonly edits: readonly OffsetEdit[];
  /** safe = changes no permission and cannot surprise: eligible for "Fix all" and `iam-policy-check --fix` */
  readonly safe?: boolean;
  readonly isPreferred?: boolean;
  /**
   * the fix repairs a name that grants nothing today (a typo) into the name the user meant, so it grants
   * what was intended: the only kind of fix allowed to add a granted action (never safe for fix-all)
   */
  readonly repairsName?: boolean;
  /** edits contain snippet tab stops (`${1:Name}`); only produced when the client supports snippet edits */
  readonly snippet?: boolean;
}

export interface FixContext {
  readonly doc: TextDocument;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly catalog: IamCatalog;
  readonly settings: ServiceSettings;
  /** the client applies SnippetTextEdit (LSP 3.18): placeholders may be tab stops */
  readonly snippetEdits: boolean;
}

export interface QuickFixProvider {
  /** diagnostic codes this provider answers */
  readonly codes: readonly string[];
  provide(ctx: FixContext, diagnostic: Diagnostic, at: { readonly offset: number; readonly length: number }): FixProposal[];
}

export interface RefactoringProvider {
  readonly id: string;
  provide(ctx: FixContext, range: Range, offsets: { readonly start: number; readonly end: number }): FixProposal[];
}

/** The policy and statement that contain an offset, if any. */
export function locate(parsed: ParsedDocument, offset: number): { policy: PolicyDocument; statement: Statement | undefined } | undefined {
  for (const policy of parsed.policies) {
    if (offset < policy.root.offset || offset > policy.root.offset + policy.root.length) continue;
    const statement = policy.statements.find((s) => offset >= s.node.offset && offset <= s.node.offset + s.node.length);
    return { policy, statement };
  }
  return undefined;
}
