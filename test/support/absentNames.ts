// The allow-list check the corpus audits share (test/unit/rules/realWorldAllRules.test.ts over the repository's
// real policies, managedCorpus.test.ts over the shared AWS managed corpus): an error on a service, action or
// condition key the bundled IAM data lacks is accepted only when the name (or its service) is listed AND really
// absent from the catalog. Each audit keeps its own list, with the reason per name.

import { testCatalog } from './catalog';

/** A name the bundled data lacks: a service prefix (all its actions) or a full action / condition key name. */
export interface AbsentName {
  readonly name: string;
  readonly why: string;
}

/** A JSON string token as written ("\"s3:Foo\"") → its value; anything else unchanged. */
export function unquote(value: string): string {
  try {
    const v = JSON.parse(value) as unknown;
    return typeof v === 'string' ? v : value;
  } catch {
    return value;
  }
}

/** A service prefix, action or condition key the catalog has nothing for. */
export function absentFromCatalog(name: string): boolean {
  const catalog = testCatalog();
  const colon = name.indexOf(':');
  if (colon < 0) return !catalog.getService(name);
  if (!catalog.getService(name.slice(0, colon)) && name.slice(0, colon) !== 'aws') return true;
  return catalog.expandActions(name).length === 0 && !catalog.getConditionKey(name);
}

/** The flagged value (as written) is allow-listed in `list` (itself, or its service) and really absent from the data. */
export function allowedAbsentName(list: readonly AbsentName[], value: string): boolean {
  const name = unquote(value).toLowerCase();
  return list.some((a) => {
    const entry = a.name.toLowerCase();
    return (name === entry || (!entry.includes(':') && name.startsWith(`${entry}:`))) && absentFromCatalog(name);
  });
}
