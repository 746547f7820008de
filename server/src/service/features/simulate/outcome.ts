// The engine's verdict (evaluation/types.ts EvaluationResult) in the editor's terms (evaluationProtocol.ts):
// statements located by URI, the first mismatch of each statement that did not apply, and one-line and
// Markdown summaries. Shared by the test-file marks, "Simulate request" and "Explain access denied".

import type { EvaluationResult, StatementRef as EngineRef } from '../../evaluation/types';
import type { EvaluationOutcome, StatementRef } from '../../../evaluationProtocol';

/** Where a policy lives: the engine names policies (a relative path, "inline …"); the caller knows their URIs. */
export type UriOfPolicy = (policyName: string, file: string | undefined) => string;

export function toStatementRef(ref: EngineRef, uriOf: UriOfPolicy): StatementRef {
  return {
    uri: uriOf(ref.policy, ref.file),
    policy: ref.policy,
    statement: ref.statement,
    ...(ref.sid ? { sid: ref.sid } : {}),
    ...(ref.effect === 'Allow' || ref.effect === 'Deny' ? { effect: ref.effect } : {}),
    range: ref.range,
  };
}

/** "deploy.json#0 (Sid Write)" */
export function refLabel(ref: { readonly policy: string; readonly statement: number; readonly sid?: string }): string {
  return `${baseName(ref.policy)}#${ref.statement}${ref.sid ? ` (Sid ${ref.sid})` : ''}`;
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  identity: 'the identity policies',
  boundary: 'the permissions boundary',
  session: 'the session policy',
  scp: 'the SCPs',
  rcp: 'the RCPs',
  resource: 'the resource-based policy',
  trust: 'the trust policy',
};

/** Why the verdict: "decided by deploy.json#0 (Sid Write)", or for an implicit deny what lacked an Allow. */
export function decidedByText(result: EvaluationResult): string {
  if (result.decidedBy.length > 0) return `decided by ${result.decidedBy.map(refLabel).join(', ')}`;
  if (result.verdict === 'implicitly-denied' && result.blockedBy) {
    const level = result.blockedBy.level !== undefined ? ` (level ${result.blockedBy.level})` : '';
    return `no Allow in ${KIND_WORDS[result.blockedBy.kind] ?? result.blockedBy.kind}${level}`;
  }
  return result.reason;
}

export function toOutcome(result: EvaluationResult, uriOf: UriOfPolicy): EvaluationOutcome {
  return {
    verdict: result.verdict,
    decidedBy: result.decidedBy.map((r) => toStatementRef(r, uriOf)),
    misses: result.statements
      .filter((s) => s.applies && !s.matched && s.mismatch)
      .map((s) => ({ ref: toStatementRef(s, uriOf), element: s.mismatch!.element, detail: s.mismatch!.message })),
    missingContextKeys: result.missingContextKeys,
    summary: `${result.verdict}: ${decidedByText(result)}`,
  };
}

/** The verdict as Markdown: decision, deciding statements, what did not match, missing context keys, notes. */
export function outcomeMarkdown(result: EvaluationResult, title: string): string {
  const lines = [`# ${title}`, '', `**${result.verdict}** — ${result.reason}`, ''];
  if (result.decidedBy.length) {
    lines.push('## Deciding statements', '');
    for (const r of result.decidedBy) lines.push(`- ${r.effect} ${refLabel(r)}, lines ${r.range.start.line + 1}-${r.range.end.line + 1}`);
    lines.push('');
  }
  const misses = result.statements.filter((s) => s.applies && !s.matched && s.mismatch);
  if (misses.length) {
    lines.push('## Statements that did not apply', '');
    for (const s of misses) lines.push(`- ${s.effect} ${refLabel(s)}: ${s.mismatch!.element}: ${s.mismatch!.message}`);
    lines.push('');
  }
  if (result.missingContextKeys.length) {
    lines.push('## Context keys that could change the verdict', '', `The request did not give ${result.missingContextKeys.map((k) => `\`${k}\``).join(', ')}; with a value the verdict may differ.`, '');
  }
  if (result.notes.length) lines.push('## Notes', '', ...result.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
