// The streamed report (written file by file) is the same text the whole-report formatters print: JSON byte for
// byte, text line for line; JSON Lines has one self-contained finding per line. And the first file's findings
// are written before the next file is given (nothing is held back).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { createReportStream, tallySummary, type StreamedFormat } from '../../../server/src/cli/streamingReport';
import { formatJson, formatSummary, formatText, type FileReport } from '../../../server/src/cli/report';

const tool = { name: 'iam-policy-check', version: '0.1.0', dataVersion: '0.0.1', dataDate: '2026-01-01T00:00:00Z' };
const range = (l: number) => ({ start: { line: l, character: 2 }, end: { line: l, character: 9 } });
const reports: FileReport[] = [
  { path: 'a.json', policyType: 'identity', diagnostics: [{ code: 'RESOURCE_STAR', severity: 'warning', message: 'Use "x"\nnow', range: range(3), fixes: ['Scope it'] }] },
  { path: 'dir/b "quoted".json', policyType: null, diagnostics: [] },
  {
    path: 'c.json',
    policyType: 'trust',
    diagnostics: [
      { code: 'DUPLICATE_KEY', severity: 'error', message: 'Duplicate', range: range(1), fixes: [] },
      { code: 'X_INFO', severity: 'info', message: 'Note', range: range(7), fixes: ['A', 'B'] },
    ],
  },
];

function streamed(format: StreamedFormat, files: FileReport[]): { out: string; chunksAfterFile: number[]; summary: string } {
  const chunks: string[] = [];
  const stream = createReportStream(format, tool, (c) => chunks.push(c));
  const chunksAfterFile: number[] = [];
  for (const f of files) {
    stream.file(f);
    chunksAfterFile.push(chunks.length);
  }
  stream.end();
  return { out: chunks.join(''), chunksAfterFile, summary: tallySummary(stream.tally) };
}

test('streamed JSON equals formatJson byte for byte (no file, one file, several)', () => {
  for (const files of [[], reports.slice(0, 1), reports.slice(1, 2), reports]) {
    assert.equal(streamed('json', files).out, formatJson(tool, files));
    assert.equal(streamed('json', files).summary, formatSummary(files));
  }
});

test('streamed text equals formatText; each file is written when it is given', () => {
  const r = streamed('text', reports);
  assert.equal(r.out, formatText(reports));
  assert.deepEqual(r.chunksAfterFile, [1, 1, 2], 'a file with findings is written at once; one without writes nothing');
});

test('JSON Lines: one finding per line with its path and policy type', () => {
  const lines = streamed('jsonl', reports).out.trimEnd().split('\n');
  assert.equal(lines.length, 3);
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(parsed[0], { path: 'a.json', policyType: 'identity', ...reports[0]!.diagnostics[0]! });
  assert.deepEqual(parsed.map((p) => p['path']), ['a.json', 'c.json', 'c.json']);
  assert.equal(streamed('jsonl', []).out, '');
});

test('the CLI: --format jsonl lists the same findings as --format json, and --output-file gets the same JSON as stdout', () => {
  const cwd = join(REPO_ROOT, 'test', 'fixtures', 'cli');
  const run = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  const json = run('--format', 'json', 'tree');
  const files = (JSON.parse(json.stdout) as { files: FileReport[] }).files;
  const expected = files.flatMap((f) => f.diagnostics.map((d) => ({ path: f.path, policyType: f.policyType, ...d })));
  assert.ok(expected.length > 3, json.stderr);
  const jsonl = run('--format', 'jsonl', 'tree');
  assert.deepEqual(jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown), expected);
  assert.equal(jsonl.status, json.status);
  assert.equal(jsonl.stderr, json.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'iam-stream-'));
  try {
    const file = join(dir, 'report.json');
    const r = run('--format', 'json', '--output-file', file, 'tree');
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(file, 'utf8'), json.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
