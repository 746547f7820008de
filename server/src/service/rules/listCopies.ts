// Shared by REDUNDANT_ACTION and REDUNDANT_RESOURCE: for each entry of a list, the index of its first earlier
// copy. Says nothing about wildcards (each rule decides what covers what); only equal entries count here.

import type { Located } from '../parser/policyModel';

/** Past this length a map of keys beats comparing pairs. */
const PAIRWISE_LIMIT = 32;

/**
 * For each entry, the index of the first earlier entry equal to it, or -1. `same` and `keyOf` must agree
 * (same(a, b) exactly when keyOf(a) === keyOf(b)): short lists compare pairs, allocating nothing per entry;
 * long lists go through a map of keys.
 */
export function firstCopies(items: readonly Located<string>[], same: (a: string, b: string) => boolean, keyOf: (value: string) => string): number[] {
  if (items.length <= PAIRWISE_LIMIT) {
    return items.map((item, i) => {
      for (let j = 0; j < i; j++) if (same(items[j]!.value, item.value)) return j;
      return -1;
    });
  }
  const first = new Map<string, number>();
  return items.map((item, index) => {
    const key = keyOf(item.value);
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, index);
      return -1;
    }
    return at;
  });
}
