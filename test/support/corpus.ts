// The real-policy corpora: test/fixtures/policies (AWS-published policies in aws/, collected real-world ones in
// real/, by kind) and the shared AWS managed-policy corpus outside the repository. Listing only; each test decides what to check.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
 * The 1,523 AWS managed policies of the shared corpus (`../shared/corpus/aws-managed` next to the main
 * repository; IAM_MANAGED_CORPUS overrides). Never copied into the repository. Undefined when it is not there
 * (a clone outside the team's machine): the test that needs it then says it was skipped and why.
 */
export function managedCorpusDir(): string | undefined {
  const candidates = [
    process.env.IAM_MANAGED_CORPUS,
    join(REPO_ROOT, '..', 'shared', 'corpus', 'aws-managed'),
    // worktrees live one level deeper (/work/wt/<branch>) than the main repository (/work/main)
    join(REPO_ROOT, '..', '..', 'shared', 'corpus', 'aws-managed'),
  ];
  return candidates.find((d): d is string => d !== undefined && existsSync(d) && statSync(d).isDirectory());
}

/** Every .json file of managedCorpusDir(), in name order, as absolute paths ([] when the corpus is absent). */
export function managedCorpusFiles(): string[] {
  const dir = managedCorpusDir();
  return dir ? jsonFilesUnder(dir) : [];
}
