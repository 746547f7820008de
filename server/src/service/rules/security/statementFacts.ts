// Small shared questions the security rules ask about statements: is it an Allow, does it have a real
// condition, which condition keys it uses, is its resource unconstrained, which actions it grants without
// constraint (after wildcard expansion via statementActions.ts). No reporting here.

import type { IamCatalog } from '../../knowledge/catalog';
import { elementPatternFacts, patternFacts, patternNameSet, type PatternFacts } from '../../knowledge/patternFacts';
import { isWholeAccountPrincipal } from '../../knowledge/principals';
import type { ConditionEntry, ConditionOperatorBlock, Located, PolicyDocument, PolicyType, Statement, StringListElement } from '../../parser/policyModel';
import type { Reportable } from '../rule';
import { derive, DerivedKey } from '../../parser/derived';
import { hasWildcard } from '../../knowledge/glob';
import { StringMemo } from '../../util/stringMemo';

export function isAllow(s: Statement): boolean {
  return s.effect?.value === 'Allow';
}

export function isDeny(s: Statement): boolean {
  return s.effect?.value === 'Deny';
}

/** True when the statement has at least one condition key (an empty Condition object restricts nothing). */
export function hasCondition(s: Statement): boolean {
  return (s.condition?.operators ?? []).some((op) => op.entries.length > 0);
}

export interface ConditionUse {
  readonly operator: ConditionOperatorBlock;
  readonly entry: ConditionEntry;
}

/** Every (operator, key) pair of the statement's Condition, in order. */
export function conditionUses(s: Statement): ConditionUse[] {
  const out: ConditionUse[] = [];
  for (const operator of s.condition?.operators ?? []) for (const entry of operator.entries) out.push({ operator, entry });
  return out;
}

/** True when the statement tests one of `keys` (condition key names are case-insensitive). */
export function usesConditionKey(s: Statement, keys: readonly string[]): boolean {
  const operators = s.condition?.operators;
  if (!operators || operators.length === 0) return false;
  const wanted = lowercasedSet(keys);
  for (const operator of operators) for (const entry of operator.entries) if (wanted.has(entry.key.value.toLowerCase())) return true;
  return false;
}

/** The callers pass module constants (or short literals): their lowercased sets are kept, bounded. */
const lowercasedSets = new Map<readonly string[], ReadonlySet<string>>();
function lowercasedSet(keys: readonly string[]): ReadonlySet<string> {
  let set = lowercasedSets.get(keys);
  if (!set) {
    set = new Set(keys.map((k) => k.toLowerCase()));
    // inline array literals are new objects on every call: keep the table from growing without bound
    if (lowercasedSets.size > 100) lowercasedSets.clear();
    lowercasedSets.set(keys, set);
  }
  return set;
}

/** Resource is "*" (among others) or the statement uses NotResource: nothing confines the grant to named resources. */
export function resourceUnconstrained(s: Statement): boolean {
  if (!s.resource) return false;
  return s.resource.negated || s.resource.items.some((i) => i.value === '*');
}

/** Policy types whose Allow statements grant permissions to the policy's holder. */
export function grantsToHolder(type: PolicyType): boolean {
  return type === 'identity';
}

/** Identity and resource policies grant access; SCPs, RCPs and boundaries only limit it, trust policies only allow assuming. */
export function grantsAccess(type: PolicyType): boolean {
  return type === 'identity' || type === 'resource';
}

/**
 * A resource-policy statement whose principals are only whole accounts ("111122223333", "…:root") delegates to
 * those accounts' IAM policies (the default KMS key policy does this with "kms:*"): broad actions there are the
 * documented pattern, not an over-grant.
 */
export function delegatesToAccounts(s: Statement): boolean {
  const p = s.principal;
  if (!p || p.negated || p.wildcard || p.entries.length === 0) return false;
  return p.entries.every((e) => e.type.value === 'AWS' && e.values.length > 0 && e.values.every((v) => isWholeAccountPrincipal(v.value)));
}

/**
 * The lowercased full names an Action pattern expands to, as a set, kept with the pattern's facts, so asking
 * "does this item grant iam:PassRole?" is a set lookup even for "*" (18,000+ actions).
 */
export function patternNames(catalog: IamCatalog, pattern: string): ReadonlySet<string> {
  return patternNameSet(patternFacts(catalog, pattern));
}

/** The Action item of `s` that grants `actionName` (lowercased), the NotAction key if NotAction leaves it, else undefined. */
export function grantingItem(catalog: IamCatalog, s: Statement, actionName: string): Reportable | undefined {
  const el = s.action;
  if (!el) return undefined;
  const wanted = wantedName(actionName);
  const first = firstItemFor(catalog, itemsByPrefix(el), elementPatternFacts(catalog, el), wanted);
  if (el.negated) {
    if (!catalog.getAction(wanted.lower)) return undefined;
    return first ? undefined : el;
  }
  return first;
}

/** An asked action name, lowercased, and its service prefix (undefined without a colon). */
interface WantedName {
  readonly lower: string;
  readonly prefix: string | undefined;
}

