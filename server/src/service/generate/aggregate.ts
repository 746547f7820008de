// Folds CloudTrail records, one at a time, into what generation needs: per action its count, first/last
// time, the events that used it and its resources; denied attempts; unmapped event kinds; roles passed to
// services; principals seen. Memory is bounded by the number of distinct actions, event kinds and
// resources (resources per action are capped and then generalised, and the report says so), never by the
// number of records.

import type { IamCatalog } from '../knowledge/catalog';
import { mapEvent, type MappingProvenance } from './actionMapping';
import { identityArnOf, isApiCall, isDataEvent, isDenied, isObject, principalOf, str, type JsonObject } from './cloudTrailEvent';
import { resourcesFor } from './eventResources';
import { PathBook, PrincipalFilter, type NamedPrincipal } from './principals';

export interface GenerateFilter {
  /**
   * an IAM user or role ARN, with or without its path, or an assumed-role ARN with or without the session
   * (principals.ts PrincipalFilter)
   */
  readonly principal?: string;
  /** epoch milliseconds, inclusive */
  readonly since?: number;
  readonly until?: number;
}

export interface ActionUsage {
  readonly action: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** "eventSource eventName" kinds that needed the action, with the mapping's provenance */
  readonly events: Map<string, MappingProvenance>;
  readonly resources: Set<string>;
  placeholder: boolean;
  /** set when more distinct resources were seen than kept, and the ARNs were generalised */
  generalised: boolean;
}

export interface DeniedUsage {
  readonly action: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  readonly errorCodes: Set<string>;
}

export interface PassedRole {
  readonly role: string;
  count: number;
  readonly events: Set<string>;
}

export interface Unmapped {
  readonly eventSource: string;
  readonly eventName: string;
  count: number;
  readonly reason: 'unknownService' | 'unknownAction';
}

export interface AggregatorState {
  readonly records: number;
  readonly events: number;
  readonly malformed: number;
  readonly sawDataEvents: boolean;
  readonly usage: ReadonlyMap<string, ActionUsage>;
  readonly denied: ReadonlyMap<string, DeniedUsage>;
  readonly unmapped: ReadonlyMap<string, Unmapped>;
  readonly passedRoles: ReadonlyMap<string, PassedRole>;
  readonly principals: ReadonlyMap<string, number>;
  readonly paths: readonly NamedPrincipal[];
}

/** distinct resources kept per action before they are generalised */
export const MAX_RESOURCES_PER_ACTION = 200;
const MAX_PRINCIPALS = 10_000;
const MAX_UNMAPPED = 10_000;

export class GenerateAggregator {
  /** records read (every record, before any filter) */
  records = 0;
  /** records that passed the filters and are API calls: the report's "events" */
  events = 0;
  /** records that were not JSON objects, or lacked eventSource/eventName */
  malformed = 0;
  sawDataEvents = false;
  readonly usage = new Map<string, ActionUsage>();
  readonly denied = new Map<string, DeniedUsage>();
  readonly unmapped = new Map<string, Unmapped>();
  readonly passedRoles = new Map<string, PassedRole>();
  /** every principal of an API call in the logs (before the principal filter), with its count */
  readonly principals = new Map<string, number>();

  /** role and user paths the logs show (ARNs rebuilt from a bare name get them in generateResult) */
  readonly paths = new PathBook();

  private readonly principal: PrincipalFilter | undefined;

  constructor(
    private readonly catalog: IamCatalog,
    private readonly filter: GenerateFilter = {},
  ) {
    this.principal = filter.principal !== undefined ? new PrincipalFilter(filter.principal) : undefined;
  }

