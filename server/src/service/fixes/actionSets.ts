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
 */
export function collapseToWildcards(catalog: IamCatalog, actions: Iterable<ActionInfo>): string[] {
  const byService = new Map<string, Set<ActionInfo>>();
  for (const a of actions) {
    let set = byService.get(a.service.prefix);
    if (!set) byService.set(a.service.prefix, (set = new Set()));
    set.add(a);
  }
  const patterns: string[] = [];
  for (const [prefix, set] of [...byService.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const service = catalog.getService(prefix)!;
    if (set.size === service.actions.length) {
      patterns.push(`${prefix}:*`);
      continue;
    }
    const chosen: string[] = [];
    for (const a of [...set].sort((x, y) => (x.name.toLowerCase() < y.name.toLowerCase() ? -1 : 1))) {
      const lower = a.name.toLowerCase();
      if (chosen.some((p) => (p.endsWith('*') ? lower.startsWith(p.slice(0, -1).toLowerCase()) : p.toLowerCase() === lower))) continue;
      let pattern = a.name;
      for (let len = 1; len <= a.name.length; len++) {
        const matches = catalog.actionsWithPrefix(prefix, lower.slice(0, len));
        if (matches.every((m) => set.has(m))) {
          // a prefix that is the whole name and matches only this action reads better without the star
          pattern = len === a.name.length && matches.length === 1 ? a.name : `${a.name.slice(0, len)}*`;
          break;
        }
      }
      chosen.push(pattern);
    }
    patterns.push(...chosen.map((p) => `${prefix}:${p}`));
  }
  return patterns;
}
