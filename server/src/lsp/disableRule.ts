// "Disable RULE for this workspace": the WorkspaceEdit that sets `"rules": {"CODE": "off"}` in the nearest
// .iam-policy.json above the file (or creates one in the workspace folder), keeping the file's comments and
// layout (jsonc-parser `modify`). "Disable RULE for this file" (plain JSON, which has no comments) adds
// `"overrides": [{"files": ["./path"], "rules": {"CODE": "off"}}]` there instead, the path relative to that
// config file (as fileSettings.ts resolves it). Node-side: reads the file; the client applies the edit.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify, parse } from 'jsonc-parser';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { WORKSPACE_CONFIG_FILE } from '../protocol';

/** The config file to edit for `file`: the nearest existing one up to `folder`, else a new one in `folder` (or next to the file). */
export function configFileFor(file: string, folder: string | undefined): { path: string; exists: boolean } {
  let dir = dirname(file);
  for (;;) {
    const candidate = join(dir, WORKSPACE_CONFIG_FILE);
    if (existsSync(candidate)) return { path: candidate, exists: true };
    const parent = dirname(dir);
    if ((folder && dir === folder) || parent === dir) break;
    dir = parent;
  }
  return { path: join(folder ?? dirname(file), WORKSPACE_CONFIG_FILE), exists: false };
}

/**
 * The `overrides` glob that matches exactly `file` for a config file at `configPath`: relative, `/`-separated,
 * `./`-anchored at the top (a glob without `/` matches the base name in any folder). undefined when the path
 * has glob syntax characters (they would need escapes) or lies outside the config file's folder.
 */
export function fileGlobFor(file: string, configPath: string): string | undefined {
  const rel = relative(dirname(configPath), file).split(sep).join('/');
  if (rel === '' || rel.startsWith('../') || /[*?[\]{}()!+@\\]/.test(rel)) return undefined;
  return rel.includes('/') ? rel : `./${rel}`;
}

/**
 * The new text of the config file with the rule off (a fresh file when `text` is undefined): in `rules`, or with
 * `fileGlob` in the `overrides` entry for exactly that glob (added at the end, where later entries win).
 */
export function disabledRuleText(text: string | undefined, code: string, fileGlob?: string): string {
  const entry = { files: [fileGlob], rules: { [code]: 'off' } };
  if (text === undefined || text.trim() === '') return `${JSON.stringify(fileGlob === undefined ? { rules: { [code]: 'off' } } : { overrides: [entry] }, null, 2)}\n`;
  const options = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' } };
  if (fileGlob === undefined) return applyEdits(text, modify(text, ['rules', code], 'off', options));
  let overrides: unknown;
  try {
    overrides = (parse(text) as { overrides?: unknown } | undefined)?.overrides;
  } catch {
    overrides = undefined;
  }
  if (!Array.isArray(overrides)) return applyEdits(text, modify(text, ['overrides'], [entry], options));
  const files = (o: unknown): unknown => (typeof o === 'object' && o !== null ? (o as { files?: unknown }).files : undefined);
  // the last entry for exactly this file, so that the rule is off after every earlier entry
  const index = overrides.map((o, i) => ({ f: files(o), i })).filter(({ f }) => f === fileGlob || (Array.isArray(f) && f.length === 1 && f[0] === fileGlob)).pop()?.i;
  if (index === overrides.length - 1) return applyEdits(text, modify(text, ['overrides', index, 'rules', code], 'off', options));
  return applyEdits(text, modify(text, ['overrides', overrides.length], entry, { ...options, isArrayInsertion: true }));
}

/**
 * `openText`: the file's text when the editor has it open (possibly unsaved), read instead of the disk copy.
 * `scope: 'file'` writes an `overrides` entry for this file only; undefined when no glob can name it exactly.
 */
export function disableRuleEdit(file: string, folder: string | undefined, code: string, openText?: (uri: string) => string | undefined, scope: 'workspace' | 'file' = 'workspace'): { edit: WorkspaceEdit; path: string } | undefined {
  const target = configFileFor(file, folder);
  const uri = pathToFileURL(target.path).href;
  const fileGlob = scope === 'file' ? fileGlobFor(file, target.path) : undefined;
  if (scope === 'file' && fileGlob === undefined) return undefined;
  if (!target.exists) {
    return {
      path: target.path,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: disabledRuleText(undefined, code, fileGlob) }] },
        ],
      },
    };
  }
  const text = openText?.(uri) ?? readFileSync(target.path, 'utf8');
  const next = disabledRuleText(text, code, fileGlob);
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return { path: target.path, edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: next }] } } };
}
