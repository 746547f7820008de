// Command-line parsing for iam-policy-check: flags -> a typed request, or a usage error message.
// Knows nothing about files or the service.

import { parseArgs } from 'node:util';
import { POLICY_TYPES, type PolicyType } from '../service';

export type OutputFormat = 'text' | 'json';

export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'listRules'; readonly format: OutputFormat }
  | { readonly kind: 'check'; readonly format: OutputFormat; readonly policyType?: PolicyType; readonly paths: readonly string[] };

export type ParsedArgs = { readonly ok: true; readonly request: CliRequest } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: iam-policy-check [--format text|json] [--policy-type TYPE] PATH...
       iam-policy-check --list-rules [--format text|json]
       iam-policy-check --help | --version

Checks AWS IAM policy JSON files offline. PATH is a file or a directory (searched recursively for *.json,
skipping node_modules and .git; only files that look like policies are checked there). A file named on the
command line is always checked as a policy; named CloudFormation/SAM templates (.yaml, .yml, .template) and
Terraform files (.tf) are searched for the policies they hold.

Options:
  --format text|json   text (default): one "path:line:col severity CODE message" line per finding on stdout;
                       json: one JSON document on stdout (0-based LSP ranges). A summary goes to stderr.
  --policy-type TYPE   identity|resource|trust|scp|rcp|boundary (default: from .iam-policy.json
                       "policyTypes", else inferred per file from its name and content)
  --list-rules         list every rule: code, default severity, summary, checks-catalogue ids
  --help, --version

Settings: the nearest .iam-policy.json above each file ("rules", "policyTypes", "files", "accountIds", "ignore").
Exit status: 0 no error-severity finding; 1 at least one; 2 usage error, or a file/directory could not be read.`;

function isFormat(v: string | undefined): v is OutputFormat {
  return v === 'text' || v === 'json';
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
        'list-rules': { type: 'boolean' },
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
  if (!isFormat(format)) return { ok: false, error: `--format must be "text" or "json", got "${format}"` };
  if (values['list-rules']) return { ok: true, request: { kind: 'listRules', format } };
  const policyType = values['policy-type'];
  if (policyType !== undefined && !(POLICY_TYPES as readonly string[]).includes(policyType)) {
    return { ok: false, error: `--policy-type must be one of ${POLICY_TYPES.join(', ')}, got "${policyType}"` };
  }
  if (positionals.length === 0) return { ok: false, error: 'no PATH given' };
  return { ok: true, request: { kind: 'check', format, ...(policyType ? { policyType: policyType as PolicyType } : {}), paths: positionals } };
}
