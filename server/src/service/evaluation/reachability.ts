// Reachability questions the rules ask the engine about one policy on its own, e.g. "does an unconditional
// Deny in this policy already block this action on every resource?". Sound for suppressing warnings: it only
// answers yes when the Deny has no Condition, names every resource ("*"), applies to every caller (no Principal,
// or Principal "*" in a resource policy) and its Action/NotAction matches the
// action by the engine's own matching (case-insensitive wildcards, NotAction), so the Allow can never take effect
// (an explicit Deny overrides any Allow: reference_policies_evaluation-logic_policy-eval-denyallow.html).

import type { PolicyDocument, Statement } from '../parser/policyModel';
import { RequestContext } from './context';
import { parseCaller } from './principal';
import { matchStatement } from './statementMatch';

export interface UnconditionalDenies {
  /** the Deny statement that blocks `action` (a full action name) on every resource, if any */
  blocking(action: string): Statement | undefined;
}

const NOBODY = parseCaller('anonymous');

/** A resource-policy Deny to `"*"` or `{"AWS": "*"}` applies to every caller (identity policies have no Principal). */
function denyAppliesToEveryone(s: Statement): boolean {
  const p = s.principal!;
  if (p.negated) return false;
  if (p.wildcard) return p.wildcard.value === '*';
  return p.entries.some((e) => e.type.value === 'AWS' && e.values.some((v) => v.value === '*'));
}

/** undefined when the policy has no Deny that could block anything everywhere (the common case: no cost). */
export function unconditionalDenies(policy: PolicyDocument): UnconditionalDenies | undefined {
  const candidates = policy.statements.filter(
    (s) =>
      s.effect?.value === 'Deny' &&
      (!s.principal || denyAppliesToEveryone(s)) &&
      !(s.condition && s.condition.operators.some((o) => o.entries.length > 0 || o.valueNode?.type !== 'object')) &&
      s.resource !== undefined &&
      !s.resource.negated &&
      s.resource.items.some((i) => i.value === '*'),
  );
  if (candidates.length === 0) return undefined;
  const ctx = new RequestContext(undefined, NOBODY, undefined);
  return {
    blocking(action) {
      for (const s of candidates) {
        const m = matchStatement(s, { action, resource: '*', caller: NOBODY, ctx, variables: false, checkPrincipal: false });
        if (m.matched) return s;
      }
      return undefined;
    },
  };
}
