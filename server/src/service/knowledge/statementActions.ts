// Expands a statement's Action / NotAction list into the set of catalog actions it grants (or denies),
// the same way everywhere (security rules, redundancy, hover, CodeLens). Uses catalog.expandActions, never
// regexes built from user text.

import type { ActionInfo, IamCatalog } from './catalog';
import type { Statement, StringListElement } from '../parser/policyModel';
import { deriveWith, DerivedKey } from '../parser/derived';
import { perCatalog } from './perCatalog';
import { StringMemo } from '../util/stringMemo';
import { hasWildcard } from './glob';
import { actionString, catalogNumber, type ActionString } from './actionStrings';

export interface ExpandedActions {
  /** the actions the statement applies to (for NotAction: every catalog action not excluded) */
  readonly actions: ReadonlySet<ActionInfo>;
  /** true when the element is NotAction */
  readonly negated: boolean;
  /** true when a bare "*" or "*:*"-like pattern appears (or NotAction, which is open-ended) */
  readonly coversAll: boolean;
}

// Wildcard expansions are shared between the casings of a pattern ("S3:get*", "s3:Get*"). Sized above the
// distinct lowercased action strings of the 1,523 AWS managed policies (~12,000): a memo that empties itself in
// the middle of a CLI run re-expands every pattern after it.
const memoOf = perCatalog(() => new StringMemo<readonly ActionInfo[]>(20_000));
/** "*" (every action, sorted) is kept apart from the bounded memo: rebuilding it costs milliseconds. */
const everyAction = perCatalog((catalog) => catalog.expandActions('*'));

/**
 * Memoised per catalog on the string's shared entry (knowledge/actionStrings.ts), where the action rules' facts
 * are kept too: the same pattern is expanded in many rules and every keystroke.
 */
export function expandPattern(catalog: IamCatalog, pattern: string): readonly ActionInfo[] {
  return expandEntry(catalog, actionString(pattern));
}

/** expandPattern for a string's entry: callers that hold the entry pay no string lookup. */
export function expandEntry(catalog: IamCatalog, entry: ActionString): readonly ActionInfo[] {
  const n = catalogNumber(catalog);
  if (entry.expansionCatalog === n) return entry.expansion as readonly ActionInfo[];
  const actions = expandAnyCase(entry.value, catalog);
  entry.expansionCatalog = n;
  entry.expansion = actions;
  return actions;
}

function expandAnyCase(pattern: string, catalog: IamCatalog): readonly ActionInfo[] {
  if (pattern === '*') return everyAction(catalog);
  // a name without wildcards is two map lookups: cheaper than hashing its lowercased copy for the memo
  if (!hasWildcard(pattern)) return catalog.expandActions(pattern);
  return trailingStarRange(catalog, pattern) ?? memoOf(catalog).get(pattern.toLowerCase(), catalog, expandLower);
}

/**
 * "svc:Prefix*" (a literal service and one star, at the end; most wildcards people write): the service's run of
 * actions whose lowercased name starts with "prefix", found by binary search (catalog.actionsWithPrefix), which is
 * exactly what expandActions keeps after glob-matching every action of that run. undefined for other patterns.
 */
function trailingStarRange(catalog: IamCatalog, pattern: string): readonly ActionInfo[] | undefined {
  const colon = pattern.indexOf(':');
  const star = pattern.indexOf('*');
  if (colon <= 0 || star !== pattern.length - 1 || star < colon || pattern.includes('?')) return undefined;
  const range = catalog.actionsWithPrefix(pattern.slice(0, colon), pattern.slice(colon + 1, star));
  // "svc:*" is the service's own list: a copy, so no caller can ever reach the catalog's index through it
  return star === colon + 1 ? range.slice() : range;
}

function expandLower(lower: string, catalog: IamCatalog): readonly ActionInfo[] {
  return catalog.expandActions(lower);
}

/** Per parsed element: a dozen rules expand the same statement on every keystroke; the model is immutable. */
const EXPANSION = new DerivedKey<{ catalog: IamCatalog; expanded: ExpandedActions }>('expandedActions');

export function expandActionElement(catalog: IamCatalog, element: StringListElement | undefined): ExpandedActions {
  if (!element) return { actions: new Set(), negated: false, coversAll: false };
  const hit = deriveWith(element, EXPANSION, catalog, expansionEntry);
  return hit.catalog === catalog ? hit.expanded : computeExpansion(catalog, element);
}

function expansionEntry(element: StringListElement, catalog: IamCatalog): { catalog: IamCatalog; expanded: ExpandedActions } {
  return { catalog, expanded: computeExpansion(catalog, element) };
}

function computeExpansion(catalog: IamCatalog, element: StringListElement): ExpandedActions {
  const listed = new Set<ActionInfo>();
  let star = false;
  for (const item of element.items) {
    if (item.value === '*') star = true;
    for (const a of expandPattern(catalog, item.value)) listed.add(a);
  }
  if (!element.negated) return { actions: listed, negated: false, coversAll: star };
  const all = new Set<ActionInfo>();
  for (const a of expandPattern(catalog, '*')) if (!listed.has(a)) all.add(a);
  return { actions: all, negated: true, coversAll: true };
}

export function expandStatementActions(catalog: IamCatalog, statement: Statement): ExpandedActions {
  return expandActionElement(catalog, statement.action);
}