// the names asked come from the rules' tables (the escalation check asks about a hundred per statement): their
// lowercased forms are kept instead of made anew on every question
const wantedNames = new StringMemo<WantedName>(5_000);
function wantedName(actionName: string): WantedName {
  return wantedNames.get(actionName, undefined, splitWanted);
}
function splitWanted(actionName: string): WantedName {
  const lower = actionName.toLowerCase();
  const colon = lower.indexOf(':');
  return { lower, prefix: colon < 0 ? undefined : lower.slice(0, colon) };
}

/**
 * The items of one Action list grouped by lowercased service prefix (in list order), and those whose prefix has
 * a wildcard or no colon, built once per parsed list. An item "iam:Get*" can only expand to iam actions, so
 * "which is the first item granting iam:PassRole?" looks at the iam items and the wildcard ones, never at the
 * thousands of others in a ReadOnlyAccess-sized list (expanding every item of such a list for a map of every
 * granted action took milliseconds per statement).
 */
interface ItemsByPrefix {
  readonly byPrefix: ReadonlyMap<string, Bucket>;
  readonly wild: Bucket;
}
interface PositionedItem {
  readonly index: number;
  readonly item: Located<string>;
}
/** Items in list order, and (made on the first question, for one catalog) lowercased action name -> first item. */
interface Bucket {
  readonly items: PositionedItem[];
  first?: { readonly catalog: IamCatalog; readonly map: ReadonlyMap<string, PositionedItem> };
}
const ITEMS_BY_PREFIX = new DerivedKey<ItemsByPrefix>('itemsByPrefix');
function itemsByPrefix(el: StringListElement): ItemsByPrefix {
  return derive(el, ITEMS_BY_PREFIX, () => {
    const byPrefix = new Map<string, Bucket>();
    const wild: Bucket = { items: [] };
    el.items.forEach((item, index) => {
      const value = item.value;
      const colon = value.indexOf(':');
      const prefix = colon < 0 ? undefined : value.slice(0, colon);
      if (prefix === undefined || hasWildcard(prefix)) {
        wild.items.push({ index, item });
        return;
      }
      const key = prefix.toLowerCase();
      let bucket = byPrefix.get(key);
      if (!bucket) byPrefix.set(key, (bucket = { items: [] }));
      bucket.items.push({ index, item });
    });
    return { byPrefix, wild };
  });
}

/**
 * The bucket's first item per granted action. The escalation check asks about a hundred actions: a map per
 * bucket keeps that linear in the bucket's expansion even for a 100,000-item list of one service. Repeated
 * item values are expanded once (only their first occurrence can be the first match).
 */
function firstItems(catalog: IamCatalog, bucket: Bucket, facts: readonly PatternFacts[]): ReadonlyMap<string, PositionedItem> {
  if (bucket.first?.catalog === catalog) return bucket.first.map;
  const map = new Map<string, PositionedItem>();
  const seenValues = new Set<string>();
  for (const p of bucket.items) {
    const key = p.item.value.toLowerCase();
    if (seenValues.has(key)) continue;
    seenValues.add(key);
    for (const name of patternNameSet(facts[p.index]!)) if (!map.has(name)) map.set(name, p);
  }
  bucket.first = { catalog, map };
  return map;
}

/** A few items are scanned (each pattern's name set is kept with its facts); a map pays off for more. */
function firstInBucket(catalog: IamCatalog, bucket: Bucket, facts: readonly PatternFacts[], wanted: string): PositionedItem | undefined {
  const items = bucket.items;
  if (items.length > 8) return firstItems(catalog, bucket, facts).get(wanted);
  for (const p of items) if (patternNameSet(facts[p.index]!).has(wanted)) return p;
  return undefined;
}

/** The first item (in list order) whose expansion holds `wanted` (a lowercased full action name). */
function firstItemFor(catalog: IamCatalog, items: ItemsByPrefix, facts: readonly PatternFacts[], wanted: WantedName): Located<string> | undefined {
  const same = wanted.prefix === undefined ? undefined : items.byPrefix.get(wanted.prefix);
  const inService = same ? firstInBucket(catalog, same, facts, wanted.lower) : undefined;
  const inWild = firstInBucket(catalog, items.wild, facts, wanted.lower);
  if (!inService) return inWild?.item;
  if (!inWild) return inService.item;
  return (inService.index < inWild.index ? inService : inWild).item;
}

export interface GrantedAction {
  /** where the grant is written: the Action item, or the NotAction key */
  readonly at: Reportable;
  readonly statement: Statement;
}

/**
 * Looks up actions the policy's Allow statements grant on an unconstrained resource and without conditions;
 * the first statement granting an action wins. Deny statements are not subtracted: a Deny with its own resource
 * or condition rarely removes the grant everywhere, and over-subtracting would hide real risk.
 */
export function unconstrainedGrants(catalog: IamCatalog, policy: PolicyDocument): { find(actionName: string): GrantedAction | undefined; readonly size: number } {
  const statements = policy.statements.filter((s) => isAllow(s) && !hasCondition(s) && resourceUnconstrained(s) && s.action);
  return {
    size: statements.length,
    find(actionName) {
      for (const statement of statements) {
        const at = grantingItem(catalog, statement, actionName);
        if (at) return { at, statement };
      }
      return undefined;
    },
  };
}

/** "a, b, c and 4 more" for messages. */
export function listForMessage(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
