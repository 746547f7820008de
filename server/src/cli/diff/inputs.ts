// Reads the two versions the diff compares: two files (OLD NEW), or `--git REF PATH...` (each PATH against its
// version at REF, through `git show REF:./PATH`; a directory PATH takes the policy-like files git knows under it
// at REF or in the working tree; a file missing on one side was added or deleted). Node/git I/O only.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { DiffInput } from '../../service/diff/report';

export type Inputs = { readonly ok: true; readonly inputs: DiffInput[] } | { readonly ok: false; readonly error: string };

const POLICY_FILE = /\.(json|ya?ml|template|tf)$/i;

function readOrUndefined(path: string): string | undefined {
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
}

/** OLD and NEW files: both must be readable (a missing one is a usage error: use --git for added/deleted files). */
export function readFilePair(oldPath: string, newPath: string): Inputs {
  const out: string[] = [];
  for (const p of [oldPath, newPath]) {
    try {
      out.push(readFileSync(p, 'utf8'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ok: false, error: `cannot read ${p}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}` };
    }
  }
  return { ok: true, inputs: [{ path: newPath, oldText: out[0], newText: out[1] }] };
}

function git(args: readonly string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** `--git REF PATH...`: each path (relative to the current directory) at REF and in the working tree. */
export function readGitInputs(ref: string, paths: readonly string[]): Inputs {
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return { ok: false, error: `--git: "${ref}" is not a commit in this repository (or this is not a git repository)` };
  }
  const files: string[] = [];
  const walked = new Set<string>();
  for (const p of paths) {
    const isDir = existsSync(p) ? statSync(p).isDirectory() : treeType(ref, p) === 'tree';
    if (!isDir) {
      files.push(p);
      continue;
    }
    const atRef = git(['ls-tree', '-r', '--name-only', ref, '--', `./${p}`]).split('\n');
    const now = git(['ls-files', '-co', '--exclude-standard', '--', p]).split('\n');
    // ls-tree prints paths relative to the current directory when given ./path; ls-files does too
    for (const f of [...atRef, ...now]) {
      if (!f || !POLICY_FILE.test(f) || files.includes(f)) continue;
      files.push(f);
      walked.add(f);
    }
  }
  const inputs: DiffInput[] = [];
  for (const f of files) {
    let oldText: string | undefined;
    try {
      oldText = git(['show', `${ref}:./${f}`]);
    } catch {
      oldText = undefined;
    }
    const newText = readOrUndefined(f);
    if (oldText === undefined && newText === undefined) return { ok: false, error: `${f}: not at ${ref} and not in the working tree` };
    inputs.push({ path: f, oldText, newText, explicit: !walked.has(f) });
  }
  return { ok: true, inputs };
}

function treeType(ref: string, p: string): string | undefined {
  try {
    return git(['cat-file', '-t', `${ref}:./${p}`]).trim();
  } catch {
    return undefined;
  }
}
