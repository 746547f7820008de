// The IAM conformance suite (test/conformance/**/*.iamtest.yaml) run end to end through the built CLI
// (`node dist/cli.js test test/conformance --format json`), plus the suite's own bookkeeping: every case
// cites an AWS page with a quote, every checklist item maps to existing cases, observed cases are listed apart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const SUITE = join(REPO_ROOT, 'test', 'conformance');
const MIN_CASES = 500;
const CHECKLIST_ITEMS = 42;

interface Source { url?: unknown; quote?: unknown }
interface CaseDoc { name?: unknown; source?: Source }
interface FileDoc { source?: Source; tests?: CaseDoc[] }
interface Result { file: string; name: string; verdict?: string; expect?: string; pass: boolean; error?: string }

function suiteFiles(dir = SUITE, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) suiteFiles(p, out);
    else if (name.endsWith('.iamtest.yaml')) out.push(p);
  }
  return out;
}

/** Path relative to test/conformance with forward slashes, as checklist.json and the README write it. */
const rel = (p: string) => relative(SUITE, p).split(sep).join('/');

function loadSuite(): Map<string, FileDoc> {
  const docs = new Map<string, FileDoc>();
  for (const f of suiteFiles()) docs.set(rel(f), parse(readFileSync(f, 'utf8')) as FileDoc);
  return docs;
}

test('every conformance case passes through `iam-policy-check test`, and there are at least 500', () => {
  const r = spawnSync(process.execPath, [CLI, 'test', 'test/conformance', '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  assert.ok(r.stdout, `no output from the CLI; stderr: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { results: Result[]; summary: { passed: number; failed: number } };
  const failures = report.results.filter((x) => !x.pass);
  assert.deepEqual(
    failures.map((x) => `${x.file} | ${x.name} | expected ${x.expect}, got ${x.verdict ?? x.error}`),
    [],
    'conformance cases that fail (decide from the cited AWS page who is right)',
  );
  assert.equal(r.status, 0, `exit status ${r.status}; stderr: ${r.stderr}`);
  assert.ok(report.results.length >= MIN_CASES, `${report.results.length} cases, expected at least ${MIN_CASES}`);
  assert.equal(report.summary.failed, 0);
  assert.equal(report.summary.passed, report.results.length);

  // The CLI ran every case that the files hold (none skipped, none counted twice).
  let written = 0;
  for (const doc of loadSuite().values()) written += doc.tests?.length ?? 0;
  assert.equal(report.results.length, written, 'cases reported by the CLI vs cases written in the files');
  for (const x of report.results) assert.ok(['allowed', 'explicitly-denied', 'implicitly-denied'].includes(x.verdict ?? ''), `${x.file} ${x.name}: verdict ${x.verdict}`);
});

test('every case cites a page and quotes it; names are unique per file; documented cases cite AWS documentation', () => {
  const docs = loadSuite();
  assert.ok(docs.size > 0);
  const problems: string[] = [];
  for (const [file, doc] of docs) {
    const observed = file.startsWith('observed/');
    const names = new Set<string>();
    for (const t of doc.tests ?? []) {
      const name = String(t.name ?? '');
      if (!name) problems.push(`${file}: a test without a name`);
      if (names.has(name)) problems.push(`${file}: duplicate test name "${name}"`);
      names.add(name);
      const s = t.source ?? doc.source;
      if (!s || typeof s.url !== 'string' || !/^https:\/\//.test(s.url)) problems.push(`${file} | ${name}: no source url`);
      else if (!observed && !/^https:\/\/(docs\.aws\.amazon\.com\/|github\.com\/awsdocs\/)/.test(s.url)) {
        problems.push(`${file} | ${name}: a documented case must cite AWS documentation, not ${s.url}`);
      }
      if (!s || typeof s.quote !== 'string' || s.quote.trim().length < 15) problems.push(`${file} | ${name}: no quote`);
    }
  }
  assert.deepEqual(problems, []);
});

test('checklist.json maps each of the 42 checklist items to existing cases', () => {
  const docs = loadSuite();
  const checklist = JSON.parse(readFileSync(join(SUITE, 'checklist.json'), 'utf8')) as {
    items: Array<{ item: number; title: string; cases: Array<{ file: string; test: string }> }>;
  };
  assert.deepEqual(checklist.items.map((i) => i.item), Array.from({ length: CHECKLIST_ITEMS }, (_, i) => i + 1));
  const problems: string[] = [];
  for (const item of checklist.items) {
    if (item.cases.length === 0) problems.push(`item ${item.item} (${item.title}) has no case`);
    for (const c of item.cases) {
      const doc = docs.get(c.file);
      if (!doc) problems.push(`item ${item.item}: no file ${c.file}`);
      else if (!(doc.tests ?? []).some((t) => t.name === c.test)) problems.push(`item ${item.item}: no test "${c.test}" in ${c.file}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('observed (undocumented) cases live in observed/ and the README lists each of their files', () => {
  const readme = readFileSync(join(SUITE, 'README.md'), 'utf8');
  const observedFiles = [...loadSuite().keys()].filter((f) => f.startsWith('observed/'));
  assert.ok(observedFiles.length > 0);
  for (const f of observedFiles) assert.ok(readme.includes(f), `README.md does not list ${f}`);
  let total = 0;
  for (const doc of loadSuite().values()) total += doc.tests?.length ?? 0;
  assert.match(readme, new RegExp(`^${total} cases`, 'm'), `README.md must state the case count (${total})`);
  // Each layout row naming one folder states that folder's case count.
  const perFolder = new Map<string, number>();
  for (const [file, doc] of loadSuite()) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/') + '/';
      perFolder.set(folder, (perFolder.get(folder) ?? 0) + (doc.tests?.length ?? 0));
    }
  }
  const rows = [...readme.matchAll(/^\| `([a-z0-9/-]+\/)` \| (\d+) \|/gm)];
  assert.ok(rows.length >= 10, 'README layout table');
  for (const [, folder, n] of rows) assert.equal(Number(n), perFolder.get(folder!) ?? 0, `README count for ${folder}`);
  for (const f of observedFiles) {
    const head = readFileSync(join(SUITE, f), 'utf8').split('\n').slice(0, 8).join('\n');
    assert.match(head, /OBSERVED/, `${f} must say in its header that it is observed behaviour`);
  }
});
