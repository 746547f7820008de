// Set operations on catalog actions for fixes and refactorings: narrowing a set by access level and
// collapsing a set into the fewest prefix wildcards that match exactly that set in the bundled catalog.

import type { ActionInfo, IamCatalog } from '../knowledge/catalog';
import { AccessLevel } from '../knowledge/accessLevel';

/** Actions whose every access-level bit is in `allowedMask` (combined levels must be wholly allowed). */
export function filterByLevels(actions: Iterable<ActionInfo>, allowedMask: number): ActionInfo[] {
  const out: ActionInfo[] = [];
  for (const a of actions) if ((a.accessLevel & ~allowedMask) === 0) out.push(a);
  return out;
}

export const READ_ONLY_MASK = AccessLevel.List | AccessLevel.Read;
export const NO_PERMISSIONS_MANAGEMENT_MASK = AccessLevel.List | AccessLevel.Read | AccessLevel.Write | AccessLevel.Tagging;

/** Sorted canonical names ("s3:GetObject"), de-duplicated. */
export function actionNames(actions: Iterable<ActionInfo>): string[] {
  return [...new Set([...actions].map((a) => a.fullName))].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

/**
 * The fewest patterns of the form `svc:*`, `svc:Prefix*` or `svc:ExactName` that match exactly `actions`
 * within the catalog. Prefix patterns nest, so taking each action's shortest prefix whose matches all lie
 * in the set gives the minimal cover among prefix patterns; it never matches an action outside the set.
 *
 * The shortest such prefix comes from the service's sorted names in one pass: the actions a prefix of the name
 * matches are a run around it, and the run holds an action outside the set exactly when the prefix is no longer
 * than the name's common prefix with the nearest outside action on either side (common prefixes only shrink
 * with distance in sorted order). Trying each length with a range lookup cost ~50 ms of a corpus run's fix titles;
 * test/unit/fixes/collapseToWildcards.test.ts keeps that version as the reference it compares with.
 */
export function collapseToWildcards(catalog: IamCatalog, actions: Iterable<ActionInfo>): string[] {
  const patterns: string[] = [];
  for (const [prefix, set] of byServiceSorted(actions)) {
    const all = catalog.getService(prefix)!.actions;
    if (set.size === all.length) {
      patterns.push(`${prefix}:*`);
      continue;
    }
    const lowers = all.map((a) => a.name.toLowerCase());
    // for each action of the set: its common prefix length with the nearest action outside the set, left and right
    const outside = new Int32Array(all.length);
    for (let i = 0, last = -1; i < all.length; i++) {
      if (!set.has(all[i]!)) last = i;
      else outside[i] = last < 0 ? 0 : commonPrefixLength(lowers[i]!, lowers[last]!);
    }
    for (let i = all.length - 1, last = -1; i >= 0; i--) {
      if (!set.has(all[i]!)) last = i;
      else if (last >= 0) outside[i] = Math.max(outside[i]!, commonPrefixLength(lowers[i]!, lowers[last]!));
    }
    const chosen: string[] = [];
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      if (!set.has(a)) continue;
      const lower = lowers[i]!;
      if (chosen.some((p) => (p.endsWith('*') ? lower.startsWith(p.slice(0, -1).toLowerCase()) : p.toLowerCase() === lower))) continue;
      const len = outside[i]! + 1;
      if (len > a.name.length) chosen.push(a.name);
      // a prefix that is the whole name and matches only this action reads better without the star
      else if (len === a.name.length && !(i + 1 < all.length && lowers[i + 1]!.startsWith(lower))) chosen.push(a.name);
      else chosen.push(`${a.name.slice(0, len)}*`);
    }
    patterns.push(...chosen.map((p) => `${prefix}:${p}`));
  }
  return patterns;
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** the actions grouped by service, services in prefix order */
function byServiceSorted(actions: Iterable<ActionInfo>): Array<[string, Set<ActionInfo>]> {
  const byService = new Map<string, Set<ActionInfo>>();
  for (const a of actions) {
    let set = byService.get(a.service.prefix);
    if (!set) byService.set(a.service.prefix, (set = new Set()));
    set.add(a);
  }
  return [...byService.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}
