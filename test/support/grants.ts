// Test helper: what a policy text grants and denies, as sets of catalog action names (wildcards and
// NotAction expanded against the bundled catalog). Used by the "fixes never widen" property test.

import { parseTree } from 'jsonc-parser';
import { testCatalog } from './catalog';
import { buildPolicy } from '../../server/src/service/parser/buildPolicy';
import { expandStatementActions } from '../../server/src/service/knowledge/statementActions';

export interface Grants {
  readonly allowed: ReadonlySet<string>;
  readonly denied: ReadonlySet<string>;
}

/**
 * What a policy grants depends only on its statements' Effect and Action/NotAction lists: the same lists give the
 * same (shared, never mutated) answer, so a fix that edits a Resource, a Condition or a Sid costs a parse, not a
 * 17,000-action expansion of every "*" (the property test applies thousands of fixes).
 */
const bySignature = new Map<string, Grants>();

export function grantsOf(text: string): Grants {
  const root = parseTree(text);
  if (!root || root.type !== 'object') return { allowed: new Set(), denied: new Set() };
  const policy = buildPolicy(root, { policyType: 'identity', policyTypeSource: 'setting' });
  const signature = policy.statements
    .map((s) => `${s.effect?.value ?? ''}\u0001${s.action ? `${s.action.negated ? '!' : ''}${s.action.items.map((i) => i.value).join('\u0000')}` : ''}`)
    .join('\u0002');
  const known = bySignature.get(signature);
  if (known) return known;
  const allowed = new Set<string>();
  const denied = new Set<string>();
  for (const s of policy.statements) {
    const target = s.effect?.value === 'Allow' ? allowed : s.effect?.value === 'Deny' ? denied : undefined;
    if (!target) continue;
    for (const a of expandStatementActions(testCatalog(), s).actions) target.add(a.fullName);
  }
  if (bySignature.size >= 2000) bySignature.clear();
  const grants = { allowed, denied };
  bySignature.set(signature, grants);
  return grants;
}
