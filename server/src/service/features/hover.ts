// Hover: markdown explaining the action, key, operator, ARN, principal or element under the cursor.
// (Issue 5 fills this in.)

import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';

export function doHover(_ctx: FeatureContext, _doc: TextDocument, _position: Position): Hover | null {
  return null;
}
