// Output formats of `iam-policy-check test` and `simulate`: the JSON results document of
// ../shared/spec/commands.md, plain text, JUnit XML and SARIF 2.1.0. Pure formatting, no I/O.

import type { evaluation } from '../../service';

type EvaluationResult = evaluation.EvaluationResult;
type StatementRef = evaluation.StatementRef;

/** One row of the results document: a test (with expect/pass) or a simulated request (without). */
export interface ResultRow {
  /** the test file (as found from the command line); absent for simulate */
  readonly file?: string;
  readonly name: string;
  /** 0-based position of the test in its file (for text/junit/sarif) */
  readonly line?: number;
  readonly character?: number;
  readonly request?: { readonly principal: string; readonly action: string; readonly resource: string };
  readonly expect?: string;
  readonly pass?: boolean;
  readonly evaluation?: EvaluationResult;
  /** why a test could not run */
  readonly error?: string;
}

function decidedJson(d: StatementRef): Record<string, unknown> {
  return {
    policy: d.policy,
    kind: d.kind,
    ...(d.level !== undefined ? { level: d.level } : {}),
    statement: d.statement,
    ...(d.sid !== undefined ? { sid: d.sid } : {}),
    range: d.range,
    ...(d.file !== undefined ? { file: d.file } : {}),
  };
}

