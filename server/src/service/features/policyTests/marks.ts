// Runs a policy test file for the editor and turns the run into what the editor shows: a CodeLens per test
// ("✓ passes (allowed)" / "✗ fails: implicitly-denied, expected allowed — decided by deploy.json#0"), an error
// diagnostic on each failing test (so failures are in the Problems panel), and the loader's and runner's
// problems (syntax, keys, types, unknown actions and context keys, unreadable policies). Policy files are read
// through the caller's resolver.

import { DiagnosticSeverity, type CodeLens, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';
import { loadPolicyTestFile } from '../../evaluation/testFile';
import { runPolicyTests, type PolicyResolver, type TestResult } from '../../evaluation/runTests';
import type { PolicyTestResult, PolicyTestResults } from '../../../evaluationProtocol';
import { EVALUATION_SERVER_COMMANDS } from '../../../evaluationProtocol';
import { decidedByText, toOutcome, type UriOfPolicy } from '../simulate/outcome';

export interface TestFileRun {
  readonly results: PolicyTestResults;
  readonly diagnostics: Diagnostic[];
  readonly lenses: CodeLens[];
  /** the policy paths the file references (as written), so the caller can watch them */
  readonly referencedPaths: readonly string[];
}

export interface RunInput {
  readonly catalog: IamCatalog;
  readonly resolver: PolicyResolver;
  readonly uriOf: UriOfPolicy;
  /** rule code -> documentation URL */
  readonly docsUrl?: (code: string) => string;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function runTestFile(doc: TextDocument, input: RunInput): TestFileRun {
  const text = doc.getText();
  const loaded = loadPolicyTestFile(text, doc.uri, { catalog: input.catalog });
  const referenced = new Set<string>();
  const resolver: PolicyResolver = (path) => {
    referenced.add(path);
    return input.resolver(path);
  };
  const run = runPolicyTests(loaded, resolver, { catalog: input.catalog });
  const diagnostics: Diagnostic[] = [];
  const diag = (code: string, severity: keyof typeof SEVERITY, message: string, range: Diagnostic['range']): void => {
    diagnostics.push({ range, severity: SEVERITY[severity], code, source: 'iam-policy-test', message, ...(input.docsUrl ? { codeDescription: { href: input.docsUrl(code) } } : {}) });
  };
  for (const p of run.problems) diag(p.code, p.severity, p.message, p.range);
  const lenses: CodeLens[] = [];
  const results: PolicyTestResult[] = [];
  for (const r of run.results) {
    const test = r.test;
    const head = test.nameLoc?.range ?? { start: test.range.start, end: test.range.start };
    const lensRange = { start: { line: test.range.start.line, character: 0 }, end: { line: test.range.start.line, character: 0 } };
    const expect = r.expect ?? 'allowed';
    const outcome = r.evaluation ? toOutcome(r.evaluation, input.uriOf) : undefined;
    results.push({ name: r.name, range: test.range, expect, pass: r.pass, ...(outcome ? { outcome } : {}), ...(r.error ? { error: r.error } : {}) });
    const title = lensTitle(r);
    const target = outcome?.decidedBy[0];
    lenses.push({
      range: lensRange,
      command: target?.range ? { title, command: EVALUATION_SERVER_COMMANDS.revealStatement, arguments: [target.uri, target.range] } : { title, command: '' },
    });
    if (r.evaluation && !r.pass && r.expect) {
      diag('TEST_FAILED', 'error', `Test "${r.name}" fails: the request is ${r.evaluation.verdict}, expected ${r.expect} (${decidedByText(r.evaluation)}).${r.evaluation.missingContextKeys.length ? ` Context keys that could change it: ${r.evaluation.missingContextKeys.join(', ')}.` : ''}`, head);
    } else if (r.error && !run.problems.some((p) => p.offset >= test.offset && p.offset <= test.offset + test.length)) {
      diag('TEST_NOT_RUN', 'warning', `Test "${r.name}" did not run: ${r.error}`, head);
    }
  }
  const passed = results.filter((r) => r.pass).length;
  return { results: { uri: doc.uri, results, passed, failed: results.length - passed }, diagnostics, lenses, referencedPaths: [...referenced] };
}

function lensTitle(r: TestResult): string {
  if (!r.evaluation) return `⚠ not run: ${r.error ?? 'the test is incomplete'}`;
  const why = decidedByText(r.evaluation);
  if (r.pass) return `✓ passes (${r.evaluation.verdict}) — ${why}`;
  if (!r.expect) return `⚠ ${r.evaluation.verdict}, but the test has no expect — ${why}`;
  return `✗ fails: ${r.evaluation.verdict}, expected ${r.expect} — ${why}`;
}
