// A bounded per-catalog memo for hover texts that are costly to build (wildcards over thousands of actions,
// key support across a statement's actions): hover must answer in well under a millisecond on repeat.

import type { IamCatalog } from '../../knowledge/catalog';
import { detach } from '../../util/detach';

const MAX_ENTRIES = 2000;

export function memoByCatalog<T>(): (catalog: IamCatalog, key: string, build: () => T) => T {
  const caches = new WeakMap<IamCatalog, Map<string, T>>();
  return (catalog, key, build) => {
    let cache = caches.get(catalog);
    if (!cache) caches.set(catalog, (cache = new Map()));
    if (cache.has(key)) return cache.get(key) as T;
    const built = build();
    // a string value may embed text cut from the document (a hovered pattern): copy it like the key
    const value = (typeof built === 'string' ? detach(built) : built) as T;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(detach(key), value);
    return value;
  };
}
