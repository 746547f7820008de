// Hover for an Action / NotAction string: one action (description, access level, resource types, condition
// keys, dependent actions, docs link), a wildcard (how many actions per access level, capped list, warnings),
// or the service prefix alone. Does not judge whether the action fits the statement (the rules do).

import { ACCESS_LEVELS, AccessLevel, formatAccessLevel } from '../../knowledge/accessLevel';
import type { ActionInfo, IamCatalog, ServiceInfo } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { expandPattern } from '../../knowledge/statementActions';
import { cappedList, code, escapeMarkdown, plural, serviceReferenceLink } from './markdown';
import { memoByCatalog } from './memo';

const wildcardMemo = memoByCatalog<string>();

export interface ActionHoverOptions {
  /** how many actions a wildcard hover lists before "and N more" */
  readonly listCap?: number;
  /** the cursor is on the service prefix (before the colon) */
  readonly onServicePart?: boolean;
}

export function actionHover(catalog: IamCatalog, value: string, options: ActionHoverOptions = {}): string {
  const colon = value.indexOf(':');
  if (value !== '*' && colon < 0) return `${code(value)} is not a valid action: write ${code('service:ActionName')}, e.g. ${code('s3:GetObject')}.`;
  const svcPart = colon < 0 ? '*' : value.slice(0, colon);
  if (options.onServicePart && !hasWildcard(svcPart)) {
    const service = catalog.getService(svcPart);
    return service ? serviceHover(service) : unknownService(catalog, svcPart);
  }
  if (hasWildcard(value)) {
    const cap = options.listCap ?? 25;
    return wildcardMemo(catalog, `${cap}\u0000${value}`, () => wildcardHover(catalog, value, cap));
  }
  const action = catalog.getAction(value);
  if (action) return singleActionHover(catalog, action);
  const service = catalog.getService(svcPart);
  if (!service) return unknownService(catalog, svcPart);
  const suggestion = catalog.closestAction(value);
  return `Unknown action ${code(value)}: ${escapeMarkdown(service.name)} has no such action in the IAM data${suggestion ? `. Did you mean ${code(suggestion)}?` : '.'}\n\n${serviceReferenceLink(service)}`;
}

function unknownService(catalog: IamCatalog, prefix: string): string {
  const suggestion = catalog.closestService(prefix);
  return `Unknown service prefix ${code(prefix)}${suggestion ? `. Did you mean ${code(suggestion)}?` : '.'}`;
}

export function serviceHover(service: ServiceInfo): string {
  const counts = ACCESS_LEVELS.map((l) => ({ name: l.name, n: service.actions.filter((a) => (a.accessLevel & l.bit) !== 0).length })).filter((c) => c.n > 0);
  return [
    `**${escapeMarkdown(service.name)}** (service prefix ${code(service.prefix)})`,
    '',
    `${plural(service.actions.length, 'action')}: ${counts.map((c) => `${c.name} ${c.n}`).join(', ')}. ${plural(service.resourceTypes.size, 'resource type')}, ${plural(service.conditionKeys.size, 'condition key')}.`,
    '',
    serviceReferenceLink(service),
  ].join('\n');
}

export function singleActionHover(catalog: IamCatalog, action: ActionInfo): string {
  // title, access level and description form the first paragraph: the brief hover setting keeps only that
  const head = `**${action.fullName}** — ${escapeMarkdown(action.service.name)}, access level **${formatAccessLevel(action.accessLevel) || 'unknown'}**`;
  const out: string[] = [action.description ? `${head}  \n${escapeMarkdown(action.description)}` : head, ''];
  if (action.resources.length === 0) {
    out.push(`Resource types: none, the action does not support resource-level permissions: use ${code('"Resource": "*"')}.`);
  } else {
    // a compact list, not a table: a three-column table is wider than the hover (its last column was cut off)
    out.push('Resource types:', '');
    for (const r of action.resources) {
      const rt = action.service.resourceTypes.get(r.name.toLowerCase());
      out.push(`- **${escapeMarkdown(r.name)}**${r.required ? ' (required)' : ''}${rt ? `: ${code(rt.arn)}` : ''}`);
    }
  }
  const keys = catalog.conditionKeysForAction(action);
  out.push('', keys.length ? `Condition keys: ${cappedList(keys.map(code), 30)}` : 'Condition keys: none specific to this action (global keys still apply).');
  if (action.dependentActions.length) out.push('', `Dependent actions: ${action.dependentActions.map(code).join(', ')}`);
  out.push('', serviceReferenceLink(action.service, 'actions'));
  return out.join('\n');
}

export function wildcardHover(catalog: IamCatalog, pattern: string, listCap: number): string {
  const actions = expandPattern(catalog, pattern);
  if (actions.length === 0) return `${code(pattern)} matches no action in the IAM data.`;
  const services = new Set(actions.map((a) => a.service));
  const where = services.size === 1 ? escapeMarkdown([...services][0]!.name) : `${services.size} services`;
  const levels = ACCESS_LEVELS.map((l) => ({ name: l.name, n: actions.filter((a) => (a.accessLevel & l.bit) !== 0).length })).filter((l) => l.n > 0);
  const out: string[] = [`**${code(pattern)}** matches ${plural(actions.length, 'action')} in ${where}: ${levels.map((l) => `${l.name} ${l.n}`).join(', ')}.`];
  const pm = actions.filter((a) => (a.accessLevel & AccessLevel.PermissionsManagement) !== 0).length;
  const write = actions.filter((a) => (a.accessLevel & AccessLevel.Write) !== 0).length;
  if (pm > 0) out.push('', `⚠️ Includes ${plural(pm, 'Permissions management action')}: they can change who has access to what.`);
  else if (write > 0) out.push('', `⚠️ Includes ${plural(write, 'Write action')}.`);
  out.push('', actions.slice(0, listCap).map((a) => `${code(a.fullName)} (${formatAccessLevel(a.accessLevel)})`).join('  \n'));
  if (actions.length > listCap) out.push(`and ${actions.length - listCap} more`);
  if (services.size === 1) out.push('', serviceReferenceLink([...services][0]!, 'actions'));
  return out.join('\n');
}
