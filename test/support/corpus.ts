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
