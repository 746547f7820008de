// Entry point of dist/cli.js (`iam-policy-check`): the same service, catalog and .iam-policy.json as the editor,
// so CI and the editor agree. Exit 0: nothing at the --fail-on level (default error); 1: at least one finding
// there; 2: usage error or unreadable input. Findings on stdout (text, JSON or SARIF); notes, progress on a
// terminal and the summary on stderr.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_RULES, createIamLanguageService, loadCatalog, type IamCatalog, type Logger, type RawCatalog } from '../service';
import { WorkspaceConfigFinder } from '../config/workspaceConfig';
import { resolveFileSettings } from '../config/fileSettings';
import { DEFAULT_SETTINGS } from '../protocol';
import { parseCliArgs, USAGE } from './args';
import { collectFiles } from './collectFiles';
import { checkFile, fixFile } from './checkFile';
import { exitCodeFor } from './failOn';
import { ignoredByCommandLine } from './fileFilter';
import { createProgress } from './progress';
import { toSarif, type SarifFile } from './sarif';
import { formatJson, formatRulesText, formatSummary, formatText, ruleList, type FileReport } from './report';
import { version } from '../../../package.json';
import { applyV8Flags } from '../runtime/v8Flags';
import { EVALUATION_COMMANDS, runEvaluationCommand } from './evaluation/commands';
import { runDiffCommand } from './diff/command';

applyV8Flags();

const TOOL = 'iam-policy-check';

const stderr = (line: string): void => void process.stderr.write(`${line}\n`);

function readCatalog(): IamCatalog {
  // dist/cli.js sits next to dist/iam-catalog.json
  return loadCatalog(JSON.parse(readFileSync(join(__dirname, 'iam-catalog.json'), 'utf8')) as RawCatalog);
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
  try {
    catalog = readCatalog();
  } catch (err) {
    stderr(`${TOOL}: cannot load the IAM catalog next to the CLI: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  if (request.kind === 'version') {
    process.stdout.write(`${TOOL} ${version} (IAM data ${catalog.dataVersion})\n`);
    return 0;
  }

  const logger: Logger = { error: (m) => stderr(`${TOOL}: ${m}`), warn: (m) => stderr(`${TOOL}: warning: ${m}`), info: () => {} };
  const service = createIamLanguageService({ catalog, logger });
  const finder = new WorkspaceConfigFinder();
  const reportedConfigs = new Set<string>();
  const cwd = process.cwd();
  const { files, errors } = collectFiles(request.paths, (p) => ignoredByCommandLine(request.ignore, resolve(p), cwd));
  let ioErrors = errors.length;
  for (const e of errors) stderr(`${e.path}: error: ${e.message}`);

  const reports: FileReport[] = [];
  const sarifFiles: SarifFile[] = [];
  const progress = createProgress(process.stderr, files.length);
  for (const file of files) {
    progress.tick(file.path);
    const workspace = finder.forFile(file.path);
    if (workspace && workspace.problems.length > 0 && !reportedConfigs.has(workspace.path)) {
      reportedConfigs.add(workspace.path);
      for (const p of workspace.problems) stderr(`${TOOL}: warning: ${p}`);
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
      text = readFileSync(file.path, 'utf8');
    } catch (err) {
      ioErrors++;
      const code = (err as NodeJS.ErrnoException).code;
      stderr(`${file.path}: error: cannot read: ${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      continue;
    }
    const checkOptions = {
      explicit: file.explicit,
      settings,
      sarif: request.format === 'sarif',
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
      reports.push(checked.report);
      if (checked.sarifFindings) sarifFiles.push({ path: file.path, findings: checked.sarifFindings });
    } else if (file.explicit) {
      stderr(`${file.path}: note: no IAM policy found in this file`);
    }
  }
  progress.done();

  const tool = { name: TOOL, version, dataVersion: catalog.dataVersion };
  if (request.format === 'json') process.stdout.write(formatJson(tool, reports));
  else if (request.format === 'sarif') process.stdout.write(`${JSON.stringify(toSarif(sarifFiles, { toolName: TOOL, version, dataVersion: catalog.dataVersion, rules: ALL_RULES }), null, 2)}\n`);
  else process.stdout.write(formatText(reports));
  process.stderr.write(formatSummary(reports));
  return exitCodeFor(
    reports.flatMap((r) => r.diagnostics.map((d) => d.severity)),
    request.failOn,
    ioErrors,
  );
}

// `iam-policy-check … | head` closes stdout early: stop quietly instead of crashing with EPIPE
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = run(process.argv.slice(2));
