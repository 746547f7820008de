// --compare per resource: for each action the logs used, the Resource entries of the compared policy's Allow
// statements that no logged call of that action fell under (a grant on "arn:aws:s3:::*" when only
// "arn:aws:s3:::app-bucket" was used, a second bucket never touched). Actions never used at all are
// report.unusedGrants (report.ts). Conservative: an entry is reported only when it is certain that no call used
// it; a Resource with a policy variable, or a call whose resource the logs left as a placeholder or generalised
// with a wildcard, counts as possibly used. Conditions are not evaluated (a conditional grant is compared by
// its action and resource alone). NotAction/NotResource statements are skipped, as in unusedGrants.
// Matching follows the Resource element rules (evaluation/matchers.ts):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html

import type { IamCatalog } from '../knowledge/catalog';
import { arnTokensMatch } from '../evaluation/matchers';
import { toTokens } from '../evaluation/variables';
import type { RequestContext } from '../evaluation/context';
import type { ActionUsage } from './aggregate';

export interface UnusedResourceGrant {
  readonly action: string;
  /** the compared policy's Resource entry, as written */
  readonly resource: string;
}

/** at most this many entries are listed (a wildcard policy against a busy log would list thousands) */
export const MAX_UNUSED_RESOURCE_GRANTS = 5000;

// Resource patterns here never hold variables (those count as possibly used), so the request context that
// variable substitution reads is never consulted
const NO_CONTEXT = { peek: () => undefined } as unknown as RequestContext;

function patternMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const { tokens } = toTokens(pattern, { wildcards: true, fold: false, variables: false }, NO_CONTEXT);
  return tokens !== null && arnTokensMatch(tokens, arn);
}

/** Whether some logged call of the action could have used the grant on `pattern`. */
function possiblyUsed(pattern: string, resources: ReadonlySet<string>, placeholder: boolean, generalised: boolean): boolean {
  if (pattern.includes('${') || placeholder) return true;
  for (const r of resources) {
    // "*" is the resource of an action without resource types: only a "*" grant (IAM needs "*" there) matches
    if (r === '*') {
      if (pattern === '*') return true;
      continue;
    }
    // a generalised ARN ("bucket/logs/*") stands for resources the report no longer names
    if (generalised && (r.includes('*') || r.includes('?'))) return true;
    if (patternMatches(pattern, r)) return true;
  }
  return false;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

export function unusedResourceGrants(catalog: IamCatalog, policy: unknown, usage: ReadonlyMap<string, ActionUsage>): UnusedResourceGrant[] {
  const statements = (policy as { Statement?: unknown })?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const usedByLower = new Map<string, ActionUsage>();
  for (const u of usage.values()) usedByLower.set(u.action.toLowerCase(), u);
  const out = new Map<string, UnusedResourceGrant>();
  for (const s of list) {
    if (typeof s !== 'object' || s === null || out.size >= MAX_UNUSED_RESOURCE_GRANTS) continue;
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Allow' || st['Resource'] === undefined) continue;
    const patterns = strings(st['Resource']);
    for (const actionPattern of strings(st['Action'])) {
      for (const a of catalog.expandActions(actionPattern)) {
        const u = usedByLower.get(a.fullName.toLowerCase());
        if (!u) continue;
        for (const pattern of patterns) {
          const key = `${u.action}\n${pattern}`;
          if (out.has(key) || possiblyUsed(pattern, u.resources, u.placeholder, u.generalised)) continue;
          out.set(key, { action: u.action, resource: pattern });
          if (out.size >= MAX_UNUSED_RESOURCE_GRANTS) break;
        }
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}
