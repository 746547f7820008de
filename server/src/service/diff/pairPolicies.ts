// Pairs the policies of two versions of one file: a plain policy file holds one policy (paired whatever its
// label); CloudFormation and Terraform files are paired by logical name / address (the parser's label), the
// n-th policy of a label with the n-th one. A policy on one side only was added or deleted.

import type { PolicyDocument } from '../parser/policyModel';

export interface PolicyPair {
  readonly label: string;
  readonly old: PolicyDocument | undefined;
  readonly new: PolicyDocument | undefined;
}

export function pairPolicies(oldPolicies: readonly PolicyDocument[], newPolicies: readonly PolicyDocument[]): PolicyPair[] {
  if (oldPolicies.length <= 1 && newPolicies.length <= 1 && (oldPolicies[0]?.label ?? '') === '' && (newPolicies[0]?.label ?? '') === '') {
    if (oldPolicies.length === 0 && newPolicies.length === 0) return [];
    return [{ label: '', old: oldPolicies[0], new: newPolicies[0] }];
  }
  const keyed = (list: readonly PolicyDocument[]): Map<string, PolicyDocument> => {
    const counts = new Map<string, number>();
    const out = new Map<string, PolicyDocument>();
    for (const p of list) {
      const n = counts.get(p.label) ?? 0;
      counts.set(p.label, n + 1);
      out.set(n === 0 ? p.label : `${p.label}#${n + 1}`, p);
    }
    return out;
  };
  const olds = keyed(oldPolicies);
  const news = keyed(newPolicies);
  const pairs: PolicyPair[] = [];
  for (const [label, p] of news) pairs.push({ label, old: olds.get(label), new: p });
  for (const [label, p] of olds) if (!news.has(label)) pairs.push({ label, old: p, new: undefined });
  return pairs;
}
