// After start-up, builds the catalog's lazily built service indexes one service per event-loop turn, so the
// first large document (ReadOnlyAccess names every service) does not pay for them, and requests that arrive
// meanwhile wait at most one service's build (well under a millisecond). Does nothing else.

import type { IamCatalog } from '../service';

export function warmUpCatalogWhenIdle(catalog: IamCatalog): void {
  const step = (): void => {
    if (catalog.warmUpStep?.()) setImmediate(step);
  };
  setImmediate(step);
}
