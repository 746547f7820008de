// Finds and reads the workspace file `.iam-policy.json` (rules, policyTypes, files, accountIds, ignore) for a
// file on disk: the nearest one in the file's directory or above. Node-side (fs); the pure service never sees it.
// Invalid entries are dropped and described in `problems`, never thrown: a typo in the file must not stop checks,
// but it is reported (an unknown rule code or a malformed account ID would otherwise silently do nothing).
// The problems come from the generated schema (schemas/iam-policy-config.schema.json, validated with ajv's
// precompiled validator in validateConfig.ts); this module keeps what is valid (the two agree: tested).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { POLICY_TYPE_NAMES, RULE_LEVELS, WORKSPACE_CONFIG_FILE, type PolicyTypeName, type RuleLevel } from '../protocol';
import { ALL_RULES } from '../service/rules/registry';
import { closestMatch } from '../service/knowledge/suggest';
import { lineColumn, validateConfigText, type ConfigProblem } from './validateConfig';

export interface WorkspaceConfig {
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly policyTypes: Readonly<Record<string, PolicyTypeName>>;
  readonly files: readonly string[];
  readonly accountIds: readonly string[];
  readonly ignore: readonly string[];
  /** replaces SENSITIVE_ACTION_WITHOUT_CONDITION's built-in list when present */
  readonly sensitiveActions?: readonly string[];
  readonly legacyScp?: boolean;
  /** per-path rule levels, as ESLint's overrides: later entries win over earlier ones and over `rules` */
  readonly overrides?: readonly RuleOverride[];
}

export interface RuleOverride {
  /** globs relative to the config file's folder */
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, RuleLevel>>;
}

export interface LoadedWorkspaceConfig {
  /** absolute path of the .iam-policy.json file */
  readonly path: string;
  /** its directory: the base of every glob in it */
  readonly dir: string;
  readonly config: WorkspaceConfig;
  /** human-readable problems (bad JSON, unknown keys, invalid values), each as `file:line:column: message` */
  readonly problems: readonly string[];
  /** the same problems with their place in the file (the editor shows them as diagnostics on the file) */
  readonly located?: readonly ConfigProblem[];
}

export const EMPTY_WORKSPACE_CONFIG: WorkspaceConfig = { rules: {}, policyTypes: {}, files: [], accountIds: [], ignore: [] };

/** every key the file may hold; schemas/iam-policy-config.schema.json lists the same (tested) */
export const KNOWN_KEYS = new Set(['$schema', 'rules', 'policyTypes', 'files', 'accountIds', 'ignore', 'sensitiveActions', 'legacyScp', 'overrides']);

/** Every rule code the registry knows: `rules` keys must be one of them. */
export const RULE_CODES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.code));

export const ACCOUNT_ID = /^\d{12}$/;

/** Keeps the entries of a `rules` map whose code exists; describes the others (with a did-you-mean). */
export function checkRuleCodes(rules: Record<string, RuleLevel>, key: string, problems: string[]): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {};
  for (const [code, level] of Object.entries(rules)) {
    if (RULE_CODES.has(code)) {
      out[code] = level;
      continue;
    }
    const close = closestMatch(code, RULE_CODES);
    problems.push(`"${key}": unknown rule code "${code}"${close ? `: did you mean "${close}"?` : ''} (iam-policy-check --list-rules lists them)`);
  }
  return out;
}

function accountIdList(value: unknown, key: string, problems: string[]): string[] {
  return stringArray(value, key, problems).filter((id) => {
    if (ACCOUNT_ID.test(id)) return true;
    problems.push(`"${key}": ${JSON.stringify(id)} is not a 12-digit AWS account ID`);
    return false;
  });
}

function overrideList(value: unknown, problems: string[]): RuleOverride[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('"overrides" must be an array of {"files": [...], "rules": {...}} objects');
    return [];
  }
  const out: RuleOverride[] = [];
  value.forEach((entry: unknown, i) => {
    const key = `overrides[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`"${key}" must be an object with "files" and "rules"`);
      return;
    }
    for (const k of Object.keys(entry)) if (k !== 'files' && k !== 'rules') problems.push(`"${key}": unknown key "${k}"`);
    const files = typeof entry['files'] === 'string' ? [entry['files']] : stringArray(entry['files'], `${key}.files`, problems);
    if (files.length === 0) problems.push(`"${key}.files" must list at least one glob`);
    const rules = checkRuleCodes(stringMap(entry['rules'], `${key}.rules`, RULE_LEVELS, problems), `${key}.rules`, problems);
    if (files.length > 0) out.push({ files, rules });
  });
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringArray(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`"${key}" must be an array of strings`);
    return [];
  }
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === 'string') out.push(v);
    else problems.push(`"${key}" entries must be strings, got ${JSON.stringify(v)}`);
  }
  return out;
}

function stringMap<T extends string>(value: unknown, key: string, allowed: readonly T[], problems: string[]): Record<string, T> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    problems.push(`"${key}" must be an object`);
    return {};
  }
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) out[k] = v as T;
    else problems.push(`"${key}.${k}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(v)}`);
  }
  return out;
}

