// One entry per Action string as written, shared by every rule: its split into prefix and name, and slots for
// what the current catalog says about it (the action rules' facts, the pattern's expansion facts). Looked up
// once per item per parse (elementActionStrings, kept on the parsed list), so a ReadOnlyAccess-sized list pays
// one memo lookup per item instead of one per memo (split, facts, expansion) and rule. It judges nothing.

import type { StringListElement } from '../parser/policyModel';
import { deriveWith, DerivedKey } from '../parser/derived';
import type { IamCatalog } from './catalog';
import { perCatalog } from './perCatalog';
import { StringMemo } from '../util/stringMemo';

export interface ActionString {
  /** the string as written (a detached copy) */
  readonly value: string;
  /** "prefix:name" with exactly one colon, both sides non-empty and without white space; or undefined */
  readonly split: { readonly prefix: string; readonly name: string } | undefined;
  /**
   * Slots for one catalog's answers (the catalog's number, see catalogNumber): written only by the modules that
   * own them (rules/action/actionFacts.ts, knowledge/patternFacts.ts). A number, not the catalog, so that an
   * entry never keeps a replaced catalog alive.
   */
  factsCatalog: number;
  facts: unknown;
  patternCatalog: number;
  pattern: unknown;
  /** the catalog's expansion of the string (knowledge/statementActions.ts expandEntry writes it) */
  expansionCatalog: number;
  expansion: unknown;
}

/** "prefix:name" with exactly one colon, both sides non-empty and without white space; or undefined. */
export function splitAction(value: string): { prefix: string; name: string } | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1 || value.indexOf(':', colon + 1) >= 0) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 || c === 127) return undefined;
  }
  return { prefix: value.slice(0, colon), name: value.slice(colon + 1) };
}

// above the ~15,000 distinct action strings of the AWS managed corpus, so a CLI run over it never empties it
const entries = new StringMemo<ActionString>(20_000);

function newEntry(value: string): ActionString {
  return { value, split: splitAction(value), factsCatalog: 0, facts: undefined, patternCatalog: 0, pattern: undefined, expansionCatalog: 0, expansion: undefined };
}

export function actionString(value: string): ActionString {
  return entries.get(value, undefined, newEntry);
}

/** The entries of one parsed Action/NotAction list, by item index, kept on the list (per parse). */
const ELEMENT_STRINGS = new DerivedKey<readonly ActionString[]>('elementActionStrings');
export function elementActionStrings(element: StringListElement): readonly ActionString[] {
  return deriveWith(element, ELEMENT_STRINGS, undefined, stringsOf);
}

function stringsOf(element: StringListElement): readonly ActionString[] {
  const items = element.items;
  const out: ActionString[] = new Array(items.length);
  for (let k = 0; k < items.length; k++) out[k] = actionString(items[k]!.value);
  return out;
}

/** A small number per catalog (from 1), for the entries' slots. */
let catalogs = 0;
export const catalogNumber = perCatalog((_catalog: IamCatalog) => ++catalogs);
