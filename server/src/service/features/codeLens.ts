// CodeLens above each statement: its access-level summary, e.g. "s3: List, Read (12 actions) · iam: Write (2)
// · ⚠ Permissions management", with the command that opens the full expanded action list. The summary itself
// comes from accessSummary.ts; this module only formats it into a one-line title and places it.

import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';
import { summarizeStatement, type AccessSummary } from './accessSummary';
import { COMMANDS } from '../../protocol';

/** services shown before "+N more": a lens is one line */
const MAX_SERVICES = 3;

export function doCodeLens(ctx: FeatureContext, doc: TextDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  // Fn::If branches are separate policy variants over the same text: one lens per statement position
  const lensed = new Set<number>();
  ctx.parsed.policies.forEach((policy, policyIndex) => {
    for (const statement of policy.statements) {
      // a statement without Action/NotAction has nothing to summarise (MISSING_ACTION reports it)
      if (!statement.action || lensed.has(statement.node.offset)) continue;
      lensed.add(statement.node.offset);
      const summary = summarizeStatement(ctx.catalog, statement);
      const start = doc.positionAt(statement.node.offset);
      lenses.push({
        range: { start, end: start },
        command: { title: codeLensTitle(summary), command: COMMANDS.showEffectiveActions, arguments: [doc.uri, policyIndex, statement.index] },
      });
    }
  });
  return lenses;
}

/** The one-line title: effect qualifier (Deny / all-except), per-service levels with counts, a risk marker. */
export function codeLensTitle(summary: AccessSummary): string {
  if (summary.actionCount === 0) {
    return summary.unmatched.length > 0 ? `No known action (${summary.unmatched.length} not in the IAM data)` : 'No known action';
  }
  const parts: string[] = [];
  const deny = summary.effect === 'Deny';
  if (summary.negated) {
    parts.push(`${deny ? 'Denies' : 'Allows'} all but the listed: ${count(summary.actionCount)} in ${summary.services.length} services`);
  } else {
    summary.services.slice(0, MAX_SERVICES).forEach((s, i) => {
      const levels = s.full ? 'Full access' : s.levels.map((l) => l.level).join(', ');
      parts.push(`${i === 0 && deny ? 'Deny ' : ''}${s.prefix}: ${levels} (${i === 0 ? count(s.granted) : s.granted})`);
    });
    if (summary.services.length > MAX_SERVICES) parts.push(`+${summary.services.length - MAX_SERVICES} more services`);
  }
  // an Allow that can change permissions is what a reviewer must look at first
  if (!deny && summary.services.some((s) => s.levels.some((l) => l.level === 'Permissions management'))) parts.push('⚠ Permissions management');
  return parts.join(' · ');
}

function count(n: number): string {
  return `${n.toLocaleString('en-US')} action${n === 1 ? '' : 's'}`;
}
