// Resolves what applies to one file: editor settings (when there are any) merged over the workspace file
// .iam-policy.json. Used by the language server and the CLI alike, so both treat a file the same way.
// Editor settings win: their rule levels override the file's and their globs are tried first.

import { isAbsolute, relative } from 'node:path';
import type { PolicyType, ServiceSettings } from '../service';
import type { IamPolicySettings, PolicyTypeName, RuleLevel } from '../protocol';
import { matchAnyGlob, matchGlob } from './globs';
import type { LoadedWorkspaceConfig } from './workspaceConfig';

export interface FileSettings {
  /** what the pure service is given (rule levels, account ids) */
  readonly service: ServiceSettings;
  /** an explicit type from a policyTypes glob (or the CLI flag); undefined = inferred by the parser */
  readonly policyType?: PolicyType;
  /** the file matched a `files` glob: checked as a policy whatever its content */
  readonly forcePolicy: boolean;
  /** the file matched an `ignore` glob of the workspace file */
  readonly ignored: boolean;
}

export interface EditorScope {
  readonly settings: Pick<IamPolicySettings, 'rules' | 'policyTypes' | 'files' | 'accountIds'> & Partial<Pick<IamPolicySettings, 'sensitiveActions' | 'legacyScp'>>;
  /** the workspace folder holding the file: the base of the editor's globs */
  readonly baseDir?: string;
}

/** Path of `file` relative to `base` with `/` separators; the full path when it lies outside `base`. */
export function relativeForGlob(base: string | undefined, file: string): string {
  if (base === undefined) return file;
  const rel = relative(base, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function typeFromGlobs(globs: Readonly<Record<string, PolicyTypeName>>, path: string): PolicyType | undefined {
  for (const [glob, type] of Object.entries(globs)) if (matchGlob(glob, path)) return type;
  return undefined;
}

/**
 * `filePath` is an absolute file-system path, or undefined for documents that are not files (untitled):
 * those only get the editor's rule levels and account ids.
 */
export function resolveFileSettings(filePath: string | undefined, workspace: LoadedWorkspaceConfig | undefined, editor?: EditorScope): FileSettings {
  const ws = workspace?.config;
  const wsPathEarly = filePath === undefined ? undefined : relativeForGlob(workspace?.dir, filePath);
  // overrides apply in order over the file's `rules` (ESLint's rule); editor settings still win over both
  const overrideRules = wsPathEarly === undefined ? [] : (ws?.overrides ?? []).filter((o) => matchAnyGlob(o.files, wsPathEarly)).map((o) => o.rules);
  const rules = Object.assign({}, ws?.rules ?? {}, ...overrideRules, editor?.settings.rules ?? {}) as Record<string, RuleLevel>;
  const accountIds = [...new Set([...(editor?.settings.accountIds ?? []), ...(ws?.accountIds ?? [])])];
  // an empty editor list means "not set" (VS Code reports [] for an untouched array setting)
  const sensitiveActions = editor?.settings.sensitiveActions?.length ? editor.settings.sensitiveActions : ws?.sensitiveActions;
  const legacyScp = editor?.settings.legacyScp === true || ws?.legacyScp === true;
  const service: ServiceSettings = { rules, accountIds, ...(sensitiveActions ? { sensitiveActions } : {}), ...(legacyScp ? { legacyScp } : {}) };
  if (filePath === undefined) return { service, forcePolicy: false, ignored: false };
  const editorPath = relativeForGlob(editor?.baseDir, filePath);
  const wsPath = relativeForGlob(workspace?.dir, filePath);
  const policyType =
    (editor ? typeFromGlobs(editor.settings.policyTypes, editorPath) : undefined) ?? (ws ? typeFromGlobs(ws.policyTypes, wsPath) : undefined);
  const forcePolicy = (editor !== undefined && matchAnyGlob(editor.settings.files, editorPath)) || (ws !== undefined && matchAnyGlob(ws.files, wsPath));
  const ignored = ws !== undefined && matchAnyGlob(ws.ignore, wsPath);
  return { service, ...(policyType ? { policyType } : {}), forcePolicy, ignored };
}
