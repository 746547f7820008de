// Finding -> LSP Diagnostic: positions from offsets, severity, code, source "iam", docs link, data, tags, and the
// findings folded into it on the same token (rules/combineFindings.ts) as relatedInformation + `data.related`.

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
  if (f.related?.length) {
    // same range as the leader: the folded findings are about this very token
    d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: d.range }, message: `${r.code} (${r.severity}): ${r.message}` }));
    d.data = { ...(f.data ?? {}), related: f.related.map((r) => (r.data ? { code: r.code, message: r.message, severity: r.severity, data: r.data } : { code: r.code, message: r.message, severity: r.severity })) };
  } else if (f.data) d.data = f.data;
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return d;
}

/** The folded findings a diagnostic carries in `data.related` (see toDiagnostic), validated: data comes back from the client. */
export function relatedFindingsOf(d: Diagnostic): Array<{ code: string; message: string; data?: Record<string, unknown> }> {
  const related = (d.data as { related?: unknown } | undefined)?.related;
  if (!Array.isArray(related)) return [];
  const out: Array<{ code: string; message: string; data?: Record<string, unknown> }> = [];
  for (const r of related as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const { code, message, data } = r as { code?: unknown; message?: unknown; data?: unknown };
    if (typeof code !== 'string' || typeof message !== 'string') continue;
    out.push(typeof data === 'object' && data !== null ? { code, message, data: data as Record<string, unknown> } : { code, message });
  }
  return out;
}
