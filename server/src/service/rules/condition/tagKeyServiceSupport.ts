// Shared check for the two tag-key-vs-service rules: which services named by a statement's Action (or left in
// scope by NotAction) do not support an aws: tag key at all. Reporting and wording are in the rules.

import type { IamCatalog, ServiceInfo } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { expandPattern } from '../../knowledge/statementActions';
import type { PolicyContext } from '../rule';
import type { ConditionEntry, Statement } from '../../parser/policyModel';
import { actionSupportsKey, conditionSites, effectOf } from './conditionUtil';
import { isGlobalTagKey } from './conditionKeySupport';
import { perCatalog } from '../../knowledge/perCatalog';
import { StringMemo } from '../../util/stringMemo';

const memoOf = perCatalog(() => new StringMemo<boolean>(5000));

/** Whether any action of the service supports the tag key (memoised per catalog and key family). */
export function serviceSupportsKey(catalog: IamCatalog, service: ServiceInfo, key: string): boolean {
  // all aws:ResourceTag/<x> behave the same: memoise pattern keys on their pattern, not the tag name
  const info = catalog.getConditionKey(key);
  const family = info?.isPattern ? info.key.toLowerCase() : key.toLowerCase();
  return memoOf(catalog).get(`${service.prefix}|${family}`, undefined, () => service.actions.some((a) => actionSupportsKey(catalog, a, key)));
}

export interface TagKeyGap {
  readonly statement: Statement;
  readonly entry: ConditionEntry;
  readonly negatedActions: boolean;
  /** services in scope that do not support the key, sorted */
  readonly services: readonly string[];
}

/** Tag-key entries of statements with the given effect whose actions include services lacking the key. */
export function tagKeyGaps(ctx: PolicyContext, effect: 'Allow' | 'Deny'): TagKeyGap[] {
  const out: TagKeyGap[] = [];
  for (const { statement, entry, op } of conditionSites(ctx.policy)) {
    if (effectOf(statement) !== effect || !isGlobalTagKey(entry.key.value)) continue;
    // only conditions that are false when the key is absent: negated operators, IfExists, ForAllValues
    // and Null are true then, so the statement still applies (no gap to report)
    if (!op || op.ifExists || op.operator.negated || op.qualifier === 'ForAllValues' || op.operator.family === 'Null') continue;
    const element = statement.action;
    if (!element) continue;
    const inScope = new Set<ServiceInfo>();
    if (element.negated) {
      // NotAction: every service not entirely excluded stays in scope
      const excluded = new Set<string>();
      for (const item of element.items) {
        const m = /^([^:*?]+):\*$/.exec(item.value);
        if (m) excluded.add(m[1]!.toLowerCase());
      }
      for (const svc of ctx.catalog.services.values()) if (!excluded.has(svc.prefix)) inScope.add(svc);
    } else {
      for (const item of element.items) {
        if (item.value === '*' || item.value.startsWith('*')) continue; // "*" covers every service: too broad to list
        const actions = hasWildcard(item.value) ? expandPattern(ctx.catalog, item.value) : [ctx.catalog.getAction(item.value)].filter((a) => a !== undefined);
        for (const a of actions) inScope.add(a.service);
      }
    }
    const services = [...inScope].filter((s) => !serviceSupportsKey(ctx.catalog, s, entry.key.value)).map((s) => s.prefix).sort();
    if (services.length > 0) out.push({ statement, entry, negatedActions: element.negated, services });
  }
  return out;
}

export function listServices(services: readonly string[], max = 5): string {
  const shown = services.slice(0, max).map((s) => `"${s}"`).join(', ');
  return services.length > max ? `${shown} and ${services.length - max} more` : shown;
}
