// "Simulate request" on one open policy: places the policy in a policy set (placement.ts), fills the request's
// defaults (principal, resource), evaluates it with the engine and returns the verdict with the deciding
// statements located in the document, plus a Markdown report. The caller parses and picks the policy.

import type { IamCatalog } from '../../knowledge/catalog';
import type { PolicyDocument } from '../../parser/policyModel';
import { evaluate } from '../../evaluation/evaluate';
import type { ContextValue } from '../../evaluation/types';
import type { SimulateParams, SimulateResult } from '../../../evaluationProtocol';
import { outcomeMarkdown, toOutcome } from './outcome';
import { ALLOW_ALL_NAME, FULL_AWS_ACCESS_NAME, placeAlone } from './placement';

export const DEFAULT_PRINCIPAL = 'arn:aws:iam::111122223333:role/SimulatedRole';

export function simulateOnPolicy(params: SimulateParams, name: string, text: string, policy: PolicyDocument, catalog: IamCatalog): SimulateResult {
  const placement = placeAlone(name, text, policy);
  const principal = params.principal?.trim() || defaultPrincipal(policy);
  const resource = params.resource?.trim() || '*';
  const context: Record<string, ContextValue> = {};
  for (const [k, v] of Object.entries(params.context ?? {})) context[k] = typeof v === 'string' ? v : [...v];
  const result = evaluate(placement.set, { principal, action: params.action.trim(), resource, context }, { catalog });
  const uriOf = (policyName: string) => (policyName === ALLOW_ALL_NAME || policyName === FULL_AWS_ACCESS_NAME ? '' : params.uri);
  const outcome = toOutcome(result, uriOf);
  const request = { action: params.action.trim(), resource, principal, context: params.context ?? {} };
  const contextLines = Object.entries(request.context).map(([k, v]) => `- \`${k}\` = ${typeof v === 'string' ? `\`${v}\`` : `[${v.map((x) => `\`${x}\``).join(', ')}]`}`);
  const markdown = [
    outcomeMarkdown(result, `Simulated request: ${request.action}`),
    '## Request',
    '',
    `- Principal: \`${principal}\``,
    `- Action: \`${request.action}\``,
    `- Resource: \`${resource}\``,
    ...(contextLines.length ? ['- Context:', ...contextLines.map((l) => `  ${l}`)] : ['- Context: none (every condition key is absent)']),
    '',
    `Evaluated with ${placement.setting}.`,
  ].join('\n');
  return { ...outcome, decidedBy: outcome.decidedBy.filter((r) => r.uri !== ''), misses: outcome.misses.filter((m) => m.ref.uri !== ''), request, setting: placement.setting, markdown };
}

/** A resource or trust policy's first named principal; otherwise a role in the example account. */
function defaultPrincipal(policy: PolicyDocument): string {
  if (policy.policyType === 'resource' || policy.policyType === 'trust') {
    for (const st of policy.statements) for (const e of st.principal?.entries ?? []) for (const v of e.values) if (v.value !== '*') return v.value;
  }
  return DEFAULT_PRINCIPAL;
}
