// Aggregated usage -> identity policy documents. Actions with the same resource set share one statement
// (the fewest statements that grant exactly what was used); --minimize replaces groups of actions by
// "service:Prefix*" only where the catalogue expansion of the pattern is a subset of the observed actions;
// documents over the managed-policy size limit are split. Pure: no I/O.

import type { IamCatalog } from '../knowledge/catalog';
import type { ActionUsage } from './aggregate';

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** "Managed policy size ... 6,144 characters" (IAM User Guide, IAM and AWS STS quotas); whitespace does not count. */
export const MANAGED_POLICY_LIMIT = 6144;
export const QUOTAS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html';

export interface BuildOptions {
  readonly minimize?: boolean;
  /** characters without whitespace per document; default MANAGED_POLICY_LIMIT */
  readonly sizeLimit?: number;
}

export interface BuiltPolicies {
  /** all statements in one document */
  readonly policy: PolicyDocument;
  /** the same statements split into documents within the size limit (one element when it fits) */
  readonly policies: PolicyDocument[];
}

const one = (list: string[]): string | string[] => (list.length === 1 ? list[0]! : list);

export function buildPolicies(catalog: IamCatalog, usage: Iterable<ActionUsage>, options: BuildOptions = {}): BuiltPolicies {
  const groups = new Map<string, { resources: string[]; actions: string[] }>();
  for (const u of usage) {
    const resources = [...u.resources].sort();
    if (resources.length === 0) continue;
    const key = resources.join('\n');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { resources, actions: [] }));
    g.actions.push(u.action);
  }
  const statements: PolicyStatement[] = [];
  for (const g of groups.values()) {
    const actions = g.actions.sort(byName);
    const written = options.minimize ? minimizeActions(catalog, actions) : actions;
    statements.push({ Effect: 'Allow', Action: one(written), Resource: one(g.resources) });
  }
  statements.sort((a, b) => byName(first(a.Action), first(b.Action)));
  const policy: PolicyDocument = { Version: '2012-10-17', Statement: statements.map(withSid) };
  return { policy, policies: splitBySize(statements, options.sizeLimit ?? MANAGED_POLICY_LIMIT) };
}

const first = (v: string | string[]): string => (Array.isArray(v) ? v[0]! : v);
const byName = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

const withSid = (s: PolicyStatement, i: number): PolicyStatement => ({ Sid: sidFor(s, i), Effect: 'Allow', Action: s.Action, Resource: s.Resource });

/** "S3GetObject1": the first action's service and name plus the position, unique and valid ([A-Za-z0-9]). */
function sidFor(s: PolicyStatement, i: number): string {
  const [svc = '', name = ''] = first(s.Action).split(':');
  const cap = (t: string): string => t.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase());
  return `${cap(svc)}${cap(name.replace(/\*$/, 'All'))}${i + 1}`.slice(0, 100);
}

/**
 * Greedy wildcard collapsing per service: for each action (in order), the shortest "prefix:Name*" whose
 * catalogue expansion is entirely within the observed set and covers at least two actions. The result is
 * checked by expanding it again: it must grant exactly the observed actions.
 */
export function minimizeActions(catalog: IamCatalog, actions: readonly string[]): string[] {
  const observed = new Set(actions.map((a) => a.toLowerCase()));
  const covered = new Set<string>();
  const out: string[] = [];
  for (const action of actions) {
    if (covered.has(action.toLowerCase())) continue;
    const [svc, name] = action.split(':') as [string, string];
    let chosen: string | undefined;
    for (let len = 1; len < name.length; len++) {
      const pattern = `${svc}:${name.slice(0, len)}*`;
      const expanded = catalog.expandActions(pattern);
      if (expanded.length >= 2 && expanded.every((a) => observed.has(a.fullName.toLowerCase()))) {
        chosen = pattern;
        for (const a of expanded) covered.add(a.fullName.toLowerCase());
        break;
      }
    }
    if (chosen) out.push(chosen);
    else {
      out.push(action);
      covered.add(action.toLowerCase());
    }
  }
  // verification by expansion: exactly the observed actions, nothing more (a pattern the catalogue cannot
  // expand would be refused here too)
  const granted = new Set(out.flatMap((p) => (p.includes('*') ? catalog.expandActions(p).map((a) => a.fullName.toLowerCase()) : [p.toLowerCase()])));
  if (granted.size !== observed.size || [...granted].some((a) => !observed.has(a))) return [...actions];
  return [...new Set(out)];
}

/** Length as IAM counts it for the quota: the JSON without whitespace. */
export function policySize(doc: PolicyDocument): number {
  return JSON.stringify(doc).length;
}

function splitBySize(statements: PolicyStatement[], limit: number): PolicyDocument[] {
  const docs: PolicyDocument[] = [];
  const empty = (): PolicyDocument => ({ Version: '2012-10-17', Statement: [] });
  const base = policySize(empty());
  let current = empty();
  // base - 1: the first statement adds no comma, and `len` counts one for every statement
  let size = base - 1;
  const pieces = statements.flatMap((s) => splitStatement(s, limit - base - 120));
  for (const s of pieces) {
    // sized with a Sid of the widest numbering the document could give it
    const len = JSON.stringify(withSid(s, 9999)).length + 1;
    if (current.Statement.length > 0 && size + len > limit) {
      docs.push(current);
      current = empty();
      size = base - 1;
    }
    current.Statement.push(s);
    size += len;
  }
  if (current.Statement.length > 0 || docs.length === 0) docs.push(current);
  // Sids stay unique within each document: renumber per document
  return docs.map((d) => ({ Version: d.Version, Statement: d.Statement.map(withSid) }));
}

/** A statement larger than a whole document is cut into statements with parts of its Action (or Resource) list. */
function splitStatement(s: PolicyStatement, room: number): PolicyStatement[] {
  if (JSON.stringify(s).length <= room) return [{ ...s }];
  const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
  const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
  const [list, make] =
    actions.length >= resources.length
      ? [actions, (part: string[]): PolicyStatement => ({ Effect: 'Allow', Action: one(part), Resource: s.Resource })]
      : [resources, (part: string[]): PolicyStatement => ({ Effect: 'Allow', Action: s.Action, Resource: one(part) })];
  if (list.length < 2) return [{ ...s }];
  const half = Math.ceil(list.length / 2);
  return [...splitStatement(make(list.slice(0, half)), room), ...splitStatement(make(list.slice(half)), room)];
}
