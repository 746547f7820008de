// CodeLens above each statement: its access-level summary, leading with Permissions management and Write, e.g.
// "⚠ Permissions management (2: iam) · Write (5: iam, s3) · Read, List · 2 services · 9 actions", with the
// command that opens the full expanded action list. The summary itself
// comes from accessSummary.ts; this module only formats it into a one-line title and places it.

import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';
import { summarizeStatement, type AccessSummary } from './accessSummary';
import { COMMANDS } from '../../protocol';

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

/** Levels in the order a reviewer needs them: what changes permissions, what changes things, then the rest. */
const LEVEL_ORDER = ['Permissions management', 'Write', 'Tagging', 'Read', 'List'] as const;
/** A level's services are named up to this many; above, they are counted. */
const NAMED_SERVICES = 3;

/**
 * The one-line title, leading with what matters: Permissions management and Write with their counts and
 * services, then the other levels, then how many services and actions, e.g.
 * "⚠ Permissions management (2: iam) · Write (5: iam, s3) · List, Read · 2 services · 9 actions".
 */
export function codeLensTitle(summary: AccessSummary): string {
  if (summary.actionCount === 0) {
    return summary.unmatched.length > 0 ? `No known action (${summary.unmatched.length} not in the IAM data)` : 'No known action';
  }
  const deny = summary.effect === 'Deny';
  const parts: string[] = [];
  if (deny) parts.push('Deny');
  if (summary.negated) parts.push(`${deny ? 'all' : 'All'} but the listed`);
  const rest: string[] = [];
  for (const level of LEVEL_ORDER) {
    let n = 0;
    const services: string[] = [];
    for (const s of summary.services) {
      const l = s.levels.find((x) => x.level === level);
      if (!l || l.granted === 0) continue;
      n += l.granted;
      services.push(s.prefix);
    }
    if (n === 0) continue;
    if (level === 'Permissions management' || level === 'Write') {
      const where = services.length <= NAMED_SERVICES ? services.join(', ') : `in ${services.length.toLocaleString('en-US')} services`;
      // an Allow that can change permissions is what a reviewer must look at first
      parts.push(`${level === 'Permissions management' && !deny ? '⚠ ' : ''}${level} (${n.toLocaleString('en-US')}${services.length <= NAMED_SERVICES ? ': ' : ' '}${where})`);
    } else rest.push(level);
  }
  if (rest.length) parts.push(rest.join(', '));
  const count = summary.services.length;
  parts.push(count === 1 ? summary.services[0]!.prefix : `${count.toLocaleString('en-US')} services`);
  parts.push(`${summary.actionCount.toLocaleString('en-US')} action${summary.actionCount === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
