// The permission diff in the language server: `iamPolicy/permissionDiff` and the executeCommand
// `iamPolicy.server.permissionDiff` compare a document (its editor text, or the file) with its version at a git
// ref (`git show REF:./file` in the file's folder), another file or a given text, and return the one-line
// summary, the counts, and in full detail the Markdown and the JSON report of `iam-policy-check diff`.

import { execFile } from 'node:child_process';
import { promises as fsPromises } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamLanguageService, PolicyType } from '../service';
import { buildReport, diffFile } from '../service/diff/report';
import { formatMarkdown, oneLineSummary } from '../service/diff/format';
import { engineEvaluator } from '../service/diff/engineEvaluator';
import type { WitnessEvaluator } from '../service/diff/diffPolicies';
import type { IamCatalog } from '../service/knowledge/catalog';
import { PERMISSION_DIFF_REQUEST, PERMISSION_DIFF_SERVER_COMMAND, type PermissionDiffParams, type PermissionDiffResult } from '../diffProtocol';
import { registerCommand } from './commandRouter';

export const PERMISSION_DIFF_COMMANDS = [PERMISSION_DIFF_SERVER_COMMAND];

export interface PermissionDiffDeps {
  readonly documents: TextDocuments<TextDocument>;
  readonly service: () => IamLanguageService | undefined;
  /** the policy type the user configured for the file, if any */
  readonly policyTypeOf?: (uri: string) => Promise<PolicyType | undefined>;
}

export function registerPermissionDiff(connection: Connection, deps: PermissionDiffDeps): void {
  let evaluator: { catalog: IamCatalog; evaluate: WitnessEvaluator } | undefined;
  const handle = async (params: PermissionDiffParams): Promise<PermissionDiffResult | null> => {
    const service = deps.service();
    if (!service || !params?.uri) return null;
    if (evaluator?.catalog !== service.catalog) evaluator = { catalog: service.catalog, evaluate: engineEvaluator(service.catalog) };
    try {
      return await permissionDiff(params, deps, service.catalog, evaluator.evaluate);
    } catch (err) {
      return { uri: params.uri, against: describeAgainst(params), identical: false, added: false, summary: '', gained: 0, lost: 0, policies: 0, error: err instanceof Error ? err.message : String(err) };
    }
  };
  connection.onRequest(PERMISSION_DIFF_REQUEST, handle);
  // through the router: the editor features (editorFeatures.ts) have commands of their own
  registerCommand(connection, PERMISSION_DIFF_SERVER_COMMAND, (args) => handle((args[0] ?? {}) as PermissionDiffParams));
}

function describeAgainst(p: PermissionDiffParams): string {
  return p.against?.text !== undefined ? 'text' : p.against?.uri ? pathOf(p.against.uri) ?? p.against.uri : (p.against?.ref ?? 'HEAD');
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

async function textOf(uri: string, documents: TextDocuments<TextDocument>): Promise<string | undefined> {
  const open = documents.get(uri);
  if (open) return open.getText();
  const path = pathOf(uri);
  if (!path) return undefined;
  try {
    // fs.promises, not node:fs/promises: that module loads at start-up, the property on first use
    return await fsPromises.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Versions read from git, kept a few seconds: the editor asks again on every edit (CodeLens), and the HEAD version
 * does not change while the user types. A commit or checkout is seen within GIT_CACHE_MS.
 */
const GIT_CACHE_MS = 5000;
const gitCache = new Map<string, { at: number; text: Promise<string | undefined> }>();

function gitShowCached(file: string, ref: string): Promise<string | undefined> {
  const key = `${ref}\u0000${file}`;
  const now = Date.now();
  const hit = gitCache.get(key);
  if (hit && now - hit.at < GIT_CACHE_MS) return hit.text;
  if (gitCache.size > 200) gitCache.clear();
  const text = gitShow(file, ref);
  gitCache.set(key, { at: now, text });
  text.catch(() => gitCache.delete(key));
  return text;
}

/** `git show REF:./name` run in the file's folder: undefined when the file is not at REF (a new file). */
function gitShow(file: string, ref: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: dirname(file) }, (err) => {
      if (err) {
        reject(new Error(`"${ref}" is not a commit here (or ${dirname(file)} is not in a git repository)`));
        return;
      }
      execFile('git', ['show', `${ref}:./${basename(file)}`], { cwd: dirname(file), maxBuffer: 64 * 1024 * 1024 }, (e, stdout) => resolve(e ? undefined : stdout));
    });
  });
}

async function permissionDiff(params: PermissionDiffParams, deps: PermissionDiffDeps, catalog: IamCatalog, evaluate: WitnessEvaluator): Promise<PermissionDiffResult> {
  const newText = await textOf(params.uri, deps.documents);
  if (newText === undefined) throw new Error(`cannot read ${params.uri}`);
  const against = describeAgainst(params);
  let oldText: string | undefined;
  if (params.against?.text !== undefined) oldText = params.against.text;
  else if (params.against?.uri) {
    oldText = await textOf(params.against.uri, deps.documents);
    if (oldText === undefined) throw new Error(`cannot read ${params.against.uri}`);
  } else {
    const file = pathOf(params.uri);
    if (!file) throw new Error('only files on disk can be compared with a git version');
    oldText = await gitShowCached(file, params.against?.ref ?? 'HEAD');
  }
  const base = { uri: params.uri, against, added: oldText === undefined };
  if (oldText === newText) return { ...base, identical: true, summary: 'Permissions: no change', gained: 0, lost: 0, policies: 0 };
  const path = pathOf(params.uri) ?? params.uri;
  const policyType = await deps.policyTypeOf?.(params.uri);
  const file = diffFile(catalog, { path: basename(path), oldText, newText }, { evaluate, ...(policyType ? { policyType } : {}) });
  const report = buildReport([file]);
  const summary = `${oneLineSummary(report)} (vs ${against})`;
  const counts = { ...base, identical: false, summary, gained: report.gained.length, lost: report.lost.length, policies: file.policies.length };
  if (params.detail === 'summary') return counts;
  return { ...counts, markdown: formatMarkdown(report, `Permission diff: ${basename(path)} vs ${against}`), report };
}
