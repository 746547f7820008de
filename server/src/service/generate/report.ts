// The generation report: the fixed JSON shape of `generate --format json` (commands.md) plus extra detail
// fields, and the Markdown the editor opens beside the policy. Also --compare: grants of an existing policy
// that the logs never used. Pure: takes the aggregate and the built policies.

import type { IamCatalog } from '../knowledge/catalog';
import type { GenerateAggregator } from './aggregate';
import { MAX_RESOURCES_PER_ACTION } from './aggregate';
import type { BuiltPolicies, PolicyDocument } from './buildPolicy';
import { MANAGED_POLICY_LIMIT, QUOTAS_URL, policySize } from './buildPolicy';
import type { MappingProvenance } from './actionMapping';
import { unusedResourceGrants, type UnusedResourceGrant } from './compareResources';

const PASSROLE_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';
const DATA_EVENTS_URL = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html';

/** Calls that are data events (not in trails by default), per service whose management calls were seen. */
const DATA_EVENT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  s3: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  lambda: ['lambda:InvokeFunction'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:Scan'],
};

export interface NotLogged {
  readonly action: string;
  readonly why: string;
  readonly resource?: string;
}

export interface UsageDetail {
  readonly action: string;
  readonly count: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly events: readonly { readonly event: string; readonly provenance: string }[];
  readonly resources: readonly string[];
  readonly placeholder: boolean;
  readonly generalised: boolean;
}

export interface GenerateReport {
  readonly events: number;
  readonly used: string[];
  readonly denied: string[];
  readonly notLogged: NotLogged[];
  readonly unmapped: { eventSource: string; eventName: string; count: number }[];
  readonly unusedGrants: string[];
  // extra detail (commands.md allows extra fields)
  /** with --compare: Resource entries of the compared policy that no logged call of a used action fell under */
  readonly unusedResourceGrants: UnusedResourceGrant[];
  readonly records: number;
  readonly malformed: number;
  readonly usage: UsageDetail[];
  readonly deniedDetail: { action: string; count: number; firstSeen: string; lastSeen: string; errorCodes: string[] }[];
  readonly policies: number;
  readonly sizes: number[];
}

