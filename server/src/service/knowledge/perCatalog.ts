// One value per catalog (a memo table, an index), created on first use and kept while the catalog lives.
// Hot helpers look theirs up on every call: the previous call's catalog is remembered, so the usual case (one
// catalog per process) costs one comparison instead of a WeakMap lookup. It computes nothing itself.

import type { IamCatalog } from './catalog';

export function perCatalog<T>(create: (catalog: IamCatalog) => T): (catalog: IamCatalog) => T {
  const values = new WeakMap<IamCatalog, T>();
  // holds the last catalog strongly; a process replaces its catalog rarely, if ever
  let lastCatalog: IamCatalog | undefined;
  let lastValue: T | undefined;
  return (catalog) => {
    if (catalog === lastCatalog) return lastValue as T;
    let value = values.get(catalog);
    if (value === undefined) values.set(catalog, (value = create(catalog)));
    lastCatalog = catalog;
    lastValue = value;
    return value;
  };
}
