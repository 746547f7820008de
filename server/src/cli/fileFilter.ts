// Which files a directory walk checks, and the `--ignore` globs of the command line. Globs are matched against
// the path relative to the current directory with the same matcher as .iam-policy.json ("ignore", "files").

import { relative, isAbsolute } from 'node:path';
import { matchAnyGlob } from '../config/globs';

/** Policies (*.json), CloudFormation/SAM templates (*.yaml, *.yml, *.template), Terraform (*.tf) and its policy templates (*.json.tftpl, *.json.tpl). */
export const CHECKED_FILE = /\.(json|ya?ml|template|tf|json\.tftpl|json\.tpl)$/i;

export function isCheckedFileName(name: string): boolean {
  return CHECKED_FILE.test(name);
}

/** True when `path` matches one of the `--ignore` globs (relative to `cwd`, `/` separators). */
export function ignoredByCommandLine(patterns: readonly string[], path: string, cwd: string): boolean {
  if (patterns.length === 0) return false;
  const rel = relative(cwd, path);
  const target = rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return matchAnyGlob(patterns, target.replace(/\\/g, '/'));
}
