// One call for main.ts: wraps the connection so the evaluation features answer next to startServer's
// handlers, and makes the runtime load the IAM catalog once for both (the first caller loads it).

import type { Connection } from 'vscode-languageserver';
import type { IamCatalog } from '../../service';
import type { ServerRuntime } from '../startServer';
import { teeConnection } from './connectionTee';
import { createEvaluationFeatures } from './evaluationFeatures';

/** Mutates `runtime.loadCatalog` into a memoised loader shared by both sides; returns the connection for startServer. */
export function withEvaluationFeatures(connection: Connection, runtime: { loadCatalog: ServerRuntime['loadCatalog']; readonly docsUrl?: (code: string) => string }): Connection {
  const load = runtime.loadCatalog;
  let catalog: IamCatalog | undefined;
  // the first call (startServer's, at initialize) decides the data folder (iamPolicy.iamDataPath / --iam-data)
  runtime.loadCatalog = (iamDataPath?: string) => (catalog ??= load(iamDataPath));
  const features = createEvaluationFeatures(connection, { catalog: () => runtime.loadCatalog(), ...(runtime.docsUrl ? { docsUrl: runtime.docsUrl } : {}) });
  return teeConnection(connection, features);
}
