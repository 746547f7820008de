// CodeLens above each statement: its access-level summary. (Issue 7 fills this in.)

import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';

export function doCodeLens(_ctx: FeatureContext, _doc: TextDocument): CodeLens[] {
  return [];
}
