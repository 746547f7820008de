// The CLI report lists quick-fix titles from the proposals with structural checks only (service.fixTitles, no
// re-validation); the editor offers only the fixes that survive full vetting (service.codeActions: re-parse and
// every rule, no new error kind). On the 1,523 AWS managed policies the two lists must be the same for every
// finding, or the report would advertise fixes the editor refuses. Skipped where the shared corpus is absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { IamLanguageService } from '../../../server/src/service';
import { testService } from '../../support/codeActions';
import { managedCorpusDir, managedCorpusFiles } from '../../support/corpus';

export interface TitleMismatch {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  /** listed by the report, refused by the editor */
  readonly onlyReported: readonly string[];
  /** offered by the editor, missing from the report */
  readonly onlyOffered: readonly string[];
}

/** Every finding of one file whose report titles differ from the editor's vetted quick-fix titles. */
export function titleMismatches(svc: IamLanguageService, path: string, text: string): TitleMismatch[] {
  const doc = TextDocument.create(pathToFileURL(path).href, 'json', 0, text);
  const parsed = svc.parse(doc);
  if (!parsed.isPolicy) return [];
  const out: TitleMismatch[] = [];
  for (const d of svc.validate(doc, parsed) as Diagnostic[]) {
    const reported = svc.fixTitles(doc, parsed, d);
    const offered = svc.codeActions(doc, parsed, d.range, { diagnostics: [d], only: [CodeActionKind.QuickFix] }).map((a) => a.title);
    const onlyReported = reported.filter((t) => !offered.includes(t));
    const onlyOffered = offered.filter((t) => !reported.includes(t));
    if (onlyReported.length || onlyOffered.length) out.push({ file: basename(path), code: String(d.code), line: d.range.start.line, onlyReported, onlyOffered });
  }
  return out;
}

const corpus = managedCorpusDir();

test('the report lists exactly the quick fixes the editor offers after vetting, on every AWS managed policy', { skip: corpus === undefined ? 'the shared corpus ../shared/corpus/aws-managed is not here' : false }, () => {
  const svc = testService();
  const files = managedCorpusFiles(corpus);
  assert.ok(files.length > 1000, `expected the managed corpus, found ${files.length} files`);
  const mismatches = files.flatMap((f) => titleMismatches(svc, f, readFileSync(f, 'utf8')));
  const titles = mismatches.reduce((n, m) => n + m.onlyReported.length + m.onlyOffered.length, 0);
  const sample = mismatches.slice(0, 10).map((m) => `${m.file}:${m.line + 1} ${m.code} reported-only ${JSON.stringify(m.onlyReported)} offered-only ${JSON.stringify(m.onlyOffered)}`);
  assert.equal(titles, 0, `${titles} titles differ in ${new Set(mismatches.map((m) => m.file)).size} files:\n${sample.join('\n')}`);
});