/** The `{"results": [...], "summary": {...}}` document. */
export function formatResultsJson(rows: readonly ResultRow[], withExpectations: boolean): string {
  const results = rows.map((r) => {
    const e = r.evaluation;
    return {
      ...(r.file !== undefined ? { file: r.file } : {}),
      name: r.name,
      ...(r.request ? r.request : {}),
      ...(e ? { verdict: e.verdict } : {}),
      ...(withExpectations && r.expect !== undefined ? { expect: r.expect } : {}),
      ...(withExpectations ? { pass: r.pass === true } : {}),
      ...(e
        ? {
            decidedBy: e.decidedBy.map(decidedJson),
            ...(e.blockedBy ? { blockedBy: e.blockedBy } : {}),
            reason: e.reason,
            missingContextKeys: e.missingContextKeys,
          }
        : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    };
  });
  const summary = withExpectations
    ? { passed: rows.filter((r) => r.pass === true).length, failed: rows.filter((r) => r.pass !== true).length }
    : {
        allowed: rows.filter((r) => r.evaluation?.verdict === 'allowed').length,
        'explicitly-denied': rows.filter((r) => r.evaluation?.verdict === 'explicitly-denied').length,
        'implicitly-denied': rows.filter((r) => r.evaluation?.verdict === 'implicitly-denied').length,
      };
  return `${JSON.stringify({ results, summary }, null, 2)}\n`;
}

function where(d: StatementRef): string {
  return `${d.file ?? d.policy}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

function describeDecision(e: EvaluationResult): string[] {
  const out: string[] = [`    ${e.reason}`];
  for (const d of e.decidedBy) out.push(`    ${d.effect === 'Deny' ? 'denied' : 'allowed'} by ${d.kind} policy ${d.policy} statement ${d.statement}${d.sid ? ` "${d.sid}"` : ''} (${where(d)})`);
  if (e.verdict === 'implicitly-denied') {
    // the nearest misses: statements whose action matched but something else did not
    const near = e.statements.filter((s) => s.applies && s.effect === 'Allow' && !s.matched && s.mismatch && s.mismatch.element !== 'action' && s.mismatch.element !== 'effect');
    for (const s of near.slice(0, 5)) out.push(`    ${s.kind} policy ${s.policy} statement ${s.statement}${s.sid ? ` "${s.sid}"` : ''}: ${s.mismatch!.message}`);
  }
  if (e.missingContextKeys.length) out.push(`    context keys absent from the request that could change this: ${e.missingContextKeys.join(', ')}`);
  for (const n of e.notes) out.push(`    note: ${n}`);
  return out;
}

export function formatTestText(rows: readonly ResultRow[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    const at = `${r.file ?? ''}${r.line !== undefined ? `:${r.line + 1}:${(r.character ?? 0) + 1}` : ''}`;
    if (r.error !== undefined && !r.evaluation) {
      lines.push(`ERROR ${at} ${r.name}: ${r.error}`);
      continue;
    }
    const v = r.evaluation!.verdict;
    if (r.pass) lines.push(`PASS  ${at} ${r.name} (${v})`);
    else {
      lines.push(`FAIL  ${at} ${r.name}: expected ${r.expect ?? '(no expect)'}, got ${v}`);
      lines.push(...describeDecision(r.evaluation!));
    }
  }
  const passed = rows.filter((r) => r.pass === true).length;
  lines.push(`${passed} passed, ${rows.length - passed} failed`);
  return `${lines.join('\n')}\n`;
}

export function formatSimulateText(rows: readonly ResultRow[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    const e = r.evaluation!;
    lines.push(`${e.verdict.toUpperCase()}  ${r.request!.action} on ${r.request!.resource} by ${r.request!.principal}`);
    lines.push(...describeDecision(e));
  }
  return `${lines.join('\n')}\n`;
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** JUnit XML: one <testsuite> per test file, one <testcase> per test; failures and errors with the reason. */
export function formatJunit(rows: readonly ResultRow[]): string {
  const byFile = new Map<string, ResultRow[]>();
  for (const r of rows) {
    const list = byFile.get(r.file ?? '') ?? [];
    list.push(r);
    byFile.set(r.file ?? '', list);
  }
  const failures = rows.filter((r) => r.pass !== true && r.evaluation).length;
  const errors = rows.filter((r) => !r.evaluation).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="iam-policy-check" tests="${rows.length}" failures="${failures}" errors="${errors}">`];
  for (const [file, list] of byFile) {
    const f = list.filter((r) => r.pass !== true && r.evaluation).length;
    const e = list.filter((r) => !r.evaluation).length;
    out.push(`  <testsuite name="${xml(file)}" tests="${list.length}" failures="${f}" errors="${e}">`);
    for (const r of list) {
      const attrs = `classname="${xml(file)}" name="${xml(r.name)}" file="${xml(file)}"${r.line !== undefined ? ` line="${r.line + 1}"` : ''}`;
      if (r.pass === true) out.push(`    <testcase ${attrs}/>`);
      else if (!r.evaluation) out.push(`    <testcase ${attrs}>`, `      <error message="${xml(r.error ?? 'the test could not run')}"/>`, '    </testcase>');
      else {
        const msg = `expected ${r.expect ?? '(no expect)'}, got ${r.evaluation.verdict}`;
        out.push(`    <testcase ${attrs}>`, `      <failure message="${xml(msg)}" type="${xml(r.evaluation.verdict)}">${xml(describeDecision(r.evaluation).map((l) => l.trim()).join('\n'))}</failure>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

const SARIF_RULES = [
  { id: 'POLICY_TEST_FAILED', shortDescription: { text: 'A policy test expected a different verdict' }, defaultConfiguration: { level: 'error' } },
  { id: 'POLICY_TEST_ERROR', shortDescription: { text: 'A policy test could not run' }, defaultConfiguration: { level: 'error' } },
];

/** SARIF 2.1.0: one result per failed or broken test, located at the test in its file. */
export function formatTestSarif(rows: readonly ResultRow[], tool: { readonly name: string; readonly version: string }): string {
  const results = rows
    .filter((r) => r.pass !== true)
    .map((r) => {
      const failed = r.evaluation !== undefined;
      const text = failed ? `Policy test "${r.name}": expected ${r.expect ?? '(no expect)'}, got ${r.evaluation!.verdict}. ${r.evaluation!.reason}` : `Policy test "${r.name}" could not run: ${r.error ?? 'unknown error'}`;
      return {
        ruleId: failed ? 'POLICY_TEST_FAILED' : 'POLICY_TEST_ERROR',
        ruleIndex: failed ? 0 : 1,
        level: 'error',
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: (r.file ?? '').replace(/\\/g, '/') },
              region: { startLine: (r.line ?? 0) + 1, startColumn: (r.character ?? 0) + 1 },
            },
          },
        ],
      };
    });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: tool.name, version: tool.version, rules: SARIF_RULES } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
