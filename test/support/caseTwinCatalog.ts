// Test helper: a one-service catalog whose action names differ only in case ("GetThing" and "getthing"), which
// the real data never has: for the fast paths that must still agree with catalog.getAction there.

import { loadCatalog, type IamCatalog } from '../../server/src/service/knowledge/catalog';

export function caseTwinCatalog(): IamCatalog {
  return loadCatalog({
    format: 1,
    source: { package: 'test', version: '0', updatedAt: null },
    services: {
      svc: {
        n: 'Test service',
        a: [
          ['GetThing', 'Grants permission to get a thing', 2, [], []],
          ['getthing', 'Grants permission to get a thing (lower)', 2, [], []],
          ['PutThing', 'Grants permission to put a thing', 4, [], []],
        ],
        r: [],
        k: [],
      },
    },
    globalKeys: [],
    rcpServices: [],
  });
}
