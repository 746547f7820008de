// The e2e layer's shared session: the one code-server and the one Chromium that test/e2e/support/runSuites.ts
// starts for every suite, handed to each suite's process in the IAM_E2E_SHARED environment variable. Absent
// when a suite runs alone (it then starts its own).

export const SHARED_ENV = 'IAM_E2E_SHARED';

export interface SharedSession {
  /** The code-server's address (no folder: each suite opens a window on its own workspace). */
  readonly url: string;
  /** The code-server's scratch folder (HOME is `scratch/home`; suite workspaces go under `scratch/suites`). */
  readonly scratch: string;
  /** Playwright's browser-server endpoint of the shared Chromium. */
  readonly wsEndpoint: string;
}

export function sharedSession(): SharedSession | undefined {
  const raw = process.env[SHARED_ENV];
  return raw ? (JSON.parse(raw) as SharedSession) : undefined;
}
