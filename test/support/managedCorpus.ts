// The AWS managed policies of the shared corpus (never copied into the repository): `../shared/corpus/aws-managed`
// next to the main checkout, found by walking up from the repository root (worktrees sit one level deeper), or
// IAM_SHARED_DIR. Listing only; a missing corpus is an error, never a silently skipped test.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './catalog';

export function managedCorpusDir(): string {
  const fromEnv = process.env.IAM_SHARED_DIR;
  if (fromEnv) return join(fromEnv, 'corpus', 'aws-managed');
  let dir = REPO_ROOT;
  for (let i = 0; i < 4; i++) {
    const candidate = join(dirname(dir), 'shared', 'corpus', 'aws-managed');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the AWS managed policy corpus (../shared/corpus/aws-managed) was not found above ${REPO_ROOT}; set IAM_SHARED_DIR`);
}

/** Every managed policy file, sorted by name, as absolute paths. */
export function managedPolicyFiles(): string[] {
  const dir = managedCorpusDir();
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));
}
