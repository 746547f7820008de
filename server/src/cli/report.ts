// Output formats of iam-policy-check: text lines (1-based positions) or one JSON document (0-based LSP
// ranges), the stderr summary, and the rule list. Pure formatting: no I/O, no service calls.

import type { Range } from 'vscode-languageserver-types';
import type { PolicyType, Rule, Severity } from '../service';

export interface CliDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** titles of the quick fixes the service offers for this diagnostic */
  readonly fixes: readonly string[];
  /**
   * where in a generated document the finding is (where.ts): the principal in authorization details, the resource
   * address in a Terraform plan, the construct path of a CDK-synthesized template; absent elsewhere
   */
  readonly where?: string;
}

export interface FileReport {
  readonly path: string;
  readonly policyType: PolicyType | null;
  readonly diagnostics: readonly CliDiagnostic[];
}

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly dataVersion: string;
  /** when the IAM data was published (ISO date), when known */
  readonly dataDate?: string;
}

/** `path:line:col severity CODE message`, one line per finding, positions 1-based. */
export function formatText(files: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      lines.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message.replace(/\r?\n/g, ' ')}${d.where ? ` [${d.where}]` : ''}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatJson(tool: ToolInfo, files: readonly FileReport[]): string {
  return `${JSON.stringify({ tool, files }, null, 2)}\n`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 files, 4 findings: 1 error, 2 warnings` (info and hint findings count in the total only). */
export function formatSummary(files: readonly FileReport[]): string {
  let findings = 0;
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    for (const d of f.diagnostics) {
      findings++;
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return `${plural(files.length, 'file')}, ${plural(findings, 'finding')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
}

export interface RuleListEntry {
  readonly code: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly catalogue: readonly string[];
}

export function ruleList(rules: readonly Rule[]): RuleListEntry[] {
  return [...rules]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((r) => ({ code: r.code, severity: r.defaultSeverity, summary: r.summary, catalogue: [...r.catalogue] }));
}

export function formatRulesText(entries: readonly RuleListEntry[]): string {
  const width = Math.max(0, ...entries.map((e) => e.code.length));
  return entries.map((e) => `${e.code.padEnd(width)}  ${e.severity.padEnd(7)}  ${e.summary} [${e.catalogue.join(', ')}]\n`).join('');
}
