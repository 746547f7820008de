// The shapes of the IAM data: RawCatalog (what loadCatalog() indexes; arrays instead of objects keep it small)
// and CatalogFile, the on-disk dist/iam-catalog.json written by scripts/buildCatalog.mjs (catalogFile.ts reads it).

/** [name, description, accessLevelMask, resourceTypes, conditionKeys, dependentActions?] */
export type RawAction = [string, string, number, RawActionResource[], string[], string[]?];
/** [resourceTypeName, required (0|1), conditionKeys?, dependentActions?] */
export type RawActionResource = [string, number, string[]?, string[]?];
/** [resourceTypeName, arnTemplate, conditionKeys] */
export type RawResourceType = [string, string, string[]];
/** [key, type, description] */
export type RawConditionKey = [string, string, string];

export interface RawService {
  /** display name, e.g. "Amazon S3" */
  n: string;
  /** the actions, or a function that parses them on first use (catalogFile.ts; `c` is then their number) */
  a: RawAction[] | (() => RawAction[]);
  /** the number of actions (needed before lazy actions are parsed) */
  c?: number;
  r: RawResourceType[];
  k: RawConditionKey[];
  /**
   * The condition keys its actions list (action-level or per resource type), so that "does any action list this
   * key" needs no action parsed: each an index into `k`, or the key itself where `k` does not define it. Absent
   * (an iam-data folder, an older file): worked out from the actions.
   */
  ak?: Array<number | string>;
}

export interface RawCatalog {
  format: 1;
  source: { package: string; version: string; updatedAt: string | null };
  services: Record<string, RawService>;
  /** global keys as the data package lists them (aws:* and a few service session keys) */
  globalKeys: RawConditionKey[];
  rcpServices: string[];
}

/**
 * dist/iam-catalog.json (format 2): valid JSON, laid out so that start-up reads and parses only the head (line 1)
 * and each service's actions (85% of the bytes) are read and parsed when the service is first used:
 *
 *     {"format":2,"head":HEAD,"actions":{          <- line 1; HEAD is one JSON value on it
 *     "a2c":[…RawAction…]                            <- one line per service, in the head's order,
 *     ,"aoss":[…]                                       each after the first starting with a comma
 *     }}
 *
 * The head gives each service's actions as a byte range ([o, o + l), counted from the start of line 2), so a reader
 * needs neither the rest of the file nor a scan of it. JSON.stringify never writes a raw newline inside a value.
 * JSON.parse of the whole file gives a CatalogFile, which loadCatalog() also takes (tests, tools).
 */
export interface CatalogFile {
  format: 2;
  head: CatalogFileHead;
  actions: Record<string, RawAction[]>;
}

export interface CatalogFileHead {
  source: RawCatalog['source'];
  /** everything of a service but its actions; their number (c) and byte range (o, l) */
  services: Record<string, { n: string; c: number; o: number; l: number; r: RawResourceType[]; k: RawConditionKey[]; ak?: Array<number | string> }>;
  globalKeys: RawConditionKey[];
  rcpServices: string[];
}
