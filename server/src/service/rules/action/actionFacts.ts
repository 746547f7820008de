// What the catalog says about one Action string as written: its service, the action it names exactly, the
// actions a pattern matches. Kept with the string's shared entry (knowledge/actionStrings.ts, bounded), because
// every action rule asks about the same strings on every keystroke; the answers depend on nothing but the
// catalog and the string.

import type { ActionInfo, IamCatalog, ServiceInfo } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { expandEntry } from '../../knowledge/statementActions';
import type { ActionItem } from './actionItems';
import { actionString, catalogNumber, type ActionString } from '../../knowledge/actionStrings';

export interface ActionFacts {
  /** undefined when the string is not "prefix:name" */
  readonly prefix: string | undefined;
  readonly name: string | undefined;
  readonly wildPrefix: boolean;
  readonly wildName: boolean;
  /** the service a literal prefix names */
  readonly service: ServiceInfo | undefined;
  /** the action a literal "prefix:name" names (any casing) */
  readonly action: ActionInfo | undefined;
  /** every action the string matches ([] for "*", which rules treat on its own) */
  readonly matches: readonly ActionInfo[];
}

/** The facts of `value`, kept in the string's shared entry (knowledge/actionStrings.ts) for the current catalog. */
export function actionFacts(catalog: IamCatalog, value: string): ActionFacts {
  return factsOf(catalog, actionString(value));
}

function factsOf(catalog: IamCatalog, entry: ActionString): ActionFacts {
  const n = catalogNumber(catalog);
  if (entry.factsCatalog === n) return entry.facts as ActionFacts;
  const facts = compute(entry, catalog);
  entry.factsCatalog = n;
  entry.facts = facts;
  return facts;
}

/** actionFacts of one item of actionItems(policy), kept on the item (made per parse) for the next rule that asks. */
export function itemFacts(catalog: IamCatalog, actionItem: ActionItem): ActionFacts {
  if (actionItem.factsCatalog === catalog) return actionItem.facts!;
  const facts = factsOf(catalog, actionItem.string);
  actionItem.factsCatalog = catalog;
  actionItem.facts = facts;
  return facts;
}

function compute(entry: ActionString, catalog: IamCatalog): ActionFacts {
  const value = entry.value;
  const parts = value === '*' ? undefined : entry.split;
  const wildPrefix = parts !== undefined && hasWildcard(parts.prefix);
  const wildName = parts !== undefined && hasWildcard(parts.name);
  const service = parts && !wildPrefix ? catalog.getService(parts.prefix) : undefined;
  const matches = parts ? expandEntry(catalog, entry) : [];
  return {
    prefix: parts?.prefix,
    name: parts?.name,
    wildPrefix,
    wildName,
    service,
    action: parts && !wildPrefix && !wildName ? namedAction(catalog, value, parts.name, matches) : undefined,
    matches,
  };
}

/**
 * catalog.getAction(value) for a literal "prefix:name", read from its expansion where that settles it: the
 * expansion finds the name case-insensitively, getAction prefers the exact casing, so they agree when the match
 * is spelled as written (or there is no match); a differently cased match is looked up (a service may define names
 * that differ only in case). `test/unit/knowledge/actionExpansionFastPath.test.ts` compares it with getAction.
 */
export function namedAction(catalog: IamCatalog, value: string, name: string, matches: readonly ActionInfo[]): ActionInfo | undefined {
  if (matches.length === 1 && matches[0]!.name === name) return matches[0];
  return catalog.getAction(value);
}
