// What a directory walk skips besides --ignore and .iam-policy.json "ignore": the build and cache folders of IaC
// tools (their templates are copies or third-party modules, so findings came twice) and .gitignore'd paths, read
// with the `ignore` package (git's own matching rules: anchoring, `!` re-includes, directory-only patterns).
// Files named on the command line are never skipped by this.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folder names never walked into (tool caches, build output, dependencies). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform', '.terragrunt-cache', '.aws-sam', '.serverless']);

/** `cdk.out/asset.*`: CDK's copies of asset folders (Lambda code, nested templates' inputs). */
export function isSkippedDir(name: string, parentName: string): boolean {
  return SKIPPED_DIRS.has(name) || (parentName === 'cdk.out' && name.startsWith('asset.'));
}

interface Layer {
  readonly dir: string;
  readonly ig: Ignore;
}

function readLayer(dir: string): Layer | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir, ig: ignore().add(text) };
}

/**
 * The .gitignore files that apply in a walk: those of the folders between the repository root (the nearest
 * ancestor holding `.git`) and the walk's start, then each folder's own as the walk enters it.
 */
export class GitignoreStack {
  private constructor(private readonly layers: readonly Layer[]) {}

  /** The stack for a walk starting at `root`: the .gitignore files of its ancestors up to the repository root. */
  static forRoot(root: string): GitignoreStack {
    const abs = resolve(root);
    const chain: string[] = [];
    if (!existsSync(join(abs, '.git'))) {
      for (let dir = dirname(abs); ; dir = dirname(dir)) {
        chain.unshift(dir);
        if (existsSync(join(dir, '.git'))) break;
        if (dirname(dir) === dir) {
          // not in a repository: only the .gitignore files from the walk root down apply
          chain.length = 0;
          break;
        }
      }
    }
    return new GitignoreStack(chain.map(readLayer).filter((l): l is Layer => l !== undefined));
  }

  /** The stack inside `dir` (its .gitignore added when there is one). */
  enter(dir: string): GitignoreStack {
    const layer = readLayer(resolve(dir));
    return layer ? new GitignoreStack([...this.layers, layer]) : this;
  }

  /** true when git would ignore `path` (a directory when `isDir`). */
  ignores(path: string, isDir: boolean): boolean {
    const abs = resolve(path);
    let ignored = false;
    for (const { dir, ig } of this.layers) {
      const rel = relative(dir, abs);
      if (rel === '' || rel.startsWith('..')) continue;
      const r = ig.test(rel.split(sep).join('/') + (isDir ? '/' : ''));
      // a deeper .gitignore can re-include what a shallower one ignored
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}
