// `iam-policy-check diff OLD NEW | --git REF PATH... [--format text|markdown|json] [--policy-type TYPE]
// [--fail-on GATE]...`: what the new version allows that the old one does not, and the reverse (contract in
// ../shared/spec/commands.md). Reads inputs, runs the pure diff (service/diff) with the evaluation engine as the
// witness confirmer, prints, and turns --fail-on gates into the exit status (0 / 1 gate met / 2 usage or I/O).

import { parseOptions } from '../options';
import type { IamCatalog } from '../../service/knowledge/catalog';
import { POLICY_TYPES, type PolicyType } from '../../service/parser/policyModel';
import { buildReport, diffFile, FAIL_ON_GATES, gatesMet, type FailOnGate } from '../../service/diff/report';
import { formatMarkdown, formatText } from '../../service/diff/format';
import { engineEvaluator } from '../../service/diff/engineEvaluator';
import { readFilePair, readGitInputs } from './inputs';

export const DIFF_USAGE = `Usage: iam-policy-check diff OLD NEW [options]
       iam-policy-check diff --git REF PATH... [options]

Compares what two versions of IAM policies allow: actions gained and lost (wildcards and NotAction expanded
with the IAM catalog), resources widened or narrowed, conditions removed or loosened, principals gained or
lost. Every gained item comes with a witness request that the evaluation engine confirms (old version denies,
new allows). Refactors that change nothing (reordering, string vs list, split/merged statements, a wildcard vs
its expansion) report "no effective change". OLD/NEW: policy JSON, or CloudFormation/Terraform files whose
policies are paired by logical name / address. --git REF compares each PATH (file or directory) with its
version at REF (new and deleted files included).

Options:
  --format FORMAT     text (default) | markdown (for pull-request comments) | json
  --policy-type TYPE  identity|resource|trust|scp|rcp|boundary (default: inferred per policy)
  --fail-on GATE      exit 1 when met (repeatable or comma-separated): permissions-management (a gained
                      Permissions-management action), write-on-star (a gained Write or Permissions-management
                      action on "*" or NotResource), condition-removed (a condition removed or loosened, or a
                      conditional Deny removed), any (any gained access)
Exit status: 0 no --fail-on gate met; 1 a gate met; 2 usage error or an unreadable input.`;

interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (line: string) => void;
  readonly catalog: () => IamCatalog;
}

type Format = 'text' | 'markdown' | 'json';

export function runDiffCommand(argv: readonly string[], io: Io): number {
  const parsed = parseOptions(argv, {
    format: { type: 'string' },
    'policy-type': { type: 'string' },
    'fail-on': { type: 'string', multiple: true },
    git: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usage(io, parsed.error);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  const format = (values.format ?? 'text') as Format;
  if (!['text', 'markdown', 'json'].includes(format)) return usage(io, `--format must be "text", "markdown" or "json", got "${values.format}"`);
  const policyType = values['policy-type'];
  if (policyType !== undefined && !(POLICY_TYPES as readonly string[]).includes(policyType)) return usage(io, `--policy-type must be one of ${POLICY_TYPES.join(', ')}, got "${policyType}"`);
  const gates: FailOnGate[] = [];
  for (const v of (values['fail-on'] ?? []).flatMap((x) => x.split(','))) {
    const g = v.trim();
    if (!(FAIL_ON_GATES as readonly string[]).includes(g)) return usage(io, `--fail-on must be one of ${FAIL_ON_GATES.join(', ')}, got "${g}"`);
    if (!gates.includes(g as FailOnGate)) gates.push(g as FailOnGate);
  }
  let read;
  if (values.git !== undefined) {
    if (positionals.length === 0) return usage(io, '--git REF needs at least one PATH');
    read = readGitInputs(values.git, positionals);
  } else {
    if (positionals.length !== 2) return usage(io, `diff takes two files, OLD and NEW (got ${positionals.length}), or --git REF PATH...`);
    read = readFilePair(positionals[0]!, positionals[1]!);
  }
  if (!read.ok) {
    io.stderr(`iam-policy-check diff: ${read.error}`);
    return 2;
  }
  let catalog: IamCatalog;
  try {
    catalog = io.catalog();
  } catch (err) {
    io.stderr(`iam-policy-check diff: cannot load the IAM catalog next to the CLI: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const evaluate = engineEvaluator(catalog);
  const files = read.inputs.map((input) => diffFile(catalog, input, { evaluate, ...(policyType ? { policyType: policyType as PolicyType } : {}) }));
  for (const f of files) if (f.policies.length === 0 && values.git === undefined) io.stderr(`${f.path}: note: no IAM policy found in either version`);
  const report = buildReport(files);
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(formatMarkdown(report));
  else io.stdout(formatText(report));
  const met = gatesMet(report, gates);
  if (met.length) io.stderr(`iam-policy-check diff: --fail-on ${met.join(', ')}: met`);
  return met.length ? 1 : 0;
}

function usage(io: Io, error: string): number {
  io.stderr(`iam-policy-check diff: ${error}\n\n${DIFF_USAGE}`);
  return 2;
}
