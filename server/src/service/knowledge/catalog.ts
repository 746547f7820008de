// The IAM catalog: loads the compact RawCatalog once and builds the indexes every feature uses
// (exact action lookup, sorted names for prefix search, wildcard expansion, resource types, condition keys).
// It reads nothing from disk: callers pass the data in (catalogFile.ts decodes dist/iam-catalog.json lazily).

import type { CatalogFile, RawAction, RawCatalog } from './catalogFormat';
import { catalogFromParsedFile, isCatalogFile, rawActions } from './catalogFile';
import { globMatch, hasWildcard, literalPrefix } from './glob';
import { closestMatch } from './suggest';
import { splitArnTemplate, type ArnTemplate } from './arnTemplate';
import { conditionKeyPatternPrefix, GLOBAL_CONDITION_KEYS, type ConditionKeyType } from './globalConditionKeys';
import { StringMemo } from '../util/stringMemo';

export interface ActionResource {
  readonly name: string;
  readonly required: boolean;
  /** condition keys that apply only with this resource type for this action */
  readonly conditionKeys: readonly string[];
}

export interface ActionInfo {
  readonly service: ServiceInfo;
  /** canonical casing, without the prefix: "GetObject" */
  readonly name: string;
  /** "s3:GetObject" */
  readonly fullName: string;
  readonly description: string;
  readonly accessLevel: number;
  readonly resources: readonly ActionResource[];
  /** action-level condition keys (resource-type keys are on the ResourceTypeInfo) */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ResourceTypeInfo {
  readonly service: ServiceInfo;
  readonly name: string;
  readonly arn: string;
  readonly template: ArnTemplate;
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyInfo {
  /** canonical casing, e.g. "s3:x-amz-acl" or "aws:ResourceTag/${TagKey}" */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly multiValued: boolean;
  readonly description: string;
  /** true for patterns such as aws:ResourceTag/${TagKey} */
  readonly isPattern: boolean;
  readonly global: boolean;
}

export interface ServiceInfo {
  readonly prefix: string;
  readonly name: string;
  /** actions sorted by lowercased name */
  readonly actions: readonly ActionInfo[];
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  /** condition keys the service defines, lowercased key -> info (includes aws:* keys it lists) */
  readonly conditionKeys: ReadonlyMap<string, ConditionKeyInfo>;
  /**
   * The condition keys its actions list (action-level or per resource type), as listed, each once: known without
   * building the actions when the catalog file says (RawService.ak).
   */
  readonly actionConditionKeys: readonly string[];
}

export interface IamCatalog {
  readonly dataVersion: string;
  readonly dataDate: string | null;
  readonly services: ReadonlyMap<string, ServiceInfo>;
  readonly servicePrefixes: readonly string[];
  readonly rcpServices: ReadonlySet<string>;
  readonly actionCount: number;
  getService(prefix: string): ServiceInfo | undefined;
  /** exact lookup, case-insensitive: "s3:getobject" -> ActionInfo */
  getAction(fullName: string): ActionInfo | undefined;
  /** every action matched by a pattern such as "s3:Get*", "*:Describe*", "*"; sorted by full name */
  expandActions(pattern: string): ActionInfo[];
  /** actions whose lowercased name starts with `prefix` (no wildcards), within one service */
  actionsWithPrefix(servicePrefix: string, namePrefix: string): readonly ActionInfo[];
  closestService(prefix: string): string | undefined;
  closestAction(fullName: string): string | undefined;
  /** a condition key by name, matching patterns like aws:ResourceTag/${TagKey}; case-insensitive */
  getConditionKey(key: string): ConditionKeyInfo | undefined;
  closestConditionKey(key: string): string | undefined;
  /** all condition keys that apply to an action (action keys plus those of its resource types) */
  conditionKeysForAction(action: ActionInfo): string[];
  /**
   * builds one more service's actions (they are built on first use); false once every service is built. The
   * server calls it while idle after start-up, so a large first document does not pay for the whole catalog.
   */
  warmUpStep?(): boolean;
}

/** Builds the indexes. Measured cost is printed by `npm run bench` ("catalog load"). */
/**
 * Prefixes two reference pages share, where the data keeps the name of the later page: "cloudformation" is both
 * AWS CloudFormation and AWS Cloud Control API (whose actions are cloudformation:CreateResource…); its stacks,
 * change sets and stack sets are CloudFormation's, so messages name that.
 */
const SHARED_PREFIX_NAMES: Readonly<Record<string, string>> = { cloudformation: 'AWS CloudFormation' };

export function loadCatalog(data: RawCatalog | CatalogFile): IamCatalog {
  // a JSON.parse'd dist/iam-catalog.json (tests, tools) or a RawCatalog (decodeCatalogFile, an iam-data folder)
  const raw = isCatalogFile(data) ? catalogFromParsedFile(data) : data;
  const services = new Map<string, LazyService>();
  let actionCount = 0;
  const keyIndex = new Map<string, ConditionKeyInfo>();
  const keyPatterns: Array<{ prefix: string; info: ConditionKeyInfo }> = [];

  const addKey = (info: ConditionKeyInfo): void => {
    const lower = info.key.toLowerCase();
    if (info.isPattern) {
      const prefix = conditionKeyPatternPrefix(lower);
      if (!keyPatterns.some((p) => p.prefix === prefix)) keyPatterns.push({ prefix, info });
    } else if (!keyIndex.has(lower)) {
      keyIndex.set(lower, info);
    }
  };
  // Condition keys are indexed on first use (a document with a Condition, hover, completion), not at start-up:
  // buildKeys() runs exactly the loop the load ran before (global keys, then each service in the data's order;
  // the first service to list a key defines it), so the indexes are the same whenever they are built.
  const keySources: Array<{ keys: RawCatalog['services'][string]['k']; into: Map<string, ConditionKeyInfo> }> = [];
  let keysBuilt = false;
  const buildKeys = (): void => {
    if (keysBuilt) return;
    keysBuilt = true;
    for (const g of GLOBAL_CONDITION_KEYS) addKey(g);
    for (const [key, type, description] of raw.globalKeys) {
      // "aws:PrincipalTag/tag-key" style patterns are already in our table under ${TagKey}
      if (!isPatternKey(key)) addKey({ key, type: normaliseType(type), multiValued: type.startsWith('ArrayOf'), description, isPattern: false, global: true });
    }
    for (const { keys, into } of keySources) {
      for (const [key, type, description] of keys) {
        const lower = key.toLowerCase();
        const existing = keyIndex.get(lower) ?? (lower.startsWith('aws:') ? findPattern(keyPatterns, lower) : undefined);
        const info: ConditionKeyInfo = existing ?? {
          key,
          type: normaliseType(type),
          multiValued: type.startsWith('ArrayOf'),
          description,
          isPattern: isPatternKey(key),
          global: lower.startsWith('aws:'),
        };
        into.set(lower, info);
        if (!existing) addKey(info);
      }
    }
    // longest prefixes first so "aws:resourcetag/" wins over shorter accidental overlaps
    keyPatterns.sort((a, b) => b.prefix.length - a.prefix.length);
  };

  for (const [prefix, rs] of Object.entries(raw.services)) {
    const resourceTypes = new Map<string, ResourceTypeInfo>();
    const conditionKeys = new Map<string, ConditionKeyInfo>();
    // the actions and their indexes are built when the service is first used (LazyService): most documents
    // name a few services, and building all of them was most of the start-up
    const service = new LazyService(prefix, SHARED_PREFIX_NAMES[prefix] ?? rs.n, resourceTypes, conditionKeys, rs.a, buildKeys, listedKeysOf(rs));
    actionCount += typeof rs.a === 'function' ? (rs.c ?? rawActions(rs).length) : rs.a.length;
    for (const [name, arn, keys] of rs.r) {
      resourceTypes.set(name.toLowerCase(), new LazyResourceType(service, name, arn, keys));
    }
    keySources.push({ keys: rs.k, into: conditionKeys });
    services.set(prefix, service);
  }
  const servicePrefixes = [...services.keys()].sort();
  // only typo suggestions need every key name: gathered on the first one, not at start-up
  let allKeyNamesList: string[] | undefined;
  const allKeyNames = (): string[] => (buildKeys(), allKeyNamesList ??= [...new Set([...keyIndex.values(), ...keyPatterns.map((p) => p.info)].map((k) => k.key))]);

  // Suggestions cost an edit-distance scan over hundreds of names; the same typo is looked up by several
  // rules on every keystroke, so answers are memoised (bounded: cleared past 5,000 entries).
  const suggestions = new StringMemo<string | undefined>(5000);
  const memo = (key: string, compute: () => string | undefined): string | undefined => suggestions.get(key, compute, (_, c) => c());
  const closestActionUncached = (fullName: string): string | undefined => {
    const colon = fullName.indexOf(':');
    if (colon < 0) return undefined;
    const svc = services.get(fullName.slice(0, colon).toLowerCase()) ?? services.get(closestMatch(fullName.slice(0, colon), servicePrefixes) ?? '');
    if (!svc) return undefined;
    const name = closestMatch(fullName.slice(colon + 1), svc.actions.map((a) => a.name));
    return name ? `${svc.prefix}:${name}` : undefined;
  };
  const closestConditionKeyUncached = (key: string): string | undefined => {
    const colon = key.indexOf(':');
    const prefix = colon < 0 ? '' : key.slice(0, colon + 1).toLowerCase();
    const sameService = allKeyNames().filter((k) => k.toLowerCase().startsWith(prefix));
    return closestMatch(key, sameService.length ? sameService : allKeyNames());
  };

  // small maps of the names recently asked about stay in the CPU cache; the 22,000-entry indexes do not. Sized
  // above the ~15,000 distinct action strings of the AWS managed corpus: at 5,000 a CLI run over it emptied them
  const recentActions = new StringMemo<ActionInfo | null>(20_000);
  // as for actions: the condition rules ask about the same few keys many times per keystroke
  const recentKeys = new StringMemo<ConditionKeyInfo | null>(20_000);
  const findAction = (fullName: string): ActionInfo | null => {
    const colon = fullName.indexOf(':');
    if (colon < 0) return null;
    const prefix = fullName.slice(0, colon);
    const svc = services.get(prefix) ?? services.get(prefix.toLowerCase());
    if (!svc) return null;
    const name = fullName.slice(colon + 1);
    // names as documented ("s3:GetObject"): most policy text uses them, and a hit needs no lowercased copy
    const index = svc.index();
    return index.byName.get(name) ?? index.byLowerName.get(name.toLowerCase()) ?? null;
  };
  const findConditionKey = (key: string): ConditionKeyInfo | null => {
    buildKeys();
    const lower = key.toLowerCase();
    return keyIndex.get(lower) ?? findPattern(keyPatterns, lower) ?? null;
  };
  let warmUpAt = 0;
  const warmUpOrder = [...services.values()];
  const catalog: IamCatalog = {
    warmUpStep() {
      while (warmUpAt < warmUpOrder.length && warmUpOrder[warmUpAt]!.isBuilt) warmUpAt++;
      if (warmUpAt >= warmUpOrder.length) return false;
      warmUpOrder[warmUpAt++]!.index();
      return true;
    },
    dataVersion: raw.source.version,
    dataDate: raw.source.updatedAt,
    services,
    servicePrefixes,
    rcpServices: new Set(raw.rcpServices),
    actionCount,
    getService: (prefix) => services.get(prefix.toLowerCase()),
    getAction(fullName) {
      return recentActions.get(fullName, undefined, findAction) ?? undefined;
    },
    expandActions(pattern) {
      const lower = pattern.toLowerCase();
      const colon = lower.indexOf(':');
      if (lower === '*') return sortByFullName([...services.values()].flatMap((svc) => [...svc.index().byLowerName.values()]));
      if (colon < 0) return [];
      const svcPart = lower.slice(0, colon);
      const namePart = lower.slice(colon + 1);
      const svcs = hasWildcard(svcPart)
        ? servicePrefixes.filter((p) => globMatch(svcPart, p)).map((p) => services.get(p)!)
        : [services.get(svcPart)].filter((s): s is LazyService => s !== undefined);
      const out: ActionInfo[] = [];
      for (const svc of svcs) {
        if (!hasWildcard(namePart)) {
          const a = svc.index().byLowerName.get(namePart);
          if (a) out.push(a);
          continue;
        }
        for (const a of rangeWithPrefix(svc.index(), literalPrefix(namePart))) {
          if (globMatch(namePart, a.name)) out.push(a);
        }
      }
      // one service's actions come in its order (by lowercased name), which is their order by lowercased full
      // name: only several services' need sorting
      return svcs.length > 1 ? sortByFullName(out) : out;
    },
    actionsWithPrefix(servicePrefix, namePrefix) {
      const svc = services.get(servicePrefix.toLowerCase());
      return svc ? rangeWithPrefix(svc.index(), namePrefix.toLowerCase()) : [];
    },
    closestService: (prefix) => memo(`s|${prefix}`, () => closestMatch(prefix, servicePrefixes)),
    closestAction: (fullName) => memo(`a|${fullName}`, () => closestActionUncached(fullName)),
    getConditionKey(key) {
      return recentKeys.get(key, undefined, findConditionKey) ?? undefined;
    },
    closestConditionKey: (key) => memo(`k|${key}`, () => closestConditionKeyUncached(key)),
    conditionKeysForAction(action) {
      const keys = new Set<string>(action.conditionKeys);
      for (const r of action.resources) {
        for (const k of r.conditionKeys) keys.add(k);
        const rt = action.service.resourceTypes.get(r.name.toLowerCase());
        if (rt) for (const k of rt.conditionKeys) keys.add(k);
      }
      return [...keys];
    },
  };
  return catalog;
}

/** A resource type whose ARN template is split on first use (most of ~2,000 never are in a run). */
class LazyResourceType implements ResourceTypeInfo {
  private split: ArnTemplate | undefined;

  constructor(
    readonly service: ServiceInfo,
    readonly name: string,
    readonly arn: string,
    readonly conditionKeys: readonly string[],
  ) {}

  get template(): ArnTemplate {
    return (this.split ??= splitArnTemplate(this.arn));
  }
}

interface ActionIndex {
  /** sorted by lowercased name */
  readonly actions: ActionInfo[];
  /** actions[i].name lowercased (the byLowerName keys, so no more strings), for prefix searches */
  readonly lowerNames: readonly string[];
  readonly byLowerName: Map<string, ActionInfo>;
  readonly byName: Map<string, ActionInfo>;
}

/** A service whose actions are built from the raw data on first use. */
class LazyService implements ServiceInfo {
  private built: ActionIndex | undefined;

  constructor(
    readonly prefix: string,
    readonly name: string,
    readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>,
    private readonly keys: ReadonlyMap<string, ConditionKeyInfo>,
    /** the actions, or a function parsing them from the catalog file (catalogFile.ts) */
    private raw: readonly RawAction[] | (() => readonly RawAction[]) | undefined,
    /** fills every service's condition keys (once, for the whole catalog) */
    private readonly buildKeys: () => void,
    /** the keys its actions list, from the file's head; undefined: read from the actions when first asked */
    private listedKeys: readonly string[] | undefined,
  ) {}

  get actionConditionKeys(): readonly string[] {
    return (this.listedKeys ??= keysListedBy(this.index().actions));
  }

  get conditionKeys(): ReadonlyMap<string, ConditionKeyInfo> {
    this.buildKeys();
    return this.keys;
  }

  get isBuilt(): boolean {
    return this.built !== undefined;
  }

  get actions(): readonly ActionInfo[] {
    return this.index().actions;
  }

  index(): ActionIndex {
    if (this.built) return this.built;
    const entries: Array<{ action: ActionInfo; lower: string }> = [];
    const byLowerName = new Map<string, ActionInfo>();
    const byName = new Map<string, ActionInfo>();
    const raw = typeof this.raw === 'function' ? this.raw() : (this.raw ?? []);
    for (const [name, description, level, res, keys, deps] of raw) {
      const action: ActionInfo = {
        service: this,
        name,
        fullName: `${this.prefix}:${name}`,
        description,
        accessLevel: level,
        resources: res.map(([n, req, k]) => ({ name: n, required: req === 1, conditionKeys: k ?? [] })),
        conditionKeys: keys,
        dependentActions: deps ?? [],
      };
      const lower = name.toLowerCase();
      entries.push({ action, lower });
      byLowerName.set(lower, action);
      byName.set(name, action);
    }
    entries.sort((a, b) => cmp(a.lower, b.lower));
    const actions = entries.map((e) => e.action);
    const lowerNames = entries.map((e) => e.lower);
    this.raw = undefined;
    return (this.built = { actions, lowerNames, byLowerName, byName });
  }
}

/** A raw service's action-listed keys from its `ak` (indexes into `k`, or keys), or undefined when it has none. */
function listedKeysOf(rs: RawCatalog['services'][string]): readonly string[] | undefined {
  return rs.ak?.map((entry) => (typeof entry === 'number' ? rs.k[entry]![0] : entry));
}

/** The condition keys actions list (their own, and per resource type), each once (case-insensitively), in first-listed order. */
function keysListedBy(actions: readonly ActionInfo[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (key: string): void => {
    const lower = key.toLowerCase();
    if (!seen.has(lower)) seen.add(lower), out.push(key);
  };
  for (const a of actions) {
    for (const k of a.conditionKeys) add(k);
    for (const r of a.resources) for (const k of r.conditionKeys) add(k);
  }
  return out;
}

function findPattern(patterns: ReadonlyArray<{ prefix: string; info: ConditionKeyInfo }>, lower: string): ConditionKeyInfo | undefined {
  for (const p of patterns) {
    // a pattern key needs something after its prefix: "aws:ResourceTag/" alone is not a key
    if (lower.length > p.prefix.length && lower.startsWith(p.prefix)) return p.info;
  }
  return undefined;
}

function isPatternKey(key: string): boolean {
  return /\$\{[^}]*\}|<[^>]*>/.test(key) || /\/tag-key$/i.test(key);
}

function normaliseType(type: string): ConditionKeyType {
  const base = type.replace(/^ArrayOf/, '');
  switch (base) {
    case 'String':
    case 'ARN':
    case 'Bool':
    case 'Numeric':
    case 'Date':
    case 'IPAddress':
      return base;
    case 'Arn':
      return 'ARN';
    case 'Boolean':
      return 'Bool';
    case 'Long':
    case 'Integer':
      return 'Numeric';
    default:
      return 'String';
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorted by lowercased full name (stable), each name lowercased once: a comparator lowercasing both sides made
 * two strings per comparison, half a million for "*".
 */
function sortByFullName(actions: ActionInfo[]): ActionInfo[] {
  if (actions.length < 2) return actions;
  const keyed = actions.map((a) => ({ a, key: a.fullName.toLowerCase() }));
  keyed.sort((x, y) => cmp(x.key, y.key));
  for (let i = 0; i < keyed.length; i++) actions[i] = keyed[i]!.a;
  return actions;
}

/** Binary search for the run of sorted actions whose lowercased name starts with `prefix`. */
function rangeWithPrefix({ actions, lowerNames }: ActionIndex, prefix: string): readonly ActionInfo[] {
  if (!prefix) return actions;
  let lo = 0;
  let hi = actions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lowerNames[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < actions.length && lowerNames[end]!.startsWith(prefix)) end++;
  return actions.slice(lo, end);
}
