// The diff's own one-policy evaluator as a WitnessEvaluator: used where no evaluation engine is injected (unit
// tests of the search, and as the reference the engine is compared with in test/unit/diff). It evaluates one
// policy alone (no SCP levels, no cross-account rules); the CLI and the editor confirm with the engine instead.

import type { IamCatalog } from '../knowledge/catalog';
import type { PolicyDocument } from '../parser/policyModel';
import { implicitRcpAllow, normalizePolicy, type NormalPolicy } from './atoms';
import { decide } from './search';
import type { WitnessEvaluator } from './diffPolicies';
import type { Context } from './conditions';
import { framingFor, withDerived } from './framing';

export function localEvaluator(catalog: IamCatalog): WitnessEvaluator {
  const cache = new WeakMap<PolicyDocument, { type: string; normal: NormalPolicy }>();
  return (policy, type, request) => {
    if (!policy) return type === 'rcp' ? 'allowed' : 'implicitly-denied';
    let hit = cache.get(policy);
    if (!hit || hit.type !== type) {
      const n = normalizePolicy(catalog, policy, type);
      // RCPs deny on top of the implied RCPFullAWSAccess
      cache.set(policy, (hit = { type, normal: type === 'rcp' ? { ...n, statements: [implicitRcpAllow(catalog), ...n.statements] } : n }));
    }
    const normal = hit.normal;
    const key = request.action.toLowerCase();
    const atoms = normal.statements.filter((s) => s.actions.some((a) => a.key === key)).flatMap((s) => s.atoms);
    const context: Context = new Map(Object.entries(request.context).map(([k, v]) => [k.toLowerCase(), { key: k, values: Array.isArray(v) ? v : [v] }]));
    const principal = request.principal !== undefined ? { type: request.principalType ?? 'AWS', value: request.principal } : undefined;
    return decide(atoms, { resource: request.resource, principal, context: withDerived(context, framingFor(type, principal)), explicit: context });
  };
}
