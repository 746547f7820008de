// Finding -> LSP Diagnostic: positions from offsets, severity, code, source "iam", docs link, data, tags.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../rules/rule';

export const DIAGNOSTIC_SOURCE = 'iam';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityName(s: DiagnosticSeverity | undefined): Severity {
  switch (s) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'info';
  }
}

/** `docsUrl` maps a code to its documentation anchor; when absent, no codeDescription is set. */
export function toDiagnostic(doc: TextDocument, f: Finding, docsUrl?: (code: string) => string): Diagnostic {
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.span.offset), end: doc.positionAt(f.span.offset + f.span.length) },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (docsUrl) d.codeDescription = { href: docsUrl(f.code) };
  if (f.data) d.data = f.data;
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return d;
}
