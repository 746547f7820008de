// Completion: element names, actions, ARN templates, condition operators/keys/values at the cursor.
// (Issue 5 fills this in.)

import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';

export function doComplete(_ctx: FeatureContext, _doc: TextDocument, _position: Position): CompletionList {
  return { isIncomplete: false, items: [] };
}
