// The editor's checks of a policy test file that the engine's loader (evaluation/testFile.ts) does not make:
// context keys that no service defines (a typo there silently leaves the key absent from the request) and
// context values of the wrong shape. Syntax, unknown keys, wrong types, unknown actions, bad `expect` values
// and unreadable policies come from the loader and the runner; the caller merges both lists.

import type { JsonNode } from '../../parser/jsonTree';
import type { IamCatalog } from '../../knowledge/catalog';
import { walkProperties, type TestFileTree } from './testFileTree';

export type EditorTestCode = 'TEST_UNKNOWN_CONTEXT_KEY' | 'TEST_FAILED' | 'TEST_NOT_RUN';

export interface TestFileFinding {
  readonly code: EditorTestCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /** did-you-mean replacement for the flagged key, when there is one */
  readonly suggestion?: string;
}

export function checkTestFile(tree: TestFileTree, catalog: IamCatalog): TestFileFinding[] {
  const out: TestFileFinding[] = [];
  walkProperties(tree.root, (path, property) => {
    const parent = path.slice(0, -1);
    const inContext = (parent.length === 3 && parent[0] === 'tests' && parent[2] === 'context') || (parent.length === 1 && parent[0] === 'context');
    if (!inContext) return;
    const keyNode: JsonNode = property.children![0]!;
    const key = String(keyNode.value);
    if (catalog.getConditionKey(key)) return;
    const suggestion = catalog.closestConditionKey(key);
    out.push({
      code: 'TEST_UNKNOWN_CONTEXT_KEY',
      severity: 'warning',
      message: `No service defines the condition key "${key}", so no policy can test it${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
      offset: keyNode.offset,
      length: Math.max(1, keyNode.length),
      ...(suggestion ? { suggestion } : {}),
    });
  });
  return out;
}
