// Code actions: quick fixes dispatched on diagnostic code + data, refactorings at the cursor, fix-all.
// (Issue 6 fills this in.)

import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';

export function doCodeActions(_ctx: FeatureContext, _doc: TextDocument, _range: Range, _context: CodeActionContext): CodeAction[] {
  return [];
}
