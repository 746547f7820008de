// `iam-policy-check generate LOGS... [--principal ARN] [--since ISO] [--until ISO] [--compare POLICY]
// [--format policy|json|markdown] [--minimize] [--jobs N|auto] [--list-principals]`: argument parsing, output and exit status
// (0 done, 2 usage error or a log file that could not be read completely; the policy is still printed from
// everything that could be read). The contract is in ../shared/spec/commands.md.

import { readFileSync } from 'node:fs';
import { parseOptions } from '../options';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { IamCatalog } from '../../service';
import { reportMarkdown } from '../../service/generate';
import { generateFromLogs, principalList } from './generateLogs';
import { isGenerateWorker, serveAsWorker } from './parallelRead';

export const GENERATE_USAGE = `Usage: iam-policy-check generate LOGS... [--principal ARN] [--since ISO] [--until ISO]
                                [--compare POLICY] [--format policy|json|markdown] [--minimize] [--jobs N|auto]
                                [--list-principals]

Builds a least-privilege identity policy from CloudTrail logs. LOGS: .json or .json.gz files holding a
"Records" array (as CloudTrail delivers them to S3), folders of them (an AWSLogs/ tree; digest files are
skipped), and \`aws cloudtrail lookup-events\` output. Nothing is sent over the network.

Options:
  --principal ARN    keep the calls of one IAM user or role (an assumed role is matched by its role; a role
                     or user ARN with or without its path, an assumed-role ARN with or without the session;
                     --list-principals shows them)
  --since ISO        keep calls at or after this time (e.g. 2026-01-01 or 2026-01-01T12:00:00Z)
  --until ISO        keep calls at or before this time
  --compare POLICY   report the actions an existing policy grants that the logs never used, and the
                     Resource entries no call of a used action fell under
  --format FORMAT    policy (default): the policy document(s) on stdout; json: {"policy", "report"};
                     markdown: the report
  --minimize         collapse actions into "service:Prefix*" wildcards where the catalogue expansion grants
                     no action that was not used
  --jobs N|auto      auto (default): with two or more cores and at least 4 MB of logs, one thread reads,
                     gunzips and splits the logs while the main thread parses and folds the records;
                     1: everything on one thread; N >= 2: N worker threads each read whole files (each
                     loads the IAM catalogue: worth it for gigabytes of logs on four or more idle cores)
  --list-principals  list the principals found in the logs with their call counts, then stop

Denied calls, unmapped events and permissions CloudTrail does not log (iam:PassRole, data events) are
reported, never granted. A policy over the 6,144-character managed-policy limit is split into several.
Exit status: 0 done; 2 usage error, or a log could not be read completely (the rest is still used).`;

const stderr = (line: string): void => void process.stderr.write(`${line}\n`);

function parseTime(v: string | undefined, flag: string): number | undefined | Error {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? new Error(`${flag} must be an ISO 8601 date or time, got "${v}"`) : t;
}

export async function runGenerate(argv: readonly string[], catalog: IamCatalog, tool: string): Promise<number> {
  // dist/cli.js started as a log-reading worker by parallelRead.ts
  if (isGenerateWorker()) return serveAsWorker(catalog);
  const parsed = parseOptions(argv, {
    principal: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    compare: { type: 'string' },
    format: { type: 'string' },
    minimize: { type: 'boolean' },
    jobs: { type: 'string' },
    'list-principals': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) {
    stderr(`${tool} generate: ${parsed.error}\n\n${GENERATE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${GENERATE_USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'policy';
  const usage = (msg: string): number => {
    stderr(`${tool} generate: ${msg}\n\n${GENERATE_USAGE}`);
    return 2;
  };
  if (format !== 'policy' && format !== 'json' && format !== 'markdown') return usage(`--format must be "policy", "json" or "markdown", got "${format}"`);
  if (positionals.length === 0) return usage('no LOGS given');
  const since = parseTime(values.since, '--since');
  const until = parseTime(values.until, '--until');
  const jobs = values.jobs === undefined || values.jobs === 'auto' ? 'auto' : Number(values.jobs);
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)) return usage(`--jobs must be "auto" or a whole number from 1 to 16, got "${values.jobs}"`);
  if (since instanceof Error) return usage(since.message);
  if (until instanceof Error) return usage(until.message);

  let compare: unknown;
  if (values.compare !== undefined) {
    try {
      const errors: ParseError[] = [];
      compare = parseJsonc(readFileSync(values.compare, 'utf8'), errors, { allowTrailingComma: true });
      if (errors.length > 0 || typeof compare !== 'object' || compare === null) throw new Error('not a JSON policy document');
    } catch (err) {
      stderr(`${values.compare}: error: cannot use --compare: ${(err as Error).message}`);
      return 2;
    }
  }

  const run = await generateFromLogs(catalog, positionals, {
    filter: { ...(values.principal ? { principal: values.principal } : {}), ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}) },
    minimize: values.minimize === true,
    compare,
    jobs,
  });
  for (const p of run.problems) stderr(`${p.path}: error: ${p.message}`);

  if (values['list-principals']) {
    const list = principalList(run.aggregator);
    if (format === 'json') process.stdout.write(`${JSON.stringify({ principals: list }, null, 2)}\n`);
    else for (const p of list) process.stdout.write(`${p.count}\t${p.principal}\n`);
    return run.problems.length > 0 ? 2 : 0;
  }
  const { result } = run;
  if (format === 'json') {
    // commands.md fixes {"policy", "report"}; "policies" (the split documents) is an extra field
    process.stdout.write(`${JSON.stringify({ policy: result.policy, ...(result.policies.length > 1 ? { policies: result.policies } : {}), report: result.report }, null, 2)}\n`);
  } else if (format === 'markdown') {
    process.stdout.write(`${reportMarkdown(result.report, { ...(values.principal ? { principal: values.principal } : {}), sources: positionals })}\n`);
  } else {
    process.stdout.write(result.policies.map((p) => JSON.stringify(p, null, 2)).join('\n') + '\n');
    if (result.policies.length > 1) stderr(`${tool} generate: note: the policy is split into ${result.policies.length} documents (printed one after the other) to stay within the 6,144-character managed-policy limit`);
  }
  const r = result.report;
  stderr(`${tool} generate: ${r.records} records in ${run.files} file${run.files === 1 ? '' : 's'}, ${r.events} calls kept: ${r.used.length} actions granted, ${r.denied.length} denied, ${r.notLogged.length} likely needed but not logged, ${r.unmapped.length} unmapped event kinds${r.usage.some((u) => u.placeholder) ? '; placeholders such as ${BucketName} mark resources the logs did not name' : ''}`);
  if (r.events === 0 && values.principal) stderr(`${tool} generate: note: no call by ${values.principal}; --list-principals shows the principals in these logs`);
  return run.problems.length > 0 ? 2 : 0;
}