/**
 * Validates a workspace config file's text with the schema and keeps its valid entries. Comments and trailing
 * commas are allowed. `problems` are the schema's (validateConfig.ts), in text order; `located` the same with places.
 */
export function parseWorkspaceConfig(text: string): { config: WorkspaceConfig; problems: string[]; located: ConfigProblem[] } {
  const located = validateConfigText(text);
  const problems = located.map((p) => p.message);
  // the loader's own findings repeat the schema's: it only decides what is kept
  const dropped: string[] = [];
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 && problems.length === 0) problems.push(`not valid JSON (${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset})`);
  if (!isRecord(raw)) {
    if (problems.length === 0) problems.push('must contain a JSON object');
    return { config: EMPTY_WORKSPACE_CONFIG, problems, located };
  }
  const config: WorkspaceConfig = {
    rules: checkRuleCodes(stringMap(raw['rules'], 'rules', RULE_LEVELS, dropped), 'rules', dropped),
    policyTypes: stringMap(raw['policyTypes'], 'policyTypes', POLICY_TYPE_NAMES, dropped),
    files: stringArray(raw['files'], 'files', dropped),
    accountIds: accountIdList(raw['accountIds'], 'accountIds', dropped),
    ignore: stringArray(raw['ignore'], 'ignore', dropped),
    ...(raw['sensitiveActions'] !== undefined ? { sensitiveActions: stringArray(raw['sensitiveActions'], 'sensitiveActions', dropped) } : {}),
    ...(typeof raw['legacyScp'] === 'boolean' ? { legacyScp: raw['legacyScp'] } : {}),
    ...(raw['overrides'] !== undefined ? { overrides: overrideList(raw['overrides'], dropped) } : {}),
  };
  // whatever the loader dropped, the schema must have reported: a drop without a word would do nothing silently
  if (dropped.length > 0 && problems.length === 0) problems.push(...dropped);
  return { config, problems, located };
}

/** Reads and validates one config file; undefined when it does not exist. Other read errors become problems. */
export function readWorkspaceConfig(filePath: string): LoadedWorkspaceConfig | undefined {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { path: filePath, dir: dirname(filePath), config: EMPTY_WORKSPACE_CONFIG, problems: [`${filePath}: cannot read: ${(err as Error).message}`] };
  }
  const { config, problems, located } = parseWorkspaceConfig(text);
  const where = (i: number): string => {
    const p = located[i];
    if (!p) return filePath;
    const { line, column } = lineColumn(text, p.offset);
    return `${filePath}:${line}:${column}`;
  };
  return { path: filePath, dir: dirname(filePath), config, problems: problems.map((p, i) => `${where(i)}: ${p}`), located };
}

/**
 * Looks up the nearest .iam-policy.json for files in directories, with a per-directory cache (a CLI run over
 * a tree reads each candidate once). `stopAt` (e.g. the workspace folder) bounds the upward search.
 */
export class WorkspaceConfigFinder {
  private readonly byDir = new Map<string, LoadedWorkspaceConfig | undefined>();

  /** The config that applies to `filePath`, or undefined when there is none up to `stopAt` or the root. */
  forFile(filePath: string, stopAt?: string): LoadedWorkspaceConfig | undefined {
    return this.forDir(dirname(resolve(filePath)), stopAt === undefined ? undefined : resolve(stopAt));
  }

  private forDir(dir: string, stopAt: string | undefined): LoadedWorkspaceConfig | undefined {
    const key = `${dir}\0${stopAt ?? ''}`;
    if (this.byDir.has(key)) return this.byDir.get(key);
    let found = readWorkspaceConfig(join(dir, WORKSPACE_CONFIG_FILE));
    if (!found) {
      const parent = dirname(dir);
      if (parent !== dir && dir !== stopAt) found = this.forDir(parent, stopAt);
    }
    this.byDir.set(key, found);
    return found;
  }

  /** Forget everything (a config file was created, changed or deleted). */
  clear(): void {
    this.byDir.clear();
  }
}
