// A bounded memo keyed by strings taken from documents (action names, ARNs, condition keys) for answers that
// depend on nothing else. It keeps a detached copy of each key (util/detach.ts), so no entry keeps a document
// text alive, and it empties itself when full, a cheap bound on its memory. It computes nothing itself.

import { detach } from './detach';

export class StringMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  /**
   * The answer for `key`, computed by `compute` on the first call. `compute` is given the detached copy of the
   * key, so whatever it cuts from it is detached too; `arg` lets hot callers pass a module-level function
   * instead of allocating a closure per call. Undefined answers are remembered like any other.
   */
  get<A>(key: string, arg: A, compute: (key: string, arg: A) => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as V;
    const own = detach(key);
    const value = compute(own, arg);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(own, value);
    return value;
  }
}
