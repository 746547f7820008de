// Test helper: the real catalog built by `npm run build` (dist/iam-catalog.json), loaded once per process.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type IamCatalog, type RawCatalog } from '../../server/src/service';

let cached: IamCatalog | undefined;

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function testCatalog(): IamCatalog {
  if (!cached) {
    const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'iam-catalog.json'), 'utf8')) as RawCatalog;
    cached = loadCatalog(raw);
  }
  return cached;
}
