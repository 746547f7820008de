// Turns the command-line PATHs into the list of files to check: explicit files as given, directories walked
// recursively for the checked extensions (fileFilter.ts; sorted, skipping node_modules, .git, IaC tool caches,
// .gitignore'd paths (gitignore.ts) and --ignore matches, not following symlinked directories).
// Read errors are collected, not thrown, so one bad path never stops the run.

import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isCheckedFileName } from './fileFilter';
import { GitignoreStack, isSkippedDir } from './gitignore';

export interface CandidateFile {
  readonly path: string;
  /** named on the command line: always checked as a policy */
  readonly explicit: boolean;
}

export interface Collected {
  readonly files: CandidateFile[];
  readonly errors: { readonly path: string; readonly message: string }[];
}

function errorMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.message ?? String(err);
}

/** true for paths (files or folders) a directory walk must skip */
export type IgnorePredicate = (path: string) => boolean;

function walk(dir: string, out: Collected, ignored: IgnorePredicate, outerGit: GitignoreStack | undefined): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.errors.push({ path: dir, message: `cannot read directory: ${errorMessage(err)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const git = outerGit?.enter(dir);
  const parentName = basename(resolve(dir));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (ignored(p)) continue;
    if (e.isDirectory()) {
      if (!isSkippedDir(e.name, parentName) && !git?.ignores(p, true)) walk(p, out, ignored, git);
    } else if ((e.isFile() || e.isSymbolicLink()) && isCheckedFileName(e.name) && !git?.ignores(p, false)) {
      out.files.push({ path: p, explicit: false });
    }
  }
}

/** Files named in `paths` are always taken; `ignored` only prunes what a directory walk finds. */
export function collectFiles(paths: readonly string[], ignored: IgnorePredicate = () => false, options: { readonly gitignore?: boolean } = {}): Collected {
  const out: Collected = { files: [], errors: [] };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      out.errors.push({ path: p, message: `cannot read: ${errorMessage(err)}` });
      continue;
    }
    // the walk root's own .gitignore is read by walk() when it enters the root
    if (isDir) walk(p, out, ignored, options.gitignore === false ? undefined : GitignoreStack.forRoot(p));
    else out.files.push({ path: p, explicit: true });
  }
  return out;
}
