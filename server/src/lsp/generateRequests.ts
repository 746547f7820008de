// The language server's side of "Generate policy from CloudTrail logs": `iamPolicy/generate/principals` lists
// the principals found in the logs, `iamPolicy/generate` builds the policy and the Markdown report. The server
// reads the files (so any LSP editor can offer the command); reading is asynchronous, chunk by chunk, so
// typing in other documents is never blocked, and a cancelled request stops between files.

import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ResponseError, LSPErrorCodes } from 'vscode-languageserver';
import type { IamCatalog } from '../service';
import { reportMarkdown } from '../service/generate';
import { generateFromLogs, principalList } from '../cli/generate/generateLogs';
import {
  GENERATE_PRINCIPALS_REQUEST,
  GENERATE_REQUEST,
  type GenerateParams,
  type GeneratePrincipalsParams,
  type GeneratePrincipalsResult,
  type GenerateResultMessage,
} from '../generateProtocol';

class Cancelled extends Error {}

function time(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new ResponseError(-32602, `${name} must be an ISO 8601 date or time, got "${v}"`);
  return t;
}

/**
 * `catalog` loads the IAM catalog; the handler keeps it only through a WeakRef, so a generation does not pin
 * a second copy of the catalog in the server for the rest of the session.
 */
export function registerGenerateRequests(connection: Connection, catalog: () => IamCatalog): void {
  let cached: WeakRef<IamCatalog> | undefined;
  const getCatalog = (): IamCatalog => {
    const hit = cached?.deref();
    if (hit) return hit;
    const fresh = catalog();
    cached = new WeakRef(fresh);
    return fresh;
  };
  const checkPaths = (paths: unknown): readonly string[] => {
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string')) throw new ResponseError(-32602, 'paths: a non-empty list of file or folder paths');
    return paths as string[];
  };
  const onFile = (token: CancellationToken) => (): void => {
    if (token.isCancellationRequested) throw new Cancelled();
  };

  connection.onRequest(GENERATE_PRINCIPALS_REQUEST, async (params: GeneratePrincipalsParams, token: CancellationToken): Promise<GeneratePrincipalsResult> => {
    const paths = checkPaths(params?.paths);
    try {
      const run = await generateFromLogs(getCatalog(), paths, { onFile: onFile(token) });
      return { principals: principalList(run.aggregator), files: run.files, problems: run.problems };
    } catch (err) {
      if (err instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      throw err;
    }
  });

  connection.onRequest(GENERATE_REQUEST, async (params: GenerateParams, token: CancellationToken): Promise<GenerateResultMessage> => {
    const paths = checkPaths(params?.paths);
    const since = time(params.since, 'since');
    const until = time(params.until, 'until');
    try {
      const run = await generateFromLogs(getCatalog(), paths, {
        filter: { ...(params.principal ? { principal: params.principal } : {}), ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}) },
        minimize: params.minimize === true,
        onFile: onFile(token),
      });
      const markdown = reportMarkdown(run.result.report, { ...(params.principal ? { principal: params.principal } : {}), sources: paths });
      const problems = run.problems.length ? `\n## Files that could not be read completely\n\n${run.problems.map((p) => `- \`${p.path}\`: ${p.message}`).join('\n')}\n` : '';
      return {
        policies: run.result.policies.map((p) => `${JSON.stringify(p, null, 2)}\n`),
        markdown: markdown + problems,
        report: run.result.report,
        files: run.files,
        problems: run.problems,
      };
    } catch (err) {
      if (err instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      throw err;
    }
  });
}
