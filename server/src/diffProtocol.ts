// The permission-diff messages between the client and the server (any LSP client can send them): the custom
// request `iamPolicy/permissionDiff`, the same through workspace/executeCommand, and the client's commands.

import type { DiffReport } from './service/diff/report';

/** Custom request: the permission diff of a document against another version. */
export const PERMISSION_DIFF_REQUEST = 'iamPolicy/permissionDiff';
/** workspace/executeCommand with arguments [PermissionDiffParams]: same result (for clients without custom requests). */
export const PERMISSION_DIFF_SERVER_COMMAND = 'iamPolicy.server.permissionDiff';

export const DIFF_CLIENT_COMMANDS = {
  compareWithHead: 'iamPolicy.compareWithHead',
  compareWithFile: 'iamPolicy.compareWithFile',
} as const;

export interface PermissionDiffParams {
  /** the NEW version: an open document (its current text) or a file on disk */
  readonly uri: string;
  /** the OLD version: a git ref (default "HEAD"), another file's URI, or a text */
  readonly against?: { readonly ref?: string; readonly uri?: string; readonly text?: string };
  /** "summary": only the one-line summary and counts (cheaper on the wire; the editor's CodeLens) */
  readonly detail?: 'full' | 'summary';
}

export interface PermissionDiffResult {
  readonly uri: string;
  /** what the old version was: "HEAD", a path, "text" */
  readonly against: string;
  /** the two texts are identical (nothing to compare) */
  readonly identical: boolean;
  /** the old version does not exist (a new file) */
  readonly added: boolean;
  readonly summary: string;
  readonly gained: number;
  readonly lost: number;
  /** policies found in either version (0: not a policy file; the editor then shows nothing) */
  readonly policies: number;
  /** full detail only */
  readonly markdown?: string;
  readonly report?: DiffReport;
  /** set instead of a result when the old version could not be read (not a git repository, unknown ref…) */
  readonly error?: string;
}