  add(record: unknown): void {
    this.records++;
    if (!isObject(record)) {
      this.malformed++;
      return;
    }
    const eventSource = str(record, 'eventSource');
    const eventName = str(record, 'eventName');
    if (!eventSource || !eventName) {
      this.malformed++;
      return;
    }
    if (!isApiCall(record)) return;
    const principal = principalOf(record);
    if (principal && (this.principals.size < MAX_PRINCIPALS || this.principals.has(principal))) this.principals.set(principal, (this.principals.get(principal) ?? 0) + 1);
    const time = str(record, 'eventTime') ?? '';
    if (this.filter.since !== undefined || this.filter.until !== undefined) {
      const t = Date.parse(time);
      if (Number.isNaN(t)) return;
      if (this.filter.since !== undefined && t < this.filter.since) return;
      if (this.filter.until !== undefined && t > this.filter.until) return;
    }
    this.paths.noteRecord(record);
    if (this.principal !== undefined && !this.principal.matches(record, principal, identityArnOf(record))) return;
    this.events++;
    if (isDataEvent(record)) this.sawDataEvents = true;

    const mapping = mapEvent(this.catalog, eventSource, eventName);
    if (!mapping.mapped) {
      const key = `${eventSource} ${eventName}`;
      const u = this.unmapped.get(key);
      if (u) u.count++;
      else if (this.unmapped.size < MAX_UNMAPPED) this.unmapped.set(key, { eventSource, eventName, count: 1, reason: mapping.reason });
      return;
    }
    if (isDenied(str(record, 'errorCode'))) {
      for (const action of mapping.actions) {
        let d = this.denied.get(action);
        if (!d) this.denied.set(action, (d = { action, count: 0, firstSeen: time, lastSeen: time, errorCodes: new Set() }));
        d.count++;
        if (time < d.firstSeen) d.firstSeen = time;
        if (time > d.lastSeen) d.lastSeen = time;
        d.errorCodes.add(str(record, 'errorCode')!);
      }
      return;
    }
    const kind = `${eventSource} ${eventName}`;
    for (let i = 0; i < mapping.actions.length; i++) {
      const action = mapping.actions[i]!;
      let u = this.usage.get(action);
      if (!u) this.usage.set(action, (u = { action, count: 0, firstSeen: time, lastSeen: time, events: new Map(), resources: new Set(), placeholder: false, generalised: false }));
      u.count++;
      if (time < u.firstSeen) u.firstSeen = time;
      if (time > u.lastSeen) u.lastSeen = time;
      if (u.events.size < 100) u.events.set(kind, mapping.provenance);
      const res = resourcesFor(mapping.infos[i]!, record);
      for (const arn of res.arns) if (!u.generalised || !coveredByWildcard(u.resources, arn)) u.resources.add(arn);
      if (res.placeholder) u.placeholder = true;
      if (u.resources.size > MAX_RESOURCES_PER_ACTION) generalise(u);
    }
    // STS and IAM name roles as the subject of the call (AssumeRole's roleArn is the role assumed), not as a
    // role handed to a service
    if (eventSource !== 'sts.amazonaws.com' && eventSource !== 'iam.amazonaws.com') this.notePassedRoles(record, kind);
  }

  /**
   * Folds another aggregator's state in (the CLI reads files in worker threads, one aggregator each). The
   * argument may be a structured clone: only its data fields are read. Counts add up, first/last seen take the
   * earliest/latest, sets are united under the same bounds as `add`.
   */
  merge(other: AggregatorState): void {
    this.records += other.records;
    this.events += other.events;
    this.malformed += other.malformed;
    this.sawDataEvents ||= other.sawDataEvents;
    for (const [action, o] of other.usage) {
      const u = this.usage.get(action);
      if (!u) {
        this.usage.set(action, { ...o, events: new Map(o.events), resources: new Set(o.resources) });
        continue;
      }
      u.count += o.count;
      if (o.firstSeen < u.firstSeen) u.firstSeen = o.firstSeen;
      if (o.lastSeen > u.lastSeen) u.lastSeen = o.lastSeen;
      for (const [k, p] of o.events) if (u.events.size < 100) u.events.set(k, p);
      u.placeholder ||= o.placeholder;
      u.generalised ||= o.generalised;
      for (const arn of o.resources) if (!u.generalised || !coveredByWildcard(u.resources, arn)) u.resources.add(arn);
      if (u.resources.size > MAX_RESOURCES_PER_ACTION) generalise(u);
    }
    for (const [action, o] of other.denied) {
      const d = this.denied.get(action);
      if (!d) this.denied.set(action, { ...o, errorCodes: new Set(o.errorCodes) });
      else {
        d.count += o.count;
        if (o.firstSeen < d.firstSeen) d.firstSeen = o.firstSeen;
        if (o.lastSeen > d.lastSeen) d.lastSeen = o.lastSeen;
        for (const c of o.errorCodes) d.errorCodes.add(c);
      }
    }
    for (const [key, o] of other.unmapped) {
      const u = this.unmapped.get(key);
      if (u) u.count += o.count;
      else if (this.unmapped.size < MAX_UNMAPPED) this.unmapped.set(key, { ...o });
    }
    for (const [role, o] of other.passedRoles) {
      const p = this.passedRoles.get(role);
      if (!p) {
        if (this.passedRoles.size < 1000) this.passedRoles.set(role, { ...o, events: new Set(o.events) });
      } else {
        p.count += o.count;
        for (const e of o.events) if (p.events.size < 20) p.events.add(e);
      }
    }
    for (const [principal, n] of other.principals) {
      if (this.principals.size < MAX_PRINCIPALS || this.principals.has(principal)) this.principals.set(principal, (this.principals.get(principal) ?? 0) + n);
    }
    this.paths.merge(other.paths);
  }

