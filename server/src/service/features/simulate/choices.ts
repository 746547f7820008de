// What "Simulate request" offers to pick for one policy: the catalog actions its statements name (wildcards
// expanded; NotAction statements offer the actions they list), the Resource patterns that apply to each action,
// the principals it names, and the condition keys its statements test with the values they compare against.

import type { IamCatalog } from '../../knowledge/catalog';
import { expandPattern } from '../../knowledge/statementActions';
import type { PolicyDocument } from '../../parser/policyModel';
import type { SimulationChoices, SimulationContextKey } from '../../../evaluationProtocol';

const ACTION_CAP = 2000;

export function simulationChoices(uri: string, policy: PolicyDocument, catalog: IamCatalog): SimulationChoices {
  const actions = new Map<string, string>();
  let truncated = false;
  const resourcesByAction: Record<string, string[]> = {};
  const principals = new Set<string>();
  const keys = new Map<string, { key: string; operators: Set<string>; values: Set<string>; actions: Set<string> }>();
  for (const st of policy.statements) {
    const stActions: string[] = [];
    for (const item of st.action?.items ?? []) {
      const expanded = expandPattern(catalog, item.value);
      if (expanded.length === 0 && /^[\w-]+:[\w]+$/.test(item.value)) stActions.push(item.value);
      for (const a of expanded) {
        if (actions.size >= ACTION_CAP && !actions.has(a.fullName.toLowerCase())) {
          truncated = true;
          break;
        }
        stActions.push(a.fullName);
      }
    }
    for (const a of stActions) actions.set(a.toLowerCase(), a);
    const resources = st.resource && !st.resource.negated ? st.resource.items.map((i) => i.value) : [];
    for (const a of stActions) {
      const list = (resourcesByAction[a.toLowerCase()] ??= []);
      for (const r of resources) if (!list.includes(r)) list.push(r);
    }
    if (st.principal?.wildcard) principals.add('*');
    for (const e of st.principal?.entries ?? []) for (const v of e.values) principals.add(v.value);
    for (const block of st.condition?.operators ?? []) {
      for (const entry of block.entries) {
        const lower = entry.key.value.toLowerCase();
        let k = keys.get(lower);
        if (!k) keys.set(lower, (k = { key: entry.key.value, operators: new Set(), values: new Set(), actions: new Set() }));
        k.operators.add(block.operator.value);
        for (const v of entry.values) if (v.value !== null) k.values.add(String(v.value));
        for (const a of stActions) k.actions.add(a.toLowerCase());
      }
    }
  }
  const contextKeys: SimulationContextKey[] = [...keys.values()].map((k) => ({ key: k.key, operators: [...k.operators], values: [...k.values], actions: [...k.actions] }));
  return {
    uri,
    policyType: policy.policyType,
    actions: [...actions.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    actionsTruncated: truncated,
    resourcesByAction,
    principals: [...principals],
    contextKeys,
  };
}
