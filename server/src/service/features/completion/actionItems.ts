// Completion inside Action / NotAction: service prefixes (then "prefix:" re-opens the list), the actions of a
// service with their access level and description, and wildcard patterns per verb with their counts.
// Item lists are built once per service and cached; only the edits are made per request.

import { CompletionItemKind } from 'vscode-languageserver-types';
import { ACCESS_LEVELS, AccessLevel, formatAccessLevel } from '../../knowledge/accessLevel';
import type { ActionInfo, IamCatalog, ServiceInfo } from '../../knowledge/catalog';
import type { ItemSpec } from './edits';
import { perCatalog } from '../../knowledge/perCatalog';

const serviceItemCache = new WeakMap<ServiceInfo, readonly ItemSpec[]>();

/** One item per service prefix, plus "*". Inserting "s3:" re-triggers completion to list the actions. */
export const servicePrefixItems = perCatalog((catalog: IamCatalog): readonly ItemSpec[] => {
  const list: ItemSpec[] = [
    {
      label: '*',
      kind: CompletionItemKind.Constant,
      insert: '*',
      detail: `every action of every service (${catalog.actionCount})`,
      documentation: 'All actions in all services, including future ones. Avoid with Allow.',
      sortText: '9',
    },
  ];
  for (const prefix of catalog.servicePrefixes) {
    const s = catalog.services.get(prefix)!;
    list.push({
      label: prefix,
      kind: CompletionItemKind.Module,
      insert: `${prefix}:`,
      detail: s.name,
      documentation: `${s.name}: ${s.actions.length} actions`,
      sortText: `1${prefix}`,
      filterText: prefix,
      retrigger: true,
    });
  }
  return list;
});

/** The actions of one service, then its verb wildcards ("s3:Get*"), then "s3:*". */
export function serviceActionItems(service: ServiceInfo): readonly ItemSpec[] {
  let items = serviceItemCache.get(service);
  if (!items) {
    const list: ItemSpec[] = service.actions.map((a) => ({
      label: a.fullName,
      kind: CompletionItemKind.Function,
      insert: a.fullName,
      detail: formatAccessLevel(a.accessLevel),
      documentation: a.description,
      sortText: `1${a.name.toLowerCase()}`,
      filterText: a.fullName,
    }));
    for (const [verb, actions] of verbGroups(service.actions)) {
      const pattern = `${service.prefix}:${verb}*`;
      list.push({
        label: pattern,
        kind: CompletionItemKind.Value,
        insert: pattern,
        detail: `${actions.length} actions: ${levelCounts(actions)}`,
        documentation: wildcardDoc(pattern, actions),
        sortText: `2${verb.toLowerCase()}`,
        filterText: pattern,
      });
    }
    list.push({
      label: `${service.prefix}:*`,
      kind: CompletionItemKind.Value,
      insert: `${service.prefix}:*`,
      detail: `all ${service.actions.length} actions: ${levelCounts(service.actions)}`,
      documentation: wildcardDoc(`${service.prefix}:*`, service.actions),
      sortText: '3',
      filterText: `${service.prefix}:*`,
    });
    items = list;
    serviceItemCache.set(service, items);
  }
  return items;
}

/** Actions grouped by their leading verb ("Get", "List", "Put"...), for groups of two or more. */
function verbGroups(actions: readonly ActionInfo[]): Map<string, ActionInfo[]> {
  const groups = new Map<string, ActionInfo[]>();
  for (const a of actions) {
    const m = /^[A-Z][a-z]+/.exec(a.name);
    if (!m) continue;
    const g = groups.get(m[0]);
    if (g) g.push(a);
    else groups.set(m[0], [a]);
  }
  // "Get*" also matches "GetaThing" style names that do not start with the verb as a word: count by pattern
  for (const [verb, list] of groups) {
    const all = actions.filter((a) => a.name.toLowerCase().startsWith(verb.toLowerCase()));
    if (all.length < 2) groups.delete(verb);
    else if (all.length !== list.length) groups.set(verb, all);
  }
  return groups;
}

function levelCounts(actions: readonly ActionInfo[]): string {
  return ACCESS_LEVELS.map((l) => ({ name: l.name, n: actions.filter((a) => (a.accessLevel & l.bit) !== 0).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${c.name} ${c.n}`)
    .join(', ');
}

function wildcardDoc(pattern: string, actions: readonly ActionInfo[]): string {
  const risky = actions.some((a) => (a.accessLevel & (AccessLevel.PermissionsManagement | AccessLevel.Write)) !== 0);
  const head = `${pattern} grants ${actions.length} actions (${levelCounts(actions)}), including actions added to the service later.`;
  return risky ? `${head} It includes Write or Permissions management actions.` : head;
}
