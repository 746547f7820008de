// One file of a check run, as a value: settings from .iam-policy.json, read, --fix, check, and the stderr lines it
// causes, without printing anything. The main thread and the worker threads (pool.ts) run the same function, and
// the main thread replays the outcomes in input order (replay in main.ts), so output never depends on threads.
// Baseline, --quiet and the report formats are applied during the replay (the baseline counts matches in order).

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { createIamLanguageService, type IamCatalog, type IamLanguageService, type Logger } from '../../service';
import { WorkspaceConfigFinder } from '../../config/workspaceConfig';
import { resolveFileSettings } from '../../config/fileSettings';
import { DEFAULT_SETTINGS } from '../../protocol';
import type { CliRequest } from '../args';
import type { CandidateFile } from '../collectFiles';
import { checkFile, fixFile } from '../checkFile';
import type { FileReport } from '../report';
import type { SarifFinding } from '../sarif';
import { ruleDocsUrl } from '../ruleDocs';
import { dataAgeDays } from '../../iamData/iamDataFolder';
import { youngGenerationCap, type YoungGenerationCap } from '../../runtime/youngGeneration';

export type CheckRequest = Extract<CliRequest, { kind: 'check' }>;

export type InputFile = CandidateFile & { readonly stdin?: boolean };

/** What checking one file gave; plain data (it crosses from a worker thread by structured clone). */
export interface FileOutcome {
  /** the nearest .iam-policy.json's problems: reported once per config file, by whoever replays first */
  readonly config?: { readonly path: string; readonly problems: readonly string[] };
  /** stderr lines, in the order they arose (notes, read errors, "fixed N problems", service log lines) */
  readonly lines: string[];
  /** errors that make the exit status 2 (unreadable, unwritable) */
  ioErrors: number;
  /** a read error for SARIF's notifications */
  notification?: { readonly path: string; readonly message: string };
  /** absent when the file was skipped or holds no policy */
  checked?: {
    readonly report: FileReport;
    readonly sarifFindings?: readonly SarifFinding[];
    /** with a baseline: each diagnostic's flagged text (the baseline key) */
    readonly texts?: readonly string[];
  };
}

export interface FileJobContext {
  readonly service: IamLanguageService;
  readonly finder: WorkspaceConfigFinder;
  readonly request: CheckRequest;
  readonly age: number | undefined;
  /** where the service's log lines go: the outcome being built (stderr outside a file) */
  current: string[] | undefined;
  /** keeps a long run's new space at 8 MiB (runtime/youngGeneration.ts): ~17 MiB less peak memory */
  readonly youngGeneration: YoungGenerationCap;
}

export function createFileJobContext(request: CheckRequest, catalog: IamCatalog, tool: string): FileJobContext {
  const ctx: FileJobContext = { service: undefined as unknown as IamLanguageService, finder: new WorkspaceConfigFinder(), request, age: dataAgeDays(catalog.dataDate), current: undefined, youngGeneration: youngGenerationCap() };
  const log = (line: string): void => void (ctx.current ? ctx.current.push(line) : process.stderr.write(`${line}\n`));
  const logger: Logger = { error: (m) => log(`${tool}: ${m}`), warn: (m) => log(`${tool}: warning: ${m}`), info: () => {} };
  (ctx as { service: IamLanguageService }).service = createIamLanguageService({ catalog, logger, docsUrl: ruleDocsUrl });
  return ctx;
}

export function runFileJob(ctx: FileJobContext, file: InputFile): FileOutcome {
  ctx.youngGeneration.tick();
  const out: FileOutcome = { lines: [], ioErrors: 0 };
  ctx.current = out.lines;
  try {
    checkInto(ctx, file, out);
  } finally {
    ctx.current = undefined;
  }
  return out;
}

function checkInto(ctx: FileJobContext, file: InputFile, out: FileOutcome): void {
  const { lines } = out;
  const { request } = ctx;
  const workspace = ctx.finder.forFile(file.path);
  if (workspace && workspace.problems.length > 0) (out as { config?: FileOutcome['config'] }).config = { path: workspace.path, problems: workspace.problems };
  const settings = resolveFileSettings(resolve(file.path), workspace);
  // `ignore` globs only prune directory walks: a file named explicitly is checked
  if (!file.explicit && settings.ignored) return;
  let text: string;
  try {
    // a multi-megabyte JSON found in a walk is data, not a hand-written policy; named files are always read
    if (!file.explicit && statSync(file.path).size > DEFAULT_SETTINGS.maxFileSize) {
      lines.push(`${file.path}: note: skipped, larger than ${DEFAULT_SETTINGS.maxFileSize} bytes`);
      return;
    }
    text = file.stdin ? readFileSync(0, 'utf8') : readFileSync(file.path, 'utf8');
  } catch (err) {
    out.ioErrors++;
    const code = (err as NodeJS.ErrnoException).code;
    const message = `cannot read: ${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : (err as Error).message}`;
    lines.push(`${file.path}: error: ${message}`);
    out.notification = { path: file.path, message };
    return;
  }
  const checkOptions = {
    explicit: file.explicit,
    settings: ctx.age === undefined ? settings : { ...settings, service: { ...settings.service, dataAgeDays: ctx.age } },
    // --update-baseline prints no report: no SARIF fixes (each vetted) and no fix titles to gather
    sarif: request.format === 'sarif' && !request.updateBaseline,
    // only the JSON reports list quick-fix titles
    fixTitles: (request.format === 'json' || request.format === 'jsonl') && !request.updateBaseline,
    ...(request.policyType ? { policyType: request.policyType } : {}),
  };
  if (request.fix) {
    const fixed = fixFile(ctx.service, file.path, text, checkOptions);
    if (fixed.applied > 0) {
      try {
        writeFileSync(file.path, fixed.text);
        text = fixed.text;
        lines.push(`${file.path}: fixed ${fixed.applied} problem${fixed.applied === 1 ? '' : 's'}`);
      } catch (err) {
        out.ioErrors++;
        lines.push(`${file.path}: error: cannot write the fixes: ${(err as Error).message}`);
      }
    }
  }
  const checked = checkFile(ctx.service, file.path, text, checkOptions);
  if (checked) {
    // the baseline key needs the flagged text (a line index of the file per finding): only with a baseline
    const texts = request.baseline !== undefined ? checked.report.diagnostics.map((d) => textAt(text, d.range)) : undefined;
    out.checked = { report: checked.report, ...(checked.sarifFindings ? { sarifFindings: checked.sarifFindings } : {}), ...(texts ? { texts } : {}) };
  } else if (file.explicit) {
    lines.push(`${file.path}: note: no IAM policy found in this file`);
  }
}

/** The flagged text of a finding (for the baseline's line-independent key). */
function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('file:///x', 'plaintext', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}
