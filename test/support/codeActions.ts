// Test helper: run the real service's code actions at a `$0` cursor (or for a diagnostic) and apply them.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createIamLanguageService, type IamLanguageService } from '../../server/src/service';
import { extractCursor } from './fixture';
import { testCatalog } from './catalog';

let service: IamLanguageService | undefined;
export function testService(): IamLanguageService {
  return (service ??= createIamLanguageService({ catalog: testCatalog(), rethrow: true }));
}

export function docOf(text: string, uri = 'file:///policy.json'): TextDocument {
  return TextDocument.create(uri, 'json', 1, text);
}

/** Code actions offered at the `$0` cursor (refactorings) plus quick fixes for the diagnostics there. */
export function actionsAt(textWithCursor: string, only?: string[]): { doc: TextDocument; actions: CodeAction[] } {
  const { text, offset } = extractCursor(textWithCursor);
  const doc = docOf(text);
  const svc = testService();
  const parsed = svc.parse(doc);
  const pos = doc.positionAt(offset);
  const diagnostics = svc.validate(doc, parsed).filter((d) => doc.offsetAt(d.range.start) <= offset && offset <= doc.offsetAt(d.range.end));
  const actions = svc.codeActions(doc, parsed, { start: pos, end: pos }, { diagnostics, ...(only ? { only } : {}) });
  return { doc, actions };
}

export function applyEdits(doc: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(doc, [...edits]);
}

/** The text after applying a code action's workspace edit to `doc`. */
export function applyAction(doc: TextDocument, action: CodeAction): string {
  const edit = action.edit;
  if (!edit) throw new Error(`action "${action.title}" has no edit`);
  if (edit.changes) return applyEdits(doc, edit.changes[doc.uri] ?? []);
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('edits' in change)) continue;
    for (const e of change.edits) edits.push({ range: e.range, newText: 'newText' in e ? e.newText : (e as { snippet: { value: string } }).snippet.value });
  }
  return applyEdits(doc, edits);
}

export function diagnosticsOf(text: string, uri?: string): Diagnostic[] {
  const doc = docOf(text, uri);
  const svc = testService();
  return svc.validate(doc, svc.parse(doc));
}
