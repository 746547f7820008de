// The editor's check of a policy test file that the engine's loader (evaluation/testFile.ts) does not make:
// context keys that no service defines (a typo there silently leaves the real key absent from the request).
// It reads the loader's suite (keys with their offsets), so the file is parsed once. Syntax, unknown keys, wrong
// types, unknown actions, bad `expect` values and unreadable policies come from the loader and the runner.

import type { IamCatalog } from '../../knowledge/catalog';
import type { ContextItem, PolicyTestSuite } from '../../evaluation/testFile';

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

export function checkTestFile(suite: PolicyTestSuite, catalog: IamCatalog): TestFileFinding[] {
  const out: TestFileFinding[] = [];
  const items: ContextItem[] = [...suite.context, ...suite.tests.flatMap((t) => t.context)];
  for (const item of items) {
    const key = item.key.value;
    if (catalog.getConditionKey(key)) continue;
    const suggestion = catalog.closestConditionKey(key);
    out.push({
      code: 'TEST_UNKNOWN_CONTEXT_KEY',
      severity: 'warning',
      message: `No service defines the condition key "${key}", so no policy can test it${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
      offset: item.key.offset,
      length: Math.max(1, item.key.length),
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
