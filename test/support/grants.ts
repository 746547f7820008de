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

export function grantsOf(text: string): Grants {
  const root = parseTree(text);
  const allowed = new Set<string>();
  const denied = new Set<string>();
  if (!root || root.type !== 'object') return { allowed, denied };
  const policy = buildPolicy(root, { policyType: 'identity', policyTypeSource: 'setting' });
  for (const s of policy.statements) {
    const target = s.effect?.value === 'Allow' ? allowed : s.effect?.value === 'Deny' ? denied : undefined;
    if (!target) continue;
    for (const a of expandStatementActions(testCatalog(), s).actions) target.add(a.fullName);
  }
  return { allowed, denied };
}
