// The files the evaluation features read: a policy path of a test file (the open document's text when the
// editor has it, else the file on disk), and a bounded walk of the workspace folders for policy files and
// policy test files (skipping node_modules, .git and dot-folders; at most MAX_FILES files of at most MAX_BYTES).
// The walk is cached until a watched file changes.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const MAX_FILES = 3000;
const MAX_BYTES = 2_000_000;
const WALKED = /\.(json|ya?ml|template|tf)$/i;
const SKIPPED = new Set(['node_modules', '.git', 'out', 'dist']);

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Open documents are keyed by URI; clients encode URIs differently (`%3A`), so compare by path too. */
export class FileReader {
  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  openDocument(path: string): TextDocument | undefined {
    const byUri = this.documents.get(pathToUri(path));
    if (byUri) return byUri;
    return this.documents.all().find((d) => uriToPath(d.uri) === path);
  }

  read(path: string): { text: string } | { error: string } {
    const open = this.openDocument(path);
    if (open) return { text: open.getText() };
    try {
      const st = statSync(path);
      if (!st.isFile()) return { error: 'not a file' };
      if (st.size > MAX_BYTES) return { error: `larger than ${MAX_BYTES} bytes` };
      return { text: readFileSync(path, 'utf8') };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err) };
    }
  }

  /** A test file's policy path (relative to the test file) as an absolute path. */
  static resolveFrom(testFilePath: string, policyPath: string): string {
    return resolve(dirname(testFilePath), policyPath);
  }
}

export interface WorkspaceFile {
  readonly path: string;
  /** relative to its workspace folder, `/` separators */
  readonly label: string;
}

export class WorkspaceWalk {
  private cache: WorkspaceFile[] | undefined;

  constructor(private readonly folders: () => readonly string[]) {}

  invalidate(): void {
    this.cache = undefined;
  }

  files(): readonly WorkspaceFile[] {
    if (this.cache) return this.cache;
    const out: WorkspaceFile[] = [];
    for (const folder of this.folders()) {
      const stack = [folder];
      while (stack.length > 0 && out.length < MAX_FILES) {
        const dir = stack.pop()!;
        let names: string[];
        try {
          names = readdirSync(dir).sort();
        } catch {
          continue;
        }
        for (const name of names) {
          if (SKIPPED.has(name) || name.startsWith('.')) continue;
          const p = join(dir, name);
          let st;
          try {
            st = statSync(p);
          } catch {
            continue;
          }
          if (st.isDirectory()) stack.push(p);
          else if (st.isFile() && WALKED.test(name) && st.size <= MAX_BYTES) out.push({ path: p, label: relative(folder, p).split(sep).join('/') });
          if (out.length >= MAX_FILES) break;
        }
      }
    }
    this.cache = out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return this.cache;
  }
}

/** `target` relative to the folder of `from`, with `/` separators ("../policies/deploy.json"). */
export function relativeFrom(fromFile: string, target: string): string {
  return relative(dirname(fromFile), target).split(sep).join('/');
}
