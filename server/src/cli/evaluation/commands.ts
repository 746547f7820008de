// `iam-policy-check test PATH...` and `iam-policy-check simulate ...` (contracts in ../shared/spec/commands.md):
// argument parsing, file reading and exit codes around the pure engine (service/evaluation). Exit 0 success,
// 1 a test failed (or simulate --expect mismatched), 2 usage error or unreadable input.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluation, type IamCatalog } from '../../service';
import { WorkspaceConfigFinder } from '../../config/workspaceConfig';
import { resolveFileSettings } from '../../config/fileSettings';
import { ignoredByCommandLine } from '../fileFilter';
import { formatJunit, formatResultsJson, formatSimulateText, formatTestSarif, formatTestText, type ResultRow } from './outputs';
import { parseOptions } from '../options';

export const EVALUATION_COMMANDS = new Set(['test', 'simulate']);

export const TEST_USAGE = `Usage: iam-policy-check test [--format text|json|junit|sarif] [--ignore GLOB]... PATH...

Runs policy test files (*.iamtest.json, *.iamtest.yaml, *.iamtest.yml; a directory is searched for them) and
compares each test's verdict with its "expect". Exit status: 0 all tests pass; 1 a test failed;
2 usage error or an unreadable or invalid test file or policy.`;

export const SIMULATE_USAGE = `Usage: iam-policy-check simulate --principal ARN --action ACTION... --resource ARN... [policy flags] [--context KEY=VALUE]...
         [--resource-account ID] [--expect allowed|denied|explicitly-denied|implicitly-denied] [--format text|json]

Policy flags: --identity FILE (repeatable), --boundary FILE, --session FILE, --scp FILE (repeatable; --scp-level
starts the next level: root, OUs..., account), --rcp FILE (repeatable; --rcp-level likewise), --resource-policy FILE.
A wildcard --action (s3:Get*) stands for every catalogue action it matches.
Repeat --context with the same key for a multivalued key. Exit status: 0 whatever the verdict (1 with --expect
and a mismatch); 2 usage error or an unreadable policy.`;

interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (line: string) => void;
  readonly catalog: () => IamCatalog;
  readonly tool: { readonly name: string; readonly version: string };
}

export function runEvaluationCommand(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === 'test') return runTest(rest, io);
  return runSimulate(rest, io);
}

// ---------------------------------------------------------------------------------------------------- test

function runTest(argv: readonly string[], io: Io): number {
  const parsed = parseOptions(argv, { format: { type: 'string' }, ignore: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } });
  if (!parsed.ok) {
    io.stderr(`${io.tool.name} test: ${parsed.error}\n\n${TEST_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${TEST_USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'junit', 'sarif'].includes(format)) {
    io.stderr(`${io.tool.name} test: --format must be text, json, junit or sarif, got "${format}"`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr(`${io.tool.name} test: no PATH given\n\n${TEST_USAGE}`);
    return 2;
  }
  let catalog: IamCatalog;
  try {
    catalog = io.catalog();
  } catch (err) {
    io.stderr(`${io.tool.name}: cannot load the IAM catalog next to the CLI: ${(err as Error).message}`);
    return 2;
  }
  const cwd = process.cwd();
  const finder = new WorkspaceConfigFinder();
  const ignore = values.ignore ?? [];
  const files: string[] = [];
  let inputErrors = 0;
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      io.stderr(`${dir}: error: cannot read directory: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      inputErrors++;
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (ignoredByCommandLine(ignore, resolve(p), cwd)) continue;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(p);
      } else if (evaluation.isPolicyTestFile(e.name)) {
        // .iam-policy.json "ignore" globs prune walks like in the lint command
        if (resolveFileSettings(resolve(p), finder.forFile(p)).ignored) continue;
        files.push(p);
      }
    }
  };
  for (const p of positionals) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      io.stderr(`${p}: error: cannot read: no such file or directory`);
      inputErrors++;
      continue;
    }
    if (isDir) walk(p);
    else files.push(p);
  }
  if (files.length === 0 && inputErrors === 0) {
    io.stderr(`${io.tool.name} test: no *.iamtest.json, *.iamtest.yaml or *.iamtest.yml file found`);
    return 2;
  }

  const rows: ResultRow[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      io.stderr(`${file}: error: cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      inputErrors++;
      continue;
    }
    const loaded = evaluation.loadPolicyTestFile(text, file, { catalog });
    const base = dirname(file);
    const run = evaluation.runPolicyTests(loaded, (path) => readPolicy(resolve(base, path)), { catalog });
    for (const p of run.problems) {
      io.stderr(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}`);
      if (p.severity === 'error') inputErrors++;
    }
    for (const r of run.results) {
      const at = r.test.nameLoc ?? r.test;
      rows.push({
        file,
        name: r.name,
        line: at.range.start.line,
        character: at.range.start.character,
        ...(r.expect !== undefined ? { expect: r.expect } : {}),
        pass: r.pass,
        ...(r.evaluation ? { evaluation: r.evaluation } : {}),
        ...(r.error !== undefined ? { error: r.error } : {}),
      });
    }
  }
  if (format === 'json') io.stdout(formatResultsJson(rows, true));
  else if (format === 'junit') io.stdout(formatJunit(rows));
  else if (format === 'sarif') io.stdout(formatTestSarif(rows, io.tool));
  else io.stdout(formatTestText(rows));
  if (format !== 'text') {
    const passed = rows.filter((r) => r.pass).length;
    io.stderr(`${passed} passed, ${rows.length - passed} failed`);
  }
  if (inputErrors > 0) return 2;
  return rows.every((r) => r.pass) ? 0 : 1;
}

