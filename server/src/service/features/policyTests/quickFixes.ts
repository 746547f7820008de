// Quick fixes in policy test files: did-you-mean for an action the catalog does not know (TEST_UNKNOWN_ACTION,
// from the loader) and for a context key no service defines (TEST_UNKNOWN_CONTEXT_KEY). Each replaces the one
// flagged token, keeping JSON quotes; the replacement is the catalog's closest name, never a guess of our own.

import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';

export function testFileQuickFixes(doc: TextDocument, diagnostics: readonly Diagnostic[], catalog: IamCatalog): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'TEST_UNKNOWN_ACTION' && d.code !== 'TEST_UNKNOWN_CONTEXT_KEY') continue;
    const raw = doc.getText(d.range);
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    const value = quoted ? raw.slice(1, -1) : raw;
    const suggestion = d.code === 'TEST_UNKNOWN_ACTION' ? catalog.closestAction(value) : catalog.closestConditionKey(value);
    if (!suggestion || suggestion === value) continue;
    const newText = quoted ? `${raw[0]}${suggestion}${raw[0]}` : suggestion;
    out.push({ title: `Change to "${suggestion}"`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [{ range: d.range, newText }] } } });
  }
  return out;
}
