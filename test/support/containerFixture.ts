// Annotated fixtures for container formats whose comments start with `#` (CloudFormation YAML, Terraform): the same
// grammar as fixture.ts with `#` in place of `//`, e.g. `#   ^^^^ CODE [severity] [message]`, `# @@ 0-1 CODE`,
// `# @rules all`, `# @uri template.yaml`. Other `#` lines are ordinary comments and stay in the document. JSON
// templates use fixture.ts directly (`//` lines).

import { runFixture, type FixtureRun } from './runFixture';

const HASH_ANNOTATION = /^#(\s+)(\^+\+?\s+[A-Z][A-Z0-9_]*.*)$/;
const HASH_EXPLICIT_OR_DIRECTIVE = /^#\s*(@@\s*\d+-\d+\+?\s+[A-Z][A-Z0-9_]*.*|@[a-z]+\b.*)$/;

/**
 * Rewrites `#` annotation and directive lines into the `//` form fixture.ts reads. `#` + n spaces becomes `//` +
 * (n - 1) spaces so every caret keeps its column; a caret right after `#` cannot be drawn: use `# @@ start-end`.
 */
export function hashToSlashAnnotations(source: string): string {
  return source
    .split(/\r?\n/)
    .map((raw) => {
      const trimmed = raw.trimStart();
      const indent = raw.slice(0, raw.length - trimmed.length);
      const carets = HASH_ANNOTATION.exec(trimmed);
      if (carets) return `${indent}//${carets[1]!.slice(1)}${carets[2]}`;
      const other = HASH_EXPLICIT_OR_DIRECTIVE.exec(trimmed);
      if (other) return `${indent}// ${other[1]}`;
      if (trimmed.startsWith('//')) throw new Error(`a container fixture line starts with "//" (use # comments): ${raw}`);
      return raw;
    })
    .join('\n');
}

/** Runs the real service over a container fixture; `#` fixtures are rewritten first, `//` ones run as they are. */
export function runContainerFixture(source: string, fileName: string): FixtureRun {
  const usesHash = !/\.jsonc?$/.test(fileName);
  const text = usesHash ? hashToSlashAnnotations(source) : source;
  const withUri = /^\s*\/\/\s*@uri\b/m.test(text) ? text : `// @uri ${fileName}\n${text}`;
  return runFixture(withUri);
}
