// What the language server and its clients share for the evaluation features (issue 15): the policy-test
// marks, "Simulate request" and "Explain access denied". Each is reachable two ways: a custom request
// (`iamPolicy/…`, what the VS Code client uses) and `workspace/executeCommand` with one argument, the same
// params object (what other LSP editors use). Types and constants only; no behaviour.

import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';

export type Verdict = 'allowed' | 'explicitly-denied' | 'implicitly-denied';
export type Expectation = Verdict | 'denied';

/** A statement that decided a verdict (or that a verdict points at), located in a file. */
export interface StatementRef {
  readonly uri: string;
  /** the policy as the test file or command names it: a relative path, or "inline" */
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  /** the statement's range in `uri`; absent when the policy is inline in a test file without positions */
  readonly range?: Range;
}

/** Why one statement did not apply: the first element that did not match. */
export interface StatementMiss {
  readonly ref: StatementRef;
  /** "action", "resource", "principal", "condition" */
  readonly element: string;
  readonly detail: string;
}

export interface EvaluationOutcome {
  readonly verdict: Verdict;
  readonly decidedBy: readonly StatementRef[];
  /** statements that did not apply, with the element that failed */
  readonly misses: readonly StatementMiss[];
  /** keys absent from the request context whose presence could change the verdict */
  readonly missingContextKeys: readonly string[];
  /** one line: "allowed by deploy.json#0 (Sid Write)" */
  readonly summary: string;
}

// ---- policy tests (*.iamtest.yaml / *.iamtest.json) ----

export const POLICY_TEST_RESULTS_REQUEST = 'iamPolicy/policyTestResults';
export interface PolicyTestResultsParams {
  readonly uri: string;
}
export interface PolicyTestResult {
  readonly name: string;
  /** the range of the test's entry in the test file */
  readonly range: Range;
  readonly expect: Expectation;
  readonly pass: boolean;
  readonly outcome?: EvaluationOutcome;
  /** the test could not run (a missing policy file, an invalid entry): why */
  readonly error?: string;
}
export interface PolicyTestResults {
  readonly uri: string;
  readonly results: readonly PolicyTestResult[];
  readonly passed: number;
  readonly failed: number;
}

// ---- Simulate request ----

export const SIMULATION_CHOICES_REQUEST = 'iamPolicy/simulationChoices';
export interface SimulationChoicesParams {
  readonly uri: string;
  /** in a template holding several policies: the one containing this position (default: the first) */
  readonly position?: Position;
}
export interface SimulationContextKey {
  readonly key: string;
  /** the operators the policy uses on the key, e.g. ["IpAddress"] */
  readonly operators: readonly string[];
  /** values the policy compares the key with: good defaults to try */
  readonly values: readonly string[];
  /** actions (catalog names) of the statements that use the key */
  readonly actions: readonly string[];
}
export interface SimulationChoices {
  readonly uri: string;
  readonly policyType: string;
  /** the catalog actions the policy's statements name (wildcards expanded; NotAction statements contribute their listed actions) */
  readonly actions: readonly string[];
  /** more actions matched than listed (the list is capped) */
  readonly actionsTruncated: boolean;
  /** Resource values of the statements, per action: action (lower case) -> resource patterns */
  readonly resourcesByAction: Readonly<Record<string, readonly string[]>>;
  /** principals the policy names (resource and trust policies) */
  readonly principals: readonly string[];
  readonly contextKeys: readonly SimulationContextKey[];
}

export const SIMULATE_REQUEST = 'iamPolicy/simulate';
export interface SimulateParams {
  /** the open policy: evaluated in its own role (identity, resource, trust; an SCP/RCP/boundary under an allow-all identity policy) */
  readonly uri: string;
  /** in a template holding several policies: the one containing this position (default: the first) */
  readonly position?: Position;
  readonly action: string;
  readonly resource?: string;
  readonly principal?: string;
  /** key -> value(s); a list is a multivalued key. Keys left out are absent from the request. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}
export interface SimulateResult extends EvaluationOutcome {
  readonly request: { readonly action: string; readonly resource: string; readonly principal: string; readonly context: Readonly<Record<string, string | readonly string[]>> };
  /** how the open policy was placed, e.g. "SCP under an identity policy that allows everything" */
  readonly setting: string;
  /** the whole answer as Markdown */
  readonly markdown: string;
}

// ---- Explain access denied ----

export const EXPLAIN_ACCESS_DENIED_REQUEST = 'iamPolicy/explainAccessDenied';
export interface ExplainAccessDeniedParams {
  /** the pasted message */
  readonly message: string;
}
export interface GrantProposal {
  /** the identity policy the Allow would go into */
  readonly uri: string;
  readonly label: string;
  /** why this policy is offered first (e.g. "the test file deploy.iamtest.yaml gives it to this principal") */
  readonly reason: string;
  /** the narrowest grant: the exact action on the exact resource */
  readonly statement: { readonly Sid: string; readonly Effect: 'Allow'; readonly Action: string; readonly Resource: string };
  readonly edit: WorkspaceEdit;
}
export interface ExplainAccessDeniedResult {
  readonly ok: boolean;
  /** when !ok: why the message could not be read */
  readonly reason?: string;
  readonly request?: { readonly principal?: string; readonly action: string; readonly resource?: string; readonly denial?: string; readonly policyArn?: string };
  /** Deny statements in the workspace that match the request */
  readonly denies: readonly StatementRef[];
  /** Allow statements that match (then something else denies: a boundary, an SCP, a condition) */
  readonly allows: readonly StatementRef[];
  /** when nothing allows: where the narrowest Allow could go, best first */
  readonly grants: readonly GrantProposal[];
  /** policy sets of test files that name the principal, evaluated: their verdicts */
  readonly testSets: ReadonlyArray<{ readonly uri: string; readonly outcome: EvaluationOutcome }>;
  readonly policiesSearched: number;
  readonly markdown: string;
}

/** `workspace/executeCommand` ids (distinct from the VS Code client's UI commands, which prompt first). */
export const EVALUATION_SERVER_COMMANDS = {
  /** arguments: [PolicyTestResultsParams] -> PolicyTestResults */
  policyTestResults: 'iamPolicy.server.policyTestResults',
  /** arguments: [SimulationChoicesParams] -> SimulationChoices */
  simulationChoices: 'iamPolicy.server.simulationChoices',
  /** arguments: [SimulateParams] -> SimulateResult */
  simulate: 'iamPolicy.server.simulate',
  /** arguments: [ExplainAccessDeniedParams] -> ExplainAccessDeniedResult */
  explainAccessDenied: 'iamPolicy.server.explainAccessDenied',
  /** arguments: [uri: string, range: Range] -> opens the file at the statement (window/showDocument); CodeLens target */
  revealStatement: 'iamPolicy.server.revealStatement',
  /** arguments: [{uri, action, resource}] -> applies the grant with workspace/applyEdit; returns {applied: boolean} */
  addGrant: 'iamPolicy.server.addGrant',
} as const;

/** The VS Code client's commands (prompt, then call the requests above). */
export const EVALUATION_CLIENT_COMMANDS = {
  simulateRequest: 'iamPolicy.simulateRequest',
  explainAccessDenied: 'iamPolicy.explainAccessDenied',
} as const;

/** Files the editor treats as policy tests. */
export const POLICY_TEST_FILE_SUFFIXES: readonly string[] = ['.iamtest.yaml', '.iamtest.yml', '.iamtest.json'];
export function isPolicyTestUri(uri: string): boolean {
  const lower = uri.toLowerCase();
  return POLICY_TEST_FILE_SUFFIXES.some((s) => lower.endsWith(s));
}
