// Document and range formatting for the `iam-policy` language (*.iam.json, *.policy.json): VS Code's JSON
// formatter does not apply to a language of our own, so we format with jsonc-parser's formatter. Plain json
// documents keep the editor's JSON formatter (registered for iam-policy only, never for json/jsonc).
// Clients that do not register formatting per language (Neovim) send every file: only a plain JSON policy is
// ever formatted; YAML, Terraform, templates and non-policy JSON get no edit (`isFormattable`).

import { format } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../service';

export const FORMATTED_LANGUAGE = 'iam-policy';

/** The edits that format `range` (or the whole document), keeping the document's line ending. */
export function formatDocument(doc: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  const text = doc.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const offsets = range ? { offset: doc.offsetAt(range.start), length: doc.offsetAt(range.end) - doc.offsetAt(range.start) } : undefined;
  return format(text, offsets, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, insertFinalNewline: options.insertFinalNewline === true }).map((e) => ({
    range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}

/**
 * Only a plain JSON policy file: not a CloudFormation/SAM template (JSON or YAML) or Terraform file, whose
 * layout is the user's and whose syntax may not be JSON at all; not JSON that is not a policy (package.json);
 * not a document over the size limits.
 */
export function isFormattable(parsed: ParsedDocument | undefined): boolean {
  return parsed !== undefined && parsed.isPolicy && parsed.container === undefined && parsed.syntax === undefined && parsed.skipped === undefined && parsed.root !== undefined;
}
