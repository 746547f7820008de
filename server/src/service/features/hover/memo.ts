// A bounded per-catalog memo for hover texts that are costly to build (wildcards over thousands of actions,
// key support across a statement's actions): hover must answer in well under a millisecond on repeat.

import type { IamCatalog } from '../../knowledge/catalog';
import { detach } from '../../util/detach';
import { StringMemo } from '../../util/stringMemo';
import { perCatalog } from '../../knowledge/perCatalog';

const MAX_ENTRIES = 2000;

export function memoByCatalog<T>(): (catalog: IamCatalog, key: string, build: () => T) => T {
  const cacheOf = perCatalog(() => new StringMemo<T>(MAX_ENTRIES));
  return (catalog, key, build) => cacheOf(catalog).get(key, build, buildDetached);
}

/** A string value may embed text cut from the document (a hovered pattern): it is copied like the key. */
function buildDetached<T>(_key: string, build: () => T): T {
  const built = build();
  return (typeof built === 'string' ? detach(built) : built) as T;
}
