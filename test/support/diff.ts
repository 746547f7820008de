// Test helper: the permission diff of two policy texts, confirmed by the evaluator the CLI uses.

import type { IamCatalog } from '../../server/src/service/knowledge/catalog';
import { parseDocument } from '../../server/src/service/parser/parseDocument';
import type { PolicyType } from '../../server/src/service/parser/policyModel';
import { diffPolicies, type PolicyDiff } from '../../server/src/service/diff/diffPolicies';
import { engineEvaluator } from '../../server/src/service/diff/engineEvaluator';

export function diffTexts(catalog: IamCatalog, oldText: string, newText: string, policyType?: PolicyType): PolicyDiff {
  const opts = { forcePolicy: true, ...(policyType ? { policyType } : {}) };
  const a = parseDocument(oldText, { uri: 'old.json', ...opts }).policies[0];
  const b = parseDocument(newText, { uri: 'new.json', ...opts }).policies[0];
  return diffPolicies(catalog, a, b, { evaluate: engineEvaluator(catalog), ...(policyType ? { policyType } : {}) });
}
