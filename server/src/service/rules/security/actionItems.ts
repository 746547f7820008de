// Finds the Action items of a statement that grant actions from a table or an access level, after wildcard
// expansion (statementActions.ts), for the "risky actions on *" rules. Bare "*" items are left to
// STAR_ACTION/FULL_ADMIN and NotAction statements to ALLOW_NOT_ACTION, so one token is not flagged five times.

import type { ActionInfo, IamCatalog } from '../../knowledge/catalog';
import { derivePatternFactWith, elementPatternFacts, pickActions } from '../../knowledge/patternFacts';
import type { DerivedKey } from '../../parser/derived';
import type { Located, Statement } from '../../parser/policyModel';
import { perCatalog } from '../../knowledge/perCatalog';

export interface ItemMatch {
  readonly item: Located<string>;
  readonly actions: readonly ActionInfo[];
}

export function isStarAction(value: string): boolean {
  return value === '*' || value === '*:*';
}

/**
 * For each non-"*" Action item, the expanded actions satisfying `pick` (items with none are left out). `pick` must
 * depend on the catalog and the action alone: its answer is kept per pattern string under `key` (one key per rule).
 */
export function matchingItems(catalog: IamCatalog, s: Statement, key: DerivedKey<readonly ActionInfo[]>, pick: (a: ActionInfo) => boolean): ItemMatch[] {
  if (!s.action || s.action.negated) return [];
  const out: ItemMatch[] = [];
  const facts = elementPatternFacts(catalog, s.action);
  const items = s.action.items;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (isStarAction(item.value)) continue;
    const actions = derivePatternFactWith(facts[k]!, key, pick, pickActions);
    if (actions.length) out.push({ item, actions });
  }
  return out;
}

/** A case-insensitive set of full action names, for table lookups. */
export function actionNameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((n) => n.toLowerCase()));
}

/**
 * A picker for a table of lowercased full names (actionNameSet): true for the catalog's actions whose lowercased
 * full name is in it. The actions are found once per catalog and table, so picking is a set lookup by object
 * instead of a lowercased copy of every expanded action's name (the tables are asked about every action of
 * every pattern, thousands for "*"). `test/unit/rules/tablePicker.test.ts` compares it with the name lookup.
 */
export function tablePicker(catalog: IamCatalog, table: ReadonlySet<string>): (a: ActionInfo) => boolean {
  const sets = pickerSets(catalog);
  let picker = sets.get(table);
  if (!picker) {
    // the set is made on the first action asked about, not when a rule merely gets its picker
    let actions: ReadonlySet<ActionInfo> | undefined;
    sets.set(table, (picker = (a) => (actions ??= tableActions(catalog, table)).has(a)));
  }
  return picker;
}

const pickerSets = perCatalog(() => new Map<ReadonlySet<string>, (a: ActionInfo) => boolean>());

function tableActions(catalog: IamCatalog, table: ReadonlySet<string>): ReadonlySet<ActionInfo> {
  const prefixes = new Set<string>();
  for (const name of table) prefixes.add(name.slice(0, name.indexOf(':') + 1));
  const out = new Set<ActionInfo>();
  // only the services the table names are built and read
  for (const svc of catalog.services.values()) {
    if (!prefixes.has(`${svc.prefix.toLowerCase()}:`)) continue;
    for (const a of svc.actions) if (table.has(a.fullName.toLowerCase())) out.add(a);
  }
  return out;
}
