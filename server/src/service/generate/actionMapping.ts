// CloudTrail (eventSource, eventName) -> the IAM action(s) that authorize the call, with where the answer
// comes from. Order: the explicit mismatch table, API Gateway's HTTP verbs, a catalogue action of the same
// name, a documented version suffix stripped. Anything else is unmapped: no name is ever guessed.

import type { ActionInfo, IamCatalog } from '../knowledge/catalog';
import { perCatalog } from '../knowledge/perCatalog';
import { serviceForEventSource } from './eventSource';
import { APIGATEWAY_VERB_BY_PREFIX, APIGATEWAY_VERBS, EVENT_MISMATCHES, VERSION_SUFFIX } from './eventMismatches';

export type MappingProvenance =
  /** the catalogue defines an action with the eventName's name */
  | { readonly kind: 'catalog' }
  /** an explicit table entry (renamed operation, several actions) */
  | { readonly kind: 'table'; readonly source: string }
  /** the API version suffix was stripped */
  | { readonly kind: 'versionSuffix'; readonly source: string }
  | { readonly kind: 'httpVerb'; readonly source: string };

export type EventMapping =
  | { readonly mapped: true; readonly prefix: string; readonly actions: readonly string[]; readonly infos: readonly ActionInfo[]; readonly provenance: MappingProvenance }
  | { readonly mapped: false; readonly reason: 'unknownService' | 'unknownAction' };

const mismatchIndex = perCatalog((catalog) => {
  const index = new Map<string, { actions: string[]; source: string }>();
  for (const m of EVENT_MISMATCHES) {
    const actions = m.actions.map((a) => catalog.getAction(a)?.fullName);
    // a target missing from the pinned catalogue disables the entry rather than producing a fake action
    if (actions.every((a): a is string => a !== undefined)) index.set(m.event.toLowerCase(), { actions, source: m.source });
  }
  return index;
});

const memo = perCatalog(() => new Map<string, EventMapping>());

/** Maps one event kind. Results are memoised per catalogue (a log has few distinct event kinds). */
export function mapEvent(catalog: IamCatalog, eventSource: string, eventName: string): EventMapping {
  const cache = memo(catalog);
  const key = `${eventSource}\u0000${eventName}`;
  let hit = cache.get(key);
  if (!hit) {
    const m = mapUncached(catalog, eventSource, eventName);
    // the ActionInfo of each action, looked up once per event kind instead of once per record
    hit = m.mapped ? { ...m, infos: m.actions.map((a) => catalog.getAction(a)!) } : m;
    // bounded: a hostile log with millions of distinct names must not grow the memo without limit
    if (cache.size > 50_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

type Uncached = { readonly mapped: true; readonly prefix: string; readonly actions: readonly string[]; readonly provenance: MappingProvenance } | { readonly mapped: false; readonly reason: 'unknownService' | 'unknownAction' };

function mapUncached(catalog: IamCatalog, eventSource: string, eventName: string): Uncached {
  const service = serviceForEventSource(catalog, eventSource);
  if (!service) return { mapped: false, reason: 'unknownService' };
  const prefix = service.prefix;
  const table = mismatchIndex(catalog).get(`${prefix}:${eventName}`.toLowerCase());
  if (table) return { mapped: true, prefix, actions: table.actions, provenance: { kind: 'table', source: table.source } };
  if (prefix === 'apigateway') {
    for (const [verbPrefix, verb] of APIGATEWAY_VERB_BY_PREFIX) {
      if (eventName.startsWith(verbPrefix) && eventName.length > verbPrefix.length && /[A-Z]/.test(eventName[verbPrefix.length]!)) {
        const action = catalog.getAction(`apigateway:${verb}`);
        if (action) return { mapped: true, prefix, actions: [action.fullName], provenance: { kind: 'httpVerb', source: APIGATEWAY_VERBS } };
      }
    }
    return { mapped: false, reason: 'unknownAction' };
  }
  const direct = /^[A-Za-z0-9]+$/.test(eventName) ? catalog.getAction(`${prefix}:${eventName}`) : undefined;
  if (direct) return { mapped: true, prefix, actions: [direct.fullName], provenance: { kind: 'catalog' } };
  const versioned = VERSION_SUFFIX.get(prefix);
  const m = versioned?.pattern.exec(eventName);
  if (versioned && m) {
    const base = m[1]!;
    const again = mismatchIndex(catalog).get(`${prefix}:${base}`.toLowerCase());
    if (again) return { mapped: true, prefix, actions: again.actions, provenance: { kind: 'versionSuffix', source: versioned.source } };
    const action = catalog.getAction(`${prefix}:${base}`);
    if (action) return { mapped: true, prefix, actions: [action.fullName], provenance: { kind: 'versionSuffix', source: versioned.source } };
  }
  return { mapped: false, reason: 'unknownAction' };
}
