// Shared logic of the MISSING_* rules: finds the schema's "missing" problems for one element, keeps quiet
// where a syntax error may hide the element or where a mis-spelled key already explains it.

import type { PolicyContext } from '../rule';
import type { Span } from '../../parser/policyModel';
import { closestMatch } from '../../knowledge/suggest';
import { grammarProblems, type GrammarProblem, type JsonPath } from './grammarProblems';
import { brokenBySyntax, missingAnchor } from './grammarSpans';

type Missing = Extract<GrammarProblem, { kind: 'missing' }>;

/** Calls `report` for each object that lacks `element` (or its alternatives) and is not excused. */
export function forEachMissing(ctx: PolicyContext, element: string, report: (p: Missing) => void): void {
  const problems = grammarProblems(ctx.policy);
  for (const p of problems) {
    if (p.kind !== 'missing' || p.element !== element) continue;
    if (brokenBySyntax(ctx, p.object)) continue;
    // `"action": ...` already gets INVALID_POLICY_ELEMENT with a "Did you mean" fix: one finding is enough
    const misspelled = problems.some(
      (u) => u.kind === 'unknown-element' && samePath(u.path.slice(0, -1), p.path) && closestMatch(u.key, p.alternatives) !== undefined,
    );
    if (misspelled) continue;
    report(p);
  }
}

export function anchorOf(p: Missing): Span {
  return missingAnchor(p.object);
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
