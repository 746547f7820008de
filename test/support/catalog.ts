// Test helper: the real catalog built by `npm run build` (dist/iam-catalog.json), loaded once per process the way
// the server and CLI load it (runtime/bundledCatalog.ts: each service's actions parsed on first use).

import { join } from 'node:path';
import type { IamCatalog } from '../../server/src/service';
import { loadBundledCatalog } from '../../server/src/runtime/bundledCatalog';

let cached: IamCatalog | undefined;

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function testCatalog(): IamCatalog {
  if (!cached) {
    cached = loadBundledCatalog(join(REPO_ROOT, 'dist'));
  }
  return cached;
}
