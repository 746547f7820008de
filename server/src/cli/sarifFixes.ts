// The SARIF `fixes` of one diagnostic: the service's quick fixes reduced to plain text edits in the same file.
// Snippet edits (tab stops) are left out. In YAML and HCL files only fixes that replace a value with a JSON string
// literal are kept: a string literal is valid YAML and HCL, structural JSON inserts are not.

import { CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamLanguageService, ParsedDocument, ServiceSettings } from '../service';
import type { SarifFix } from './sarif';

const JSON_STRING = /^"(?:[^"\\\n]|\\.)*"$/;

export function sarifFixesFor(service: IamLanguageService, doc: TextDocument, parsed: ParsedDocument, diagnostic: Diagnostic, settings?: ServiceSettings): SarifFix[] {
  const actions = service.codeActions(doc, parsed, diagnostic.range, { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] }, settings);
  const fixes: SarifFix[] = [];
  for (const a of actions) {
    if (a.kind !== undefined && a.kind !== CodeActionKind.QuickFix && !a.kind.startsWith(`${CodeActionKind.QuickFix}.`)) continue;
    const edits: TextEdit[] | undefined = a.edit?.changes?.[doc.uri];
    // documentChanges are only used for snippet edits, which a SARIF consumer cannot apply
    if (!edits || edits.length === 0 || a.edit?.documentChanges) continue;
    if (parsed.syntax && !edits.every((e) => JSON_STRING.test(e.newText))) continue;
    fixes.push({ title: a.title, edits: edits.map((e) => ({ range: e.range, newText: e.newText })) });
  }
  return fixes;
}