function readPolicy(path: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message };
  }
}

// ------------------------------------------------------------------------------------------------ simulate

interface SimulateArgs {
  identity: string[];
  boundary?: string;
  session?: string;
  scp?: string[][];
  rcp?: string[][];
  resourcePolicy?: string;
  principal?: string;
  actions: string[];
  resources: string[];
  context: Map<string, { key: string; values: string[] }>;
  resourceAccount?: string;
  expect?: string;
  format: string;
}

/** simulate's options that take one value (the last one given counts), by the field they set */
const ONE_VALUE = { boundary: 'boundary', session: 'session', 'resource-policy': 'resourcePolicy', principal: 'principal', 'resource-account': 'resourceAccount', expect: 'expect', format: 'format' } as const;
/** simulate's options whose values are collected, by the list they go to */
const REPEATABLE = { identity: 'identity', action: 'actions', resource: 'resources' } as const;

function parseSimulate(argv: readonly string[]): SimulateArgs | string {
  let tokens;
  try {
    ({ tokens } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      tokens: true,
      options: {
        identity: { type: 'string', multiple: true },
        boundary: { type: 'string' },
        session: { type: 'string' },
        scp: { type: 'string', multiple: true },
        'scp-level': { type: 'boolean', multiple: true },
        rcp: { type: 'string', multiple: true },
        'rcp-level': { type: 'boolean', multiple: true },
        'resource-policy': { type: 'string' },
        principal: { type: 'string' },
        action: { type: 'string', multiple: true },
        resource: { type: 'string', multiple: true },
        context: { type: 'string', multiple: true },
        'resource-account': { type: 'string' },
        expect: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return (err as Error).message;
  }
  const a: SimulateArgs = { identity: [], actions: [], resources: [], context: new Map(), format: 'text' };
  // SCP/RCP levels follow the order of the flags: --scp adds to the current level, --scp-level starts the next
  // (a leading --scp-level only opens the first level; a trailing one adds an empty level, which denies all)
  const addLevel = (levels: string[][] | undefined): string[][] => (levels === undefined ? [[]] : [...levels, []]);
  const addToLevel = (levels: string[][] | undefined, file: string): string[][] => {
    const all = levels ?? [[]];
    all[all.length - 1]!.push(file);
    return all;
  };
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const v = t.value ?? '';
    if (Object.hasOwn(ONE_VALUE, t.name)) {
      a[ONE_VALUE[t.name as keyof typeof ONE_VALUE]] = v;
      continue;
    }
    if (Object.hasOwn(REPEATABLE, t.name)) {
      a[REPEATABLE[t.name as keyof typeof REPEATABLE]].push(v);
      continue;
    }
    switch (t.name) {
      case 'help':
        return 'help';
      case 'scp':
      case 'rcp':
        a[t.name] = addToLevel(a[t.name], v);
        break;
      case 'scp-level':
        a.scp = addLevel(a.scp);
        break;
      case 'rcp-level':
        a.rcp = addLevel(a.rcp);
        break;
      case 'context': {
        const eq = v.indexOf('=');
        if (eq <= 0) return `--context takes KEY=VALUE, got "${v}"`;
        const key = v.slice(0, eq);
        const entry = a.context.get(key.toLowerCase()) ?? { key, values: [] };
        entry.values.push(v.slice(eq + 1));
        a.context.set(key.toLowerCase(), entry);
        break;
      }
    }
  }
  // a leading --scp-level before any --scp opened an empty first level that --scp then filled
  if (!a.principal) return '--principal is required';
  if (a.actions.length === 0) return 'at least one --action is required';
  if (a.resources.length === 0) return 'at least one --resource is required';
  if (!['text', 'json'].includes(a.format)) return `--format must be text or json, got "${a.format}"`;
  if (a.expect !== undefined && !(evaluation.EXPECTATIONS as readonly string[]).includes(a.expect)) return `--expect must be one of ${evaluation.EXPECTATIONS.join(', ')}, got "${a.expect}"`;
  return a;
}

function runSimulate(argv: readonly string[], io: Io): number {
  const parsed = parseSimulate(argv);
  if (parsed === 'help') {
    io.stdout(`${SIMULATE_USAGE}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`${io.tool.name} simulate: ${parsed}\n\n${SIMULATE_USAGE}`);
    return 2;
  }
  let catalog: IamCatalog;
  try {
    catalog = io.catalog();
  } catch (err) {
    io.stderr(`${io.tool.name}: cannot load the IAM catalog next to the CLI: ${(err as Error).message}`);
    return 2;
  }
  const errors: string[] = [];
  const load = (path: string, kind: evaluation.PolicyKind): evaluation.EvalPolicy | undefined => {
    const r = readPolicy(path);
    if ('error' in r) {
      errors.push(`${path}: error: cannot read: ${r.error}`);
      return undefined;
    }
    const p = evaluation.policyFromText(path, r.text, kind);
    if (!p.policy) errors.push(`${path}: error: ${p.error}`);
    return p.policy;
  };
  const many = (paths: readonly string[], kind: evaluation.PolicyKind): evaluation.EvalPolicy[] => paths.map((p) => load(p, kind)).filter((p): p is evaluation.EvalPolicy => p !== undefined);
  const set: { -readonly [K in keyof evaluation.PolicySet]: evaluation.PolicySet[K] } = { identity: many(parsed.identity, 'identity') };
  if (parsed.boundary) set.boundary = load(parsed.boundary, 'boundary');
  if (parsed.session) set.session = load(parsed.session, 'session');
  if (parsed.scp) set.scp = parsed.scp.map((l) => many(l, 'scp'));
  if (parsed.rcp) set.rcp = parsed.rcp.map((l) => many(l, 'rcp'));
  if (parsed.resourcePolicy) set.resource = load(parsed.resourcePolicy, 'resource');
  if (errors.length > 0) {
    for (const e of errors) io.stderr(e);
    return 2;
  }
  const context: Record<string, evaluation.ContextValue> = {};
  for (const { key, values } of parsed.context.values()) context[key] = values.length === 1 ? values[0]! : values;
  // a wildcard action stands for every catalogue action it matches (IAM requests name one action)
  const actions: string[] = [];
  for (const a of parsed.actions) {
    if (!a.includes('*') && !a.includes('?')) {
      actions.push(a);
      continue;
    }
    const expanded = catalog.expandActions(a).map((x) => x.fullName);
    if (expanded.length === 0) {
      io.stderr(`${io.tool.name} simulate: --action "${a}" matches no action in the catalogue`);
      return 2;
    }
    actions.push(...expanded);
  }
  const rows: ResultRow[] = [];
  for (const action of actions) {
    for (const resource of parsed.resources) {
      const e = evaluation.evaluate(set, { principal: parsed.principal!, action, resource, context, ...(parsed.resourceAccount ? { resourceAccount: parsed.resourceAccount } : {}) }, { catalog });
      rows.push({ name: `${action} on ${resource}`, request: { principal: parsed.principal!, action, resource }, evaluation: e });
    }
  }
  io.stdout(parsed.format === 'json' ? formatResultsJson(rows, false) : formatSimulateText(rows));
  if (parsed.expect === undefined) return 0;
  const expect = parsed.expect as evaluation.Expectation;
  const mismatched = rows.filter((r) => !evaluation.matchesExpectation(r.evaluation!.verdict, expect));
  for (const r of mismatched) io.stderr(`${r.name}: expected ${expect}, got ${r.evaluation!.verdict}`);
  return mismatched.length > 0 ? 1 : 0;
}
