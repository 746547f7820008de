// Command-line parsing for iam-policy-check: flags -> a typed request, or a usage error message.
// Knows nothing about files or the service.

import { parseArgs } from 'node:util';
import { POLICY_TYPES, type PolicyType } from '../service';
import { FAIL_ON_VALUES, isFailOn, type FailOn } from './failOn';

export type OutputFormat = 'text' | 'json' | 'sarif';

export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
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
    };

export type ParsedArgs = { readonly ok: true; readonly request: CliRequest } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: iam-policy-check [--format text|json|sarif] [--policy-type TYPE] [--fail-on LEVEL] [--ignore GLOB]... [--fix] PATH...
       iam-policy-check --list-rules [--format text|json]
       iam-policy-check test PATH...  |  iam-policy-check simulate ...   (policy tests and simulation: --help on each)
       iam-policy-check diff OLD NEW | diff --git REF PATH...   (permission diff: diff --help)
       iam-policy-check --help | --version

Checks AWS IAM policies offline. PATH is a file or a directory, searched recursively (skipping node_modules
and .git) for *.json, CloudFormation/SAM templates (*.yaml, *.yml, *.template) and Terraform (*.tf); there,
only files that hold policies are reported. A JSON file named on the command line is always checked as a
policy; named templates and Terraform files are searched for the policies they hold.

Options:
  --format FORMAT      text (default): one "path:line:col severity CODE message" line per finding on stdout;
                       json: one JSON document on stdout (0-based LSP ranges); sarif: SARIF 2.1.0 for code
                       scanning (GitHub). A summary goes to stderr.
  --policy-type TYPE   identity|resource|trust|scp|rcp|boundary (default: from .iam-policy.json
                       "policyTypes", else inferred per file from its name and content)
  --fail-on LEVEL      error (default) | warning | info: the lowest severity that makes the exit status 1
  --ignore GLOB        skip matching files and folders in directory walks (repeatable; relative to the
                       current directory, like .iam-policy.json "ignore")
  --fix                apply the safe fixes in place (documented casing, Version, duplicate Sids: changes
                       that never alter what the policy grants), then report what remains
  --list-rules         list every rule: code, default severity, summary, checks-catalogue ids
  --help, --version

Settings: the nearest .iam-policy.json above each file ("rules", "policyTypes", "files", "accountIds", "ignore").
Exit status: 0 no finding at the --fail-on level or above (default: no error); 1 at least one;
2 usage error, or a file/directory could not be read (the other paths are still checked).`;

function isFormat(v: string | undefined): v is OutputFormat {
  return v === 'text' || v === 'json' || v === 'sarif';
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'policy-type': { type: 'string' },
        'fail-on': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        'list-rules': { type: 'boolean' },
        fix: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { ok: true, request: { kind: 'help' } };
  if (values.version) return { ok: true, request: { kind: 'version' } };
  const format = values.format ?? 'text';
  if (!isFormat(format)) return { ok: false, error: `--format must be "text", "json" or "sarif", got "${format}"` };
  if (values['list-rules']) {
    if (format === 'sarif') return { ok: false, error: '--list-rules takes --format text or json' };
    return { ok: true, request: { kind: 'listRules', format } };
  }
  const failOn = values['fail-on'] ?? 'error';
  if (!isFailOn(failOn)) return { ok: false, error: `--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, got "${failOn}"` };
  const policyType = values['policy-type'];
  if (policyType !== undefined && !(POLICY_TYPES as readonly string[]).includes(policyType)) {
    return { ok: false, error: `--policy-type must be one of ${POLICY_TYPES.join(', ')}, got "${policyType}"` };
  }
  if (positionals.length === 0) return { ok: false, error: 'no PATH given' };
  return {
    ok: true,
    request: { kind: 'check', format, ...(policyType ? { policyType: policyType as PolicyType } : {}), failOn, ignore: values.ignore ?? [], fix: values.fix === true, paths: positionals },
  };
}
