// "Disable RULE for this workspace": the WorkspaceEdit that sets `"rules": {"CODE": "off"}` in the nearest
// .iam-policy.json above the file (or creates one in the workspace folder), keeping the file's comments and
// layout (jsonc-parser `modify`). Node-side: reads the file; the client applies the edit (workspace/applyEdit).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify } from 'jsonc-parser';
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

/** The new text of the config file with the rule off (a fresh file when `text` is undefined). */
export function disabledRuleText(text: string | undefined, code: string): string {
  if (text === undefined || text.trim() === '') return `${JSON.stringify({ rules: { [code]: 'off' } }, null, 2)}\n`;
  const edits = modify(text, ['rules', code], 'off', { formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' } });
  return applyEdits(text, edits);
}

/** `openText`: the file's text when the editor has it open (possibly unsaved), read instead of the disk copy. */
export function disableRuleEdit(file: string, folder: string | undefined, code: string, openText?: (uri: string) => string | undefined): { edit: WorkspaceEdit; path: string } {
  const target = configFileFor(file, folder);
  const uri = pathToFileURL(target.path).href;
  if (!target.exists) {
    return {
      path: target.path,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: disabledRuleText(undefined, code) }] },
        ],
      },
    };
  }
  const text = openText?.(uri) ?? readFileSync(target.path, 'utf8');
  const next = disabledRuleText(text, code);
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return { path: target.path, edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: next }] } } };
}
