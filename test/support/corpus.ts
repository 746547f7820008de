// The real-policy corpus under test/fixtures/policies: AWS-published policies in aws/, collected real-world
// ones in real/ (by kind, in subfolders). Listing only; each test decides what to check on it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './catalog';

export const POLICIES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'policies');

/** Every .json file under aws/ and real/, depth first in name order, as absolute paths. */
export function corpusFiles(): string[] {
  return [join(POLICIES_DIR, 'aws'), join(POLICIES_DIR, 'real')].flatMap((dir) => jsonFilesUnder(dir));
}

/** The texts of corpusFiles(). */
export function corpusTexts(): string[] {
  return corpusFiles().map((file) => readFileSync(file, 'utf8'));
}

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFilesUnder(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/**
 * The 1,523 AWS managed policies of the shared workspace (`../shared/corpus/aws-managed` seen from the repository
 * root, or from the folder above it for a worktree such as /work/wt/<branch>); IAM_MANAGED_CORPUS overrides.
 * Never copied into the repository. undefined when it is not there (a plain clone): tests then skip.
 */
export function managedCorpusDir(): string | undefined {
  const candidates = [process.env['IAM_MANAGED_CORPUS'], join(REPO_ROOT, '..', 'shared', 'corpus', 'aws-managed'), join(REPO_ROOT, '..', '..', 'shared', 'corpus', 'aws-managed')];
  return candidates.find((dir): dir is string => dir !== undefined && dir !== '' && isDirectory(dir));
}

/** The managed corpus's policy files (absolute paths, name order). */
export function managedCorpusFiles(dir = managedCorpusDir()): string[] {
  return dir === undefined ? [] : jsonFilesUnder(dir);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
