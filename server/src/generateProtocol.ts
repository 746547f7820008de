// The two custom LSP requests of policy generation from CloudTrail logs, shared by the server
// (lsp/generateRequests.ts) and the VS Code client (client/src/generateCommand.ts). Types only, plus names:
// any LSP client can send them; the server reads the log files itself.

export const GENERATE_PRINCIPALS_REQUEST = 'iamPolicy/generate/principals';
export const GENERATE_REQUEST = 'iamPolicy/generate';
export const GENERATE_COMMAND = 'iamPolicy.generateFromCloudTrail';

export interface GenerateProblem {
  readonly path: string;
  readonly message: string;
}

export interface GeneratePrincipalsParams {
  /** local file or folder paths (not URIs) */
  readonly paths: readonly string[];
}

export interface GeneratePrincipalsResult {
  readonly principals: readonly { readonly principal: string; readonly count: number }[];
  readonly files: number;
  readonly problems: readonly GenerateProblem[];
}

export interface GenerateParams {
  readonly paths: readonly string[];
  readonly principal?: string;
  /** ISO 8601 */
  readonly since?: string;
  readonly until?: string;
  readonly minimize?: boolean;
}

export interface GenerateResultMessage {
  /** each policy document as formatted JSON text (several when split at the managed-policy size limit) */
  readonly policies: readonly string[];
  /** the report as Markdown */
  readonly markdown: string;
  /** the report in the `generate --format json` shape */
  readonly report: unknown;
  readonly files: number;
  readonly problems: readonly GenerateProblem[];
}
