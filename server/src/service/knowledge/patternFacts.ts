// One object per Action pattern string as written ("s3:Get*"), per catalog: the actions it expands to and a
// slot for whatever a rule derives from them (the table rules' picks, RESOURCE_STAR's resource types, the set of
// lowercased names). Kept with the string's shared entry (knowledge/actionStrings.ts, bounded, one catalog at a
// time); each parsed Action list gets its items' objects once per parse, so rules read facts by index instead
// of hashing every item again in every rule. It decides nothing about policies.

import type { ActionInfo, IamCatalog } from './catalog';
import type { StringListElement } from '../parser/policyModel';
import { deriveWith, DerivedKey } from '../parser/derived';
import { expandEntry } from './statementActions';
import { actionString, catalogNumber, elementActionStrings, type ActionString } from './actionStrings';

export interface PatternFacts {
  /** the pattern as written (a detached copy) */
  readonly pattern: string;
  /** expandEntry(catalog, entry): every action it matches, sorted ("*" gives every action) */
  readonly actions: readonly ActionInfo[];
  /**
   * What rules derived from it, as [key, value, key, value, …]; only this module reads or writes it. A pattern
   * gets a handful of facts, and ~15,000 patterns of the managed corpus stay in memory for a CLI run: a flat
   * array costs a third of a Map and is scanned as fast at this size.
   */
  slots?: unknown[];
}

function factsOf(catalog: IamCatalog, entry: ActionString): PatternFacts {
  const n = catalogNumber(catalog);
  if (entry.patternCatalog === n) return entry.pattern as PatternFacts;
  const facts: PatternFacts = { pattern: entry.value, actions: expandEntry(catalog, entry), slots: undefined };
  entry.patternCatalog = n;
  entry.pattern = facts;
  return facts;
}

export function patternFacts(catalog: IamCatalog, pattern: string): PatternFacts {
  return factsOf(catalog, actionString(pattern));
}

/** A fact derived from a pattern's facts (depends only on the catalog and the string), computed once per entry. */
export function derivePatternFact<T>(facts: PatternFacts, key: DerivedKey<T>, computeFact: (facts: PatternFacts) => T): T {
  return derivePatternFactWith(facts, key, computeFact, callWithFacts);
}

function callWithFacts<T>(facts: PatternFacts, computeFact: (facts: PatternFacts) => T): T {
  return computeFact(facts);
}

/** derivePatternFact with an argument for a module-level `computeFact` (no closure per call). */
export function derivePatternFactWith<T, A>(facts: PatternFacts, key: DerivedKey<T>, arg: A, computeFact: (facts: PatternFacts, arg: A) => T): T {
  let slots = facts.slots;
  if (slots === undefined) facts.slots = slots = [];
  else for (let i = 0; i < slots.length; i += 2) if (slots[i] === key) return slots[i + 1] as T;
  const value = computeFact(facts, arg);
  slots.push(key, value);
  return value;
}

/** the one empty action list kept facts share */
export const NO_ACTIONS: readonly ActionInfo[] = Object.freeze([]);

/**
 * The pattern's actions that satisfy `pick`: the expansion itself when all do, one shared empty list when none
 * does (most patterns name one action, and most picks are empty), so the kept picks cost little memory.
 */
export function pickActions(facts: PatternFacts, pick: (a: ActionInfo) => boolean): readonly ActionInfo[] {
  const picked = facts.actions.filter(pick);
  return picked.length === 0 ? NO_ACTIONS : picked.length === facts.actions.length ? facts.actions : picked;
}

/** patternFacts of every item of one parsed Action/NotAction list, by item index, kept on the list (per parse). */
const ELEMENT_FACTS = new DerivedKey<{ catalog: IamCatalog; facts: readonly PatternFacts[] }>('elementPatternFacts');
export function elementPatternFacts(catalog: IamCatalog, element: StringListElement): readonly PatternFacts[] {
  const hit = deriveWith(element, ELEMENT_FACTS, catalog, computeElementFacts);
  return hit.catalog === catalog ? hit.facts : computeElementFacts(element, catalog).facts;
}

function computeElementFacts(element: StringListElement, catalog: IamCatalog): { catalog: IamCatalog; facts: readonly PatternFacts[] } {
  const strings = elementActionStrings(element);
  const facts: PatternFacts[] = new Array(strings.length);
  for (let k = 0; k < strings.length; k++) facts[k] = factsOf(catalog, strings[k]!);
  return { catalog, facts };
}

/** The lowercased full names a pattern expands to, as a set (a set lookup even for "*", 18,000+ actions). */
const NAMES = new DerivedKey<ReadonlySet<string>>('patternNames');
export function patternNameSet(facts: PatternFacts): ReadonlySet<string> {
  return derivePatternFact(facts, NAMES, nameSetOf);
}

function nameSetOf(facts: PatternFacts): ReadonlySet<string> {
  return new Set(facts.actions.map((a) => a.fullName.toLowerCase()));
}
