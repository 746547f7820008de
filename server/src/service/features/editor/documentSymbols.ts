// Document symbols (the outline) for every policy in a document: policy -> its statements, named by Sid (or
// "Statement N"), with the effect and the first action as detail. Works inside CloudFormation/SAM templates and
// Terraform files (one policy symbol per embedded policy, labelled by its resource). Positions only; no checking.

import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../parser/parseDocument';
import type { PolicyDocument, Span, Statement } from '../../parser/policyModel';

function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.offset), end: doc.positionAt(span.offset + span.length) };
}

/** "Allow s3:GetObject (+2)" or "Deny NotAction iam:*" */
export function statementDetail(st: Statement): string {
  const parts: string[] = [];
  if (st.effect) parts.push(String(st.effect.value));
  const items = st.action?.items ?? [];
  if (st.action?.negated) parts.push('NotAction');
  if (items.length > 0) parts.push(`${items[0]!.value}${items.length > 1 ? ` (+${items.length - 1})` : ''}`);
  return parts.join(' ');
}

function statementSymbol(doc: TextDocument, st: Statement): DocumentSymbol {
  const range = rangeOf(doc, st.node);
  const sid = st.sid && st.sid.value !== '' ? st.sid : undefined;
  const sidRange = sid ? rangeOf(doc, sid.span) : undefined;
  const selection = sidRange && containedIn(sidRange, range) ? sidRange : { start: range.start, end: range.start };
  return { name: sid ? sid.value : `Statement ${st.index + 1}`, detail: statementDetail(st), kind: SymbolKind.Object, range, selectionRange: selection };
}

function policyName(policy: PolicyDocument, index: number, count: number): string {
  if (policy.label) return policy.label;
  return count > 1 ? `Policy ${index + 1}` : 'Policy';
}

export function doDocumentSymbols(parsed: ParsedDocument, doc: TextDocument): DocumentSymbol[] {
  if (!parsed.isPolicy || parsed.skipped) return [];
  const out: DocumentSymbol[] = [];
  // Fn::If variants are several policies over the same text: one symbol per place
  const seenPolicies = new Set<number>();
  const distinct = parsed.policies.filter((p) => !seenPolicies.has(p.root.offset) && (seenPolicies.add(p.root.offset), true));
  distinct.forEach((policy, i) => {
    const range = rangeOf(doc, policy.span);
    const seenStatements = new Set<number>();
    const children: DocumentSymbol[] = [];
    for (const variant of parsed.policies.filter((p) => p.root.offset === policy.root.offset)) {
      for (const st of variant.statements) {
        if (seenStatements.has(st.node.offset)) continue;
        seenStatements.add(st.node.offset);
        children.push(statementSymbol(doc, st));
      }
    }
    children.sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
    const selection = policy.statementElement ? rangeOf(doc, policy.statementElement.keySpan) : { start: range.start, end: range.start };
    out.push({
      name: policyName(policy, i, distinct.length),
      detail: `${policy.policyType} policy, ${children.length} statement${children.length === 1 ? '' : 's'}`,
      kind: SymbolKind.Module,
      range,
      selectionRange: containedIn(selection, range) ? selection : { start: range.start, end: range.start },
      children,
    });
  });
  return out;
}

/** LSP requires selectionRange inside range (a Terraform statement key may sit outside a policy's span). */
function containedIn(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
