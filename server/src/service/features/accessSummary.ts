// A statement's access-level summary as the IAM console's policy summary shows it: per service, Full access
// or Limited access per level (List / Read / Write / Permissions management / Tagging). Computes and formats;
// used by hover (Sid / Effect) and CodeLens. It does not decide whether the access is too broad (rules do).

import { ACCESS_LEVELS, type AccessLevelName } from '../knowledge/accessLevel';
import type { ActionInfo, IamCatalog, ServiceInfo } from '../knowledge/catalog';
import { expandActionElement, expandPattern } from '../knowledge/statementActions';
import type { Statement } from '../parser/policyModel';
import { detach } from '../util/detach';
import { StringMemo } from '../util/stringMemo';
import { perCatalog } from '../knowledge/perCatalog';

export interface LevelAccess {
  readonly level: AccessLevelName;
  /** actions of this level the statement covers */
  readonly granted: number;
  /** actions of this level the service has */
  readonly total: number;
}

export interface ServiceAccess {
  readonly prefix: string;
  readonly name: string;
  /** levels with at least one covered action, in console order */
  readonly levels: readonly LevelAccess[];
  /** every action of the service is covered */
  readonly full: boolean;
  readonly granted: number;
  readonly total: number;
}

export interface AccessSummary {
  /** "Allow" / "Deny" as written ("" when missing) */
  readonly effect: string;
  /** the statement uses NotAction: everything except the listed actions */
  readonly negated: boolean;
  /** services sorted by prefix */
  readonly services: readonly ServiceAccess[];
  /** number of distinct catalog actions covered */
  readonly actionCount: number;
  /** Action items that match no catalog action (typos, services newer than our data) */
  readonly unmatched: readonly string[];
}

const summaryCache = perCatalog(() => new StringMemo<AccessSummary>(500));

/** Per service, which access levels the statement's Action / NotAction covers. Memoised per action list. */
export function summarizeStatement(catalog: IamCatalog, statement: Statement): AccessSummary {
  const effect = statement.effect?.value ?? '';
  const action = statement.action;
  const items = action?.items.map((i) => i.value) ?? [];
  const key = `${effect}\u0000${action?.negated ? 'N' : 'A'}\u0000${items.join('\u0000')}`;
  return summaryCache(catalog).get(key, undefined, () => {
    const expanded = expandActionElement(catalog, action);
    return {
      effect,
      negated: expanded.negated,
      services: summarizeActions(expanded.actions),
      actionCount: expanded.actions.size,
      // the names come from the document: copied, since the summary outlives it
      unmatched: items.filter((i) => expandPattern(catalog, i).length === 0).map(detach),
    };
  });
}

/** Groups actions by service and counts them per access level against the service's totals. */
export function summarizeActions(actions: Iterable<ActionInfo>): ServiceAccess[] {
  const byService = new Map<ServiceInfo, ActionInfo[]>();
  for (const a of actions) {
    const list = byService.get(a.service);
    if (list) list.push(a);
    else byService.set(a.service, [a]);
  }
  const out: ServiceAccess[] = [];
  for (const [service, list] of byService) {
    const totals = levelTotals(service);
    const levels: LevelAccess[] = [];
    for (const l of ACCESS_LEVELS) {
      let granted = 0;
      for (const a of list) if ((a.accessLevel & l.bit) !== 0) granted++;
      if (granted > 0) levels.push({ level: l.name, granted, total: totals.get(l.bit) ?? granted });
    }
    const total = service.actions.length;
    out.push({ prefix: service.prefix, name: service.name, levels, full: list.length >= total, granted: list.length, total });
  }
  return out.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
}

const totalsCache = new WeakMap<ServiceInfo, Map<number, number>>();

function levelTotals(service: ServiceInfo): Map<number, number> {
  let t = totalsCache.get(service);
  if (!t) {
    t = new Map();
    for (const a of service.actions) for (const l of ACCESS_LEVELS) if ((a.accessLevel & l.bit) !== 0) t.set(l.bit, (t.get(l.bit) ?? 0) + 1);
    totalsCache.set(service, t);
  }
  return t;
}

/** "Full access", or the console's "Limited: List, Read" with "(full)" on levels that are complete. */
export function describeServiceAccess(s: ServiceAccess): string {
  if (s.full) return 'Full access';
  const parts = s.levels.map((l) => (l.granted >= l.total ? `${l.level} (full)` : `${l.level} (${l.granted} of ${l.total})`));
  return `Limited: ${parts.join(', ')}`;
}

/** A one-line summary for CodeLens-sized places: "Allow · S3: Limited (Read, Write) · EC2: Full access". */
export function formatAccessSummaryLine(summary: AccessSummary, maxServices = 3): string {
  if (summary.actionCount === 0) return `${summary.effect || 'No effect'} · no known actions`;
  const shown = summary.services.slice(0, maxServices).map((s) => `${s.prefix}: ${s.full ? 'Full access' : `Limited (${s.levels.map((l) => l.level).join(', ')})`}`);
  const more = summary.services.length > maxServices ? ` · +${summary.services.length - maxServices} more services` : '';
  const head = summary.negated ? `${summary.effect || 'No effect'} all except listed` : summary.effect || 'No effect';
  return `${head} · ${shown.join(' · ')}${more}`;
}

/** The markdown block hover shows: a list of services and their access. */
export function formatAccessSummaryMarkdown(summary: AccessSummary, maxServices = 20): string {
  const verb = summary.effect === 'Deny' ? 'denies' : 'allows';
  const lines: string[] = [];
  if (summary.actionCount === 0) {
    lines.push(`This statement ${verb} no known action.`);
  } else {
    const scope = summary.negated ? ' (NotAction: every action except the listed ones)' : '';
    lines.push(`**Policy summary**: this statement ${verb} ${summary.actionCount} action${summary.actionCount === 1 ? '' : 's'} in ${summary.services.length} service${summary.services.length === 1 ? '' : 's'}${scope}.`, '');
    // a list, not a table: it fits the hover's width
    for (const s of summary.services.slice(0, maxServices)) lines.push(`- ${escapeCell(s.name)} (\`${s.prefix}\`): ${describeServiceAccess(s)}`);
    if (summary.services.length > maxServices) lines.push(`- … and ${summary.services.length - maxServices} more services`);
  }
  if (summary.unmatched.length) lines.push('', `Not in the IAM data: ${summary.unmatched.map((u) => `\`${u}\``).join(', ')}.`);
  return lines.join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, '\\$&');
}
