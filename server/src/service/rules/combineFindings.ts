// One problem, one finding: findings of rules that say overlapping things (a family: the broad-access rules, the
// size limits) on the same token combine into one. The most severe, then most specific, leads; the others ride
// along in its `related` list (and are named at the end of its message) instead of stacking squiggles. Runs on
// what the enabled rules reported, so turning the leading rule off (or down) lets the next one lead. Does not
// merge findings on different tokens, findings of unrelated problems that share a token (a policy-level
// MISSING_VERSION reported on the first key beside an invalid element there), nor tagged ones.

import type { Finding, RelatedFinding, Rule, RuleCategory, Severity } from './rule';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Correctness before advice: a token that is wrong is reported as wrong, its risks follow. */
const CATEGORY_RANK: Record<RuleCategory, number> = {
  syntax: 0, grammar: 1, 'policy-type': 2, action: 3, resource: 4, principal: 5, condition: 6, security: 7, limits: 8, hygiene: 9,
};

/**
 * The broad-access rules overlap most ("s3:*" on "*" is a service wildcard, data exfiltration, permissions
 * management and unconstrained writes at once): most specific first. FULL_ADMIN says everything the others say;
 * an escalation path or credential exposure is a concrete attack, a data read next; the *_UNCONSTRAINED and
 * wildcard findings describe breadth only.
 */
const SPECIFIC_FIRST: readonly string[] = [
  'FULL_ADMIN',
  'PRIVILEGE_ESCALATION',
  'RESOURCE_POLICY_PRIVILEGE_ESCALATION',
  'CREDENTIALS_EXPOSURE',
  'DATA_EXFILTRATION',
  'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  'PERMISSIONS_MANAGEMENT_UNCONSTRAINED',
  'SENSITIVE_ACTION_WITHOUT_CONDITION',
  'SERVICE_WILDCARD',
  'WRITE_UNCONSTRAINED',
];

/** The family a code combines within, or undefined: it never combines. */
function familyOf(code: string, category: RuleCategory | undefined): string | undefined {
  if (SPECIFIC_FIRST.includes(code)) return 'broad-access';
  if (category === 'limits') return 'size';
  return undefined;
}

const rankCache = new WeakMap<readonly Rule[], Map<string, number>>();
const categoryCache = new WeakMap<readonly Rule[], Map<string, RuleCategory>>();

function categoriesOf(rules: readonly Rule[]): Map<string, RuleCategory> {
  let out = categoryCache.get(rules);
  if (!out) categoryCache.set(rules, (out = new Map(rules.map((r) => [r.code, r.category]))));
  return out;
}

/** code -> specificity rank (lower leads) for one rule list; codes not in the list rank last. */
function ranksOf(rules: readonly Rule[]): Map<string, number> {
  let ranks = rankCache.get(rules);
  if (!ranks) {
    ranks = new Map();
    for (const r of rules) {
      const listed = SPECIFIC_FIRST.indexOf(r.code);
      ranks.set(r.code, CATEGORY_RANK[r.category] * 100 + (listed >= 0 ? listed : 50));
    }
    rankCache.set(rules, ranks);
  }
  return ranks;
}

/** The order in which findings on one token compete: severity, then specificity, then code (stable). */
export function leadsBefore(a: Finding, b: Finding, ranks: ReadonlyMap<string, number>): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (ranks.get(a.code) ?? 9999) - (ranks.get(b.code) ?? 9999) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/**
 * Each set of untagged findings of one family with the same span becomes its leader, carrying the others in `related`, at the
 * place of the set's first finding. Everything else is returned as is, in order.
 */
export function combineFindings(findings: Finding[], rules: readonly Rule[]): Finding[] {
  if (findings.length < 2) return findings;
  const categories = categoriesOf(rules);
  const bySpan = new Map<string, Finding[]>();
  const keyOf = (f: Finding): string | undefined => {
    if (f.tags?.length) return undefined;
    const family = familyOf(f.code, categories.get(f.code));
    return family && `${family}:${f.span.offset}:${f.span.length}`;
  };
  let anyShared = false;
  for (const f of findings) {
    const key = keyOf(f);
    if (!key) continue;
    const group = bySpan.get(key);
    if (group) {
      group.push(f);
      anyShared = true;
    } else bySpan.set(key, [f]);
  }
  if (!anyShared) return findings;
  const ranks = ranksOf(rules);
  const out: Finding[] = [];
  for (const f of findings) {
    const key = keyOf(f);
    const group = key ? bySpan.get(key) : undefined;
    if (!group || group.length === 1) out.push(f);
    else if (group[0] === f) out.push(lead(group, ranks));
  }
  return out;
}

function lead(group: readonly Finding[], ranks: ReadonlyMap<string, number>): Finding {
  const [leader, ...others] = [...group].sort((a, b) => leadsBefore(a, b, ranks)) as [Finding, ...Finding[]];
  const related: RelatedFinding[] = others.map((o) => (o.data ? { code: o.code, message: o.message, severity: o.severity, data: o.data } : { code: o.code, message: o.message, severity: o.severity }));
  const codes = [...new Set(others.map((o) => o.code))];
  return { ...leader, message: `${leader.message} (Also: ${codes.join(', ')}.)`, related };
}
