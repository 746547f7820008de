// Bounded resource sets per action that do not depend on the order records arrive in. Past
// MAX_RESOURCES_PER_ACTION distinct ARNs, every ARN of the action is cut back one segment to its parent with a
// trailing wildcard ("arn:aws:s3:::bucket/logs/a.json" -> "arn:aws:s3:::bucket/logs/*"), as many levels as it
// takes: the set an action ends with is its ARNs cut back the fewest levels that keep it within the bound,
// whatever the order, which --jobs N (one set per worker, merged) needs. Widening the policy beyond what was
// observed is marked on the usage (`generalised`) and reported.

/** distinct resources kept per action before they are generalised */
export const MAX_RESOURCES_PER_ACTION = 200;

/** What an action's usage keeps of its resources. */
export interface LevelledResources {
  readonly resources: Set<string>;
  /** how many segments every ARN in `resources` was cut back */
  level: number;
  generalised: boolean;
}

/** Index of the n-th ":" (1-based), or -1. */
function nthColon(s: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf(':', i + 1);
    if (i < 0) return -1;
  }
  return i;
}

/** The ARN without a trailing "/*" or ":*" (the path a wildcard entry stands for). */
function withoutWildcard(arn: string): string {
  return arn.endsWith('/*') || arn.endsWith(':*') ? arn.slice(0, -2) : arn;
}

/** One level up: the parent of the resource part with a trailing "*"; the ARN itself when it has none. */
export function parentWildcard(arn: string): string {
  const body = withoutWildcard(arn);
  const colon5 = nthColon(body, 5);
  const cut = Math.max(body.lastIndexOf('/'), body.lastIndexOf(':'));
  return colon5 > 0 && cut > colon5 ? `${body.slice(0, cut + 1)}*` : arn;
}

/** The ARN cut back `levels` segments (fewer when it has fewer). */
export function cutBack(arn: string, levels: number): string {
  let out = arn;
  for (let k = 0; k < levels; k++) {
    const up = parentWildcard(out);
    if (up === out) break;
    out = up;
  }
  return out;
}

/** Adds an ARN given at level `from` (0: as observed), cutting the set back while it is over the bound. */
export function addResource(u: LevelledResources, arn: string, from = 0): void {
  u.resources.add(u.level > from ? cutBack(arn, u.level - from) : arn);
  while (u.resources.size > MAX_RESOURCES_PER_ACTION && raiseLevel(u));
}

/** Cuts every ARN of the set back one more level; false when none can be (ARNs without a path). */
function raiseLevel(u: LevelledResources): boolean {
  const next = new Set<string>();
  let changed = false;
  for (const arn of u.resources) {
    const up = parentWildcard(arn);
    if (up !== arn) changed = true;
    next.add(up);
  }
  if (!changed) return false;
  u.resources.clear();
  for (const a of next) u.resources.add(a);
  u.level++;
  u.generalised = true;
  return true;
}

/** Unites another set of the same action into `u` (both cut back to the higher level). */
export function mergeResources(u: LevelledResources, other: { readonly resources: Iterable<string>; readonly level: number; readonly generalised: boolean }): void {
  if (other.level > u.level) {
    const arns = [...u.resources];
    u.resources.clear();
    for (const a of arns) u.resources.add(cutBack(a, other.level - u.level));
    u.level = other.level;
  }
  u.generalised ||= other.generalised;
  // (cutting u's own set back only shrank it: addResource keeps the bound from here on)
  for (const arn of other.resources) addResource(u, arn, other.level);
}

/**
 * The set without the entries a wildcard entry of it already covers ("bucket/a/*" under "bucket/*"), which
 * ARNs of different depths leave after cutting back. For the policy and the report only.
 */
export function withoutCovered(set: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const arn of set) {
    // a wildcard is looked up by its parent's prefixes, so that it does not cover itself
    const own = withoutWildcard(arn);
    const colon5 = nthColon(own, 5);
    let covered = false;
    if (colon5 > 0) {
      for (let i = own.length - 1; i > colon5 && !covered; i--) {
        const c = own.charCodeAt(i);
        if ((c === 0x2f || c === 0x3a) && set.has(`${own.slice(0, i + 1)}*`)) covered = true;
      }
    }
    if (!covered) out.push(arn);
  }
  return out;
}
