// The findings on all 1,523 AWS managed policies must not change by accident (a speed-up must give the same
// answers): the built CLI (node dist/cli.js --format json) runs over ../shared/corpus/aws-managed and each file's
// findings (code, severity, range, message), policy type and quick-fix titles are hashed and compared with the
// checked-in digest test/fixtures/corpus-digest/aws-managed.json, in the walk's order.
//
// A deliberate change of findings (a new rule, a better message): regenerate with
//   npm run build && npm run build:tests && UPDATE_CORPUS_DIGEST=1 node scripts/runTests.mjs managedCorpusDigest
// and say in the commit why the findings changed (`git diff --stat` shows how many files did).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { managedCorpusDir, managedCorpusFiles } from '../../support/corpus';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const DIGEST = join(REPO_ROOT, 'test', 'fixtures', 'corpus-digest', 'aws-managed.json');
const update = process.env['UPDATE_CORPUS_DIGEST'] === '1';

interface CliFile {
  path: string;
  policyType: string | null;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixes: string[] }[];
}

interface FileDigest {
  /** policy type, finding count, hash of (code, severity, range, message) per finding */
  readonly findings: string;
  /** hash of the quick-fix titles per finding */
  readonly fixes: string;
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** INVALID_ACTION's stale-data hint counts the days since the IAM data was published: a digest must not age */
const stable = (message: string): string => message.replace(/The IAM data is \d+ days old/g, 'The IAM data is N days old');

function digestOf(file: CliFile): FileDigest {
  const r = (p: { line: number; character: number }): string => `${p.line}:${p.character}`;
  return {
    findings: `${file.policyType ?? '-'} ${file.diagnostics.length} ${hash(file.diagnostics.map((d) => [d.code, d.severity, `${r(d.range.start)}-${r(d.range.end)}`, stable(d.message)]))}`,
    fixes: hash(file.diagnostics.map((d) => d.fixes)),
  };
}

const corpus = managedCorpusDir();

test('findings on every AWS managed policy equal the checked-in digest', { skip: corpus === undefined ? 'the shared corpus ../shared/corpus/aws-managed is not here' : false }, () => {
  const dir = corpus!;
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const files = (JSON.parse(r.stdout) as { files: CliFile[] }).files;
  const actual: Record<string, FileDigest> = {};
  for (const f of files) actual[f.path.replace(/^\.\//, '')] = digestOf(f);
  // every policy file is checked (a walk that lost files would also lose their findings)
  assert.equal(files.length, managedCorpusFiles(dir).length);
  if (update) {
    writeFileSync(DIGEST, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  const expected = JSON.parse(readFileSync(DIGEST, 'utf8')) as Record<string, FileDigest>;
  assert.deepEqual(Object.keys(actual), Object.keys(expected), 'the files or their order differ');
  const changed = Object.keys(expected).filter((k) => actual[k]!.findings !== expected[k]!.findings);
  assert.deepEqual(changed, [], `findings changed in ${changed.length} files (UPDATE_CORPUS_DIGEST=1 to accept a deliberate change)`);
  const fixesChanged = Object.keys(expected).filter((k) => actual[k]!.fixes !== expected[k]!.fixes);
  assert.deepEqual(fixesChanged, [], `quick-fix titles changed in ${fixesChanged.length} files`);
});