function provenanceText(p: MappingProvenance): string {
  switch (p.kind) {
    case 'catalog':
      return 'catalogue action of the same name';
    case 'table':
      return `mapping table: ${p.source}`;
    case 'versionSuffix':
      return `API version suffix removed: ${p.source}`;
    case 'httpVerb':
      return `API Gateway HTTP method: ${p.source}`;
  }
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildReport(catalog: IamCatalog, agg: GenerateAggregator, built: BuiltPolicies, compare?: unknown): GenerateReport {
  const usage = [...agg.usage.values()].sort((a, b) => byKey(a.action, b.action));
  const used = usage.map((u) => u.action);
  const usedSet = new Set(used.map((a) => a.toLowerCase()));
  const notLogged: NotLogged[] = [];
  for (const p of [...agg.passedRoles.values()].sort((a, b) => byKey(a.role, b.role))) {
    notLogged.push({
      action: 'iam:PassRole',
      resource: p.role.startsWith('arn:') ? p.role : undefined,
      why: `CloudTrail does not log iam:PassRole; ${[...p.events].sort(byKey).join(', ')} passed ${p.role} (${p.count}×): grant iam:PassRole on it if those calls are to keep working (${PASSROLE_URL})`,
    } as NotLogged);
  }
  if (!agg.sawDataEvents) {
    const services = new Set(used.map((a) => a.split(':')[0]!));
    for (const [svc, actions] of Object.entries(DATA_EVENT_ACTIONS)) {
      if (!services.has(svc)) continue;
      for (const action of actions) {
        if (usedSet.has(action.toLowerCase()) || !catalog.getAction(action)) continue;
        notLogged.push({ action, why: `the logs hold no data events (trails record management events only unless data events are enabled), so ${action} calls would not appear (${DATA_EVENTS_URL})` });
      }
    }
  }
  const denied = [...agg.denied.values()].sort((a, b) => byKey(a.action, b.action));
  return {
    events: agg.events,
    used,
    denied: denied.map((d) => d.action),
    notLogged,
    unmapped: [...agg.unmapped.values()].sort((a, b) => b.count - a.count || byKey(a.eventSource + a.eventName, b.eventSource + b.eventName)).map((u) => ({ eventSource: u.eventSource, eventName: u.eventName, count: u.count })),
    unusedGrants: compare === undefined ? [] : unusedGrants(catalog, compare, usedSet),
    unusedResourceGrants: compare === undefined ? [] : unusedResourceGrants(catalog, compare, agg.usage),
    records: agg.records,
    malformed: agg.malformed,
    usage: usage.map((u) => ({
      action: u.action,
      count: u.count,
      firstSeen: u.firstSeen,
      lastSeen: u.lastSeen,
      // sorted, like every list here: the report must not depend on the order records arrived in (--jobs N
      // merges worker states in the order the workers finish)
      events: [...u.events].sort((a, b) => byKey(a[0], b[0])).map(([event, p]) => ({ event, provenance: provenanceText(p) })),
      resources: [...u.resources].sort(),
      placeholder: u.placeholder,
      generalised: u.generalised,
    })),
    deniedDetail: denied.map((d) => ({ action: d.action, count: d.count, firstSeen: d.firstSeen, lastSeen: d.lastSeen, errorCodes: [...d.errorCodes].sort() })),
    policies: built.policies.length,
    sizes: built.policies.map(policySize),
  };
}

/**
 * Actions an existing policy allows that no logged call used: each Allow statement's Action patterns expanded
 * with the catalogue. NotAction statements are not expanded (they allow nearly everything; listing it would
 * bury the report) and Deny statements grant nothing.
 */
export function unusedGrants(catalog: IamCatalog, policy: unknown, usedLower: ReadonlySet<string>): string[] {
  const statements = (policy as { Statement?: unknown })?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const out = new Set<string>();
  for (const s of list) {
    if (typeof s !== 'object' || s === null) continue;
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Allow') continue;
    const actions = Array.isArray(st['Action']) ? st['Action'] : typeof st['Action'] === 'string' ? [st['Action']] : [];
    for (const pattern of actions) {
      if (typeof pattern !== 'string') continue;
      for (const a of catalog.expandActions(pattern)) if (!usedLower.has(a.fullName.toLowerCase())) out.add(a.fullName);
    }
  }
  return [...out].sort(byKey);
}

/** The report as Markdown, for the editor (opened beside the generated policy) and `--format markdown`. */
export function reportMarkdown(report: GenerateReport, options: { principal?: string; sources?: readonly string[] } = {}): string {
  const lines: string[] = ['# Policy generated from CloudTrail logs', ''];
  if (options.principal) lines.push(`Principal: \`${options.principal}\``, '');
  if (options.sources?.length) lines.push(`Logs: ${options.sources.map((s) => `\`${s}\``).join(', ')}`, '');
  lines.push(`${report.records} records read, ${report.events} API calls kept${report.malformed ? `, ${report.malformed} malformed records skipped` : ''}.`, '');
  if (report.policies > 1) lines.push(`The policy is split into ${report.policies} documents (${report.sizes.join(', ')} characters): a managed policy holds at most ${MANAGED_POLICY_LIMIT} characters without whitespace ([quotas](${QUOTAS_URL})).`, '');
  lines.push('## Used actions', '');
  if (report.usage.length === 0) lines.push('None.', '');
  else {
    lines.push('| Action | Calls | First seen | Last seen | From | Resources |', '|---|---:|---|---|---|---|');
    for (const u of report.usage) {
      const res = u.resources.length > 3 ? `${u.resources.slice(0, 3).map(code).join('<br>')}<br>… ${u.resources.length - 3} more` : u.resources.map(code).join('<br>');
      const notes = `${u.placeholder ? ' (placeholder: the logs did not name the resource)' : ''}${u.generalised ? ` (more than ${MAX_RESOURCES_PER_ACTION} resources: generalised with wildcards)` : ''}`;
      lines.push(`| \`${u.action}\` | ${u.count} | ${u.firstSeen} | ${u.lastSeen} | ${u.events.map((e) => `${e.event} (${e.provenance})`).join('; ')} | ${res}${notes} |`);
    }
    lines.push('');
  }
  lines.push('## Denied attempts (not granted)', '');
  if (report.deniedDetail.length === 0) lines.push('None.', '');
  else for (const d of report.deniedDetail) lines.push(`- \`${d.action}\`: ${d.count} × ${d.errorCodes.join(', ')} (${d.firstSeen} – ${d.lastSeen})`);
  if (report.deniedDetail.length) lines.push('');
  lines.push('## Likely needed but not logged (not granted)', '');
  if (report.notLogged.length === 0) lines.push('None.', '');
  else for (const n of report.notLogged) lines.push(`- \`${n.action}\`${n.resource ? ` on \`${n.resource}\`` : ''}: ${n.why}`);
  if (report.notLogged.length) lines.push('');
  lines.push('## Unmapped events (not granted)', '');
  if (report.unmapped.length === 0) lines.push('None.', '');
  else for (const u of report.unmapped) lines.push(`- \`${u.eventSource}\` \`${u.eventName}\`: ${u.count} × (no IAM action is known for this call; nothing was guessed)`);
  if (report.unmapped.length) lines.push('');
  if (report.unusedGrants.length) {
    lines.push('## Granted by the compared policy but never used', '');
    for (const a of report.unusedGrants.slice(0, 500)) lines.push(`- \`${a}\``);
    if (report.unusedGrants.length > 500) lines.push(`- … ${report.unusedGrants.length - 500} more`);
    lines.push('');
  }
  if (report.unusedResourceGrants.length) {
    lines.push('## Used actions granted on resources no call used (compared policy)', '');
    const shown = report.unusedResourceGrants.slice(0, 500);
    for (const g of shown) lines.push(`- \`${g.action}\` on \`${g.resource}\``);
    if (report.unusedResourceGrants.length > 500) lines.push(`- … ${report.unusedResourceGrants.length - 500} more`);
    lines.push('');
  }
  return lines.join('\n');
}

const code = (s: string): string => `\`${s}\``;

export type { PolicyDocument };
