// Policy generation from CloudTrail records (pure): feed parsed records to a GenerateAggregator, then
// `generateResult` builds the policy documents and the report. Reading files lives in the CLI/server layer.

import type { IamCatalog } from '../knowledge/catalog';
import type { GenerateAggregator } from './aggregate';
import { buildPolicies, type BuildOptions, type BuiltPolicies } from './buildPolicy';
import { buildReport, type GenerateReport } from './report';

export { GenerateAggregator, type GenerateFilter } from './aggregate';
export { mapEvent, type EventMapping } from './actionMapping';
export { serviceForEventSource, EVENT_SOURCE_EXCEPTIONS } from './eventSource';
export { EVENT_MISMATCHES } from './eventMismatches';
export { buildPolicies, minimizeActions, policySize, MANAGED_POLICY_LIMIT, type PolicyDocument } from './buildPolicy';
export { PrincipalFilter, parsePrincipalArn } from './principals';
export { reportMarkdown, unusedGrants, type GenerateReport } from './report';

export interface GenerateResult extends BuiltPolicies {
  readonly report: GenerateReport;
}

export function generateResult(catalog: IamCatalog, agg: GenerateAggregator, options: BuildOptions & { compare?: unknown } = {}): GenerateResult {
  agg.applyKnownPaths();
  agg.dropCoveredResources();
  const built = buildPolicies(catalog, agg.usage.values(), options);
  return { ...built, report: buildReport(catalog, agg, built, options.compare) };
}
