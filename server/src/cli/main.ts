// Entry point of dist/cli.js (`iam-policy-check`): the same service, catalog and .iam-policy.json as the editor,
// so CI and the editor agree. Exit 0: no error finding; 1: at least one; 2: usage error or unreadable input.
// Output: findings on stdout (text or JSON), problems and the summary on stderr.

import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_RULES, createIamLanguageService, loadCatalog, type IamCatalog, type Logger, type RawCatalog } from '../service';
import { WorkspaceConfigFinder } from '../config/workspaceConfig';
import { resolveFileSettings } from '../config/fileSettings';
import { DEFAULT_SETTINGS } from '../protocol';
import { parseCliArgs, USAGE } from './args';
import { collectFiles } from './collectFiles';
import { checkFile } from './checkFile';
import { formatJson, formatRulesText, formatSummary, formatText, ruleList, type FileReport } from './report';
import { version } from '../../../package.json';

const TOOL = 'iam-policy-check';

const stderr = (line: string): void => void process.stderr.write(`${line}\n`);

function readCatalog(): IamCatalog {
  // dist/cli.js sits next to dist/iam-catalog.json
  return loadCatalog(JSON.parse(readFileSync(join(__dirname, 'iam-catalog.json'), 'utf8')) as RawCatalog);
}

function run(argv: readonly string[]): number {
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
  const { files, errors } = collectFiles(request.paths);
  let ioErrors = errors.length;
  for (const e of errors) stderr(`${e.path}: error: ${e.message}`);

  const reports: FileReport[] = [];
  for (const file of files) {
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
    const report = checkFile(service, file.path, text, { explicit: file.explicit, settings, ...(request.policyType ? { policyType: request.policyType } : {}) });
    if (report) reports.push(report);
    else if (file.explicit) stderr(`${file.path}: note: no IAM policy found in this file`);
  }

  process.stdout.write(request.format === 'json' ? formatJson({ name: TOOL, version, dataVersion: catalog.dataVersion }, reports) : formatText(reports));
  process.stderr.write(formatSummary(reports));
  if (ioErrors > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

process.exitCode = run(process.argv.slice(2));
