// The on-disk shape of dist/iam-catalog.json, written by scripts/buildCatalog.mjs.
// Arrays instead of objects keep the file small; loadCatalog() turns them into indexes.

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
  a: RawAction[];
  r: RawResourceType[];
  k: RawConditionKey[];
}

export interface RawCatalog {
  format: 1;
  source: { package: string; version: string; updatedAt: string | null };
  services: Record<string, RawService>;
  /** global keys as the data package lists them (aws:* and a few service session keys) */
  globalKeys: RawConditionKey[];
  rcpServices: string[];
}