  /**
   * Gives role and user ARNs rebuilt from a bare roleName/userName (which assume the default path "/") the
   * path the logs showed for that name. Idempotent; generateResult calls it.
   */
  applyKnownPaths(): void {
    for (const u of this.usage.values()) {
      let changed = false;
      const next: string[] = [];
      for (const arn of u.resources) {
        const full = this.paths.withPath(arn);
        if (full !== arn) changed = true;
        next.push(full);
      }
      if (!changed) continue;
      u.resources.clear();
      for (const a of next) u.resources.add(a);
    }
  }

  /** The data fields, for posting to another thread (Maps and Sets survive structured cloning). */
  state(): AggregatorState {
    return { records: this.records, events: this.events, malformed: this.malformed, sawDataEvents: this.sawDataEvents, usage: this.usage, denied: this.denied, unmapped: this.unmapped, passedRoles: this.passedRoles, principals: this.principals, paths: [...this.paths.entries()] };
  }

  /** Roles handed to a service in the request (iam:PassRole is checked but never logged as an event of its own). */
  private notePassedRoles(record: JsonObject, kind: string): void {
    const params = record['requestParameters'];
    if (!isObject(params)) return;
    let budget = 300;
    const visit = (v: unknown, key: string, depth: number): void => {
      if (--budget < 0 || depth > 6) return;
      if (typeof v === 'string') {
        const k = key.toLowerCase();
        if (!k.includes('role') && !k.includes('instanceprofile')) return;
        let role: string | undefined;
        if (/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/.test(v)) role = v;
        else if (/^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/\S+$/.test(v)) role = `the role of ${v}`;
        if (!role) return;
        let p = this.passedRoles.get(role);
        if (!p) {
          if (this.passedRoles.size >= 1000) return;
          this.passedRoles.set(role, (p = { role, count: 0, events: new Set() }));
        }
        p.count++;
        if (p.events.size < 20) p.events.add(kind);
      } else if (Array.isArray(v)) {
        for (const item of v) visit(item, key, depth + 1);
      } else if (isObject(v)) {
        for (const [k, item] of Object.entries(v)) visit(item, k, depth + 1);
      }
    };
    visit(params, '', 0);
  }
}

/**
 * Too many distinct resources for one action (object keys, typically): keep the ARNs' parents with a trailing
 * wildcard ("arn:aws:s3:::bucket/logs/*"), repeatedly, until the set is small again. This widens the policy
 * beyond what was observed, so the usage is marked and the report says so.
 */
function generalise(u: ActionUsage): void {
  let arns = [...u.resources];
  while (arns.length > MAX_RESOURCES_PER_ACTION / 2) {
    const next = new Set<string>();
    let changed = false;
    for (const arn of arns) {
      const body = arn.endsWith('/*') ? arn.slice(0, -2) : arn;
      const colon5 = nthColon(body, 5);
      const cut = Math.max(body.lastIndexOf('/'), body.lastIndexOf(':'));
      if (colon5 > 0 && cut > colon5) {
        next.add(`${body.slice(0, cut + 1)}*`);
        changed = true;
      } else next.add(arn);
    }
    arns = [...next];
    if (!changed) break;
  }
  u.resources.clear();
  for (const a of arns) u.resources.add(a);
  u.generalised = true;
}

/** True when a generalised ARN ("parent/*") in the set already covers this ARN. */
function coveredByWildcard(set: ReadonlySet<string>, arn: string): boolean {
  const colon5 = nthColon(arn, 5);
  if (colon5 < 0) return false;
  for (let i = arn.length - 1; i > colon5; i--) {
    const c = arn.charCodeAt(i);
    if ((c === 0x2f || c === 0x3a) && set.has(`${arn.slice(0, i + 1)}*`)) return true;
  }
  return false;
}

function nthColon(s: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf(':', i + 1);
    if (i < 0) return -1;
  }
  return i;
}
