// Hover in policy test files: what a key of the format means, the catalog's documentation of the action (the
// same text as in policies: features/hover/actionHover.ts), a context key's type and description, a
// verdict's meaning. Nothing is evaluated here.

import type { Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';
import { actionHover } from '../hover/actionHover';
import { conditionKeyHover } from '../hover/conditionHover';
import { isYamlName } from './cursor';
import { EXPECT_VALUES, keyInfoAt } from './format';
import { propertyAt, readTestFileTree } from './testFileTree';

export function hoverTestFile(doc: TextDocument, offset: number, catalog: IamCatalog): Hover | null {
  const tree = readTestFileTree(doc.getText(), isYamlName(doc.uri));
  const at = propertyAt(tree.root, offset);
  if (!at) return null;
  const keyNode = at.property.children![0]!;
  const value = at.property.children?.[1];
  const key = at.path[at.path.length - 1];
  const parent = at.path.slice(0, -1);
  const range = (n: { offset: number; length: number }) => ({ start: doc.positionAt(n.offset), end: doc.positionAt(n.offset + n.length) });
  const md = (text: string, n: { offset: number; length: number }): Hover => ({ contents: { kind: 'markdown', value: text }, range: range(n) });
  const inContext = (parent.length === 3 && parent[0] === 'tests' && parent[2] === 'context') || (parent.length === 1 && parent[0] === 'context');
  if (at.onKey) {
    if (inContext && typeof key === 'string') return md(conditionKeyHover(catalog, key, undefined), keyNode);
    const info = keyInfoAt(at.path);
    return info ? md(`**${info.key}**: ${info.doc}`, keyNode) : null;
  }
  if (!value || typeof value.value !== 'string' || offset < value.offset) return null;
  if (key === 'action' && parent[0] === 'tests') return md(actionHover(catalog, value.value), value);
  if (key === 'expect') {
    const e = EXPECT_VALUES.find(([v]) => v === value.value);
    return e ? md(`**${e[0]}**: ${e[1]}`, value) : null;
  }
  return null;
}
