// Folds CloudTrail records, one at a time, into what generation needs: per action its count, first/last
// time, the events that used it and its resources; denied attempts; unmapped event kinds; roles passed to
// services; principals seen. Memory is bounded by the number of distinct actions, event kinds and
// resources (resources per action are capped and then generalised, and the report says so), never by the
// number of records.

import type { IamCatalog } from '../knowledge/catalog';
import { mapEvent, type EventMapping, type MappingProvenance } from './actionMapping';
import { isDenied, isObject, type Json, type JsonObject } from './cloudTrailEvent';
import { ArnList, collectResources } from './eventResources';
import { detach } from '../util/detach';
import { StringTally } from './stringTally';
import { addResource, mergeResources, withoutCovered } from './resourceLevels';
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
  /** how many segments every ARN in `resources` was cut back (resourceLevels.ts) */
  level: number;
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

export { MAX_RESOURCES_PER_ACTION } from './resourceLevels';
const MAX_PRINCIPALS = 10_000;
const MAX_UNMAPPED = 10_000;
/** distinct (eventSource, eventName) kinds whose mapping is kept at hand; a log has few, a hostile one many */
const MAX_KINDS = 50_000;

/** One event kind's mapping and its "eventSource eventName" text, looked up once per kind. */
interface Kind {
  readonly mapping: EventMapping;
  readonly eventSource: string;
  readonly eventName: string;
  /** "eventSource eventName": the usage's event and the unmapped entry's key */
  readonly text: string;
}

/** ARNs of the current record and action (collectResources appends; reused so that a record allocates no list) */
const arnScratch = new ArnList();

/** The value if it is a string (record fields are read by literal name, so each read has its own inline cache). */
const asString = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

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
  /** counts of `principals` (kept in a tally: the same few principals call on almost every record) */
  private readonly principalTally = new StringTally(new Map<string, number>(), MAX_PRINCIPALS);

  /** every principal of an API call in the logs (before the principal filter), with its count */
  get principals(): Map<string, number> {
    this.principalTally.flush();
    return this.principalTally.map;
  }

  /** role and user paths the logs show (ARNs rebuilt from a bare name get them in generateResult) */
  readonly paths = new PathBook();

  private readonly principal: PrincipalFilter | undefined;

  constructor(
    private readonly catalog: IamCatalog,
    private readonly filter: GenerateFilter = {},
  ) {
    this.principal = filter.principal !== undefined ? new PrincipalFilter(filter.principal) : undefined;
  }

  /** kinds by eventSource, then eventName (two lookups of the record's own strings, no key built per record) */
  private readonly kinds = new Map<string, Map<string, Kind>>();
  private kindCount = 0;

  private kindOf(eventSource: string, eventName: string): Kind {
    let byName = this.kinds.get(eventSource);
    let kind = byName?.get(eventName);
    if (kind !== undefined) return kind;
    if (this.kindCount >= MAX_KINDS) {
      this.kinds.clear();
      this.kindCount = 0;
      byName = undefined;
    }
    // detached copies: a key must not keep the text the record was read from alive
    const source = detach(eventSource);
    const name = detach(eventName);
    if (byName === undefined) this.kinds.set(source, (byName = new Map()));
    byName.set(name, (kind = { mapping: mapEvent(this.catalog, source, name), eventSource: source, eventName: name, text: `${source} ${name}` }));
    this.kindCount++;
    return kind;
  }

  add(record: unknown): void {
    this.records++;
    if (!isObject(record)) {
      this.malformed++;
      return;
    }
    const eventSource = asString(record['eventSource']);
    const eventName = asString(record['eventName']);
    if (!eventSource || !eventName) {
      this.malformed++;
      return;
    }
    // eventType values that are not calls made with the principal's permissions: sign-ins, service and Insights events
    const type = record['eventType'];
    if (typeof type === 'string' && type !== 'AwsApiCall') return;
    // the IAM identity whose permissions the call used: for an assumed role the role itself
    // (userIdentity.sessionContext.sessionIssuer.arn, CloudTrail userIdentity element), else the user's ARN;
    // AWS services are named by invokedBy, an account by its id
    const ui = record['userIdentity'];
    let principal: string | undefined;
    let identityArn: string | undefined;
    let issuerArn: string | undefined;
    if (isObject(ui)) {
      const ctx = ui['sessionContext'];
      const issuer = isObject(ctx) ? ctx['sessionIssuer'] : undefined;
      issuerArn = isObject(issuer) ? asString(issuer['arn']) : undefined;
      identityArn = asString(ui['arn']);
      principal = issuerArn || (identityArn ?? asString(ui['invokedBy']) ?? asString(ui['accountId']));
    }
    if (principal) this.principalTally.count(principal);
    const time = asString(record['eventTime']) ?? '';
    if (this.filter.since !== undefined || this.filter.until !== undefined) {
      const t = Date.parse(time);
      if (Number.isNaN(t)) return;
      if (this.filter.since !== undefined && t < this.filter.since) return;
      if (this.filter.until !== undefined && t > this.filter.until) return;
    }
    this.paths.noteCall(record, eventSource, identityArn, issuerArn);
    if (this.principal !== undefined && !this.principal.matchesCall(principal, identityArn, issuerArn)) return;
    this.events++;
    // data events (S3 object, Lambda Invoke, DynamoDB item calls) are off in trails by default
    if (!this.sawDataEvents && (record['eventCategory'] === 'Data' || record['managementEvent'] === false)) this.sawDataEvents = true;

    const kind = this.kindOf(eventSource, eventName);
    const mapping = kind.mapping;
    if (!mapping.mapped) {
      const u = this.unmapped.get(kind.text);
      if (u) u.count++;
      else if (this.unmapped.size < MAX_UNMAPPED) this.unmapped.set(kind.text, { eventSource: kind.eventSource, eventName: kind.eventName, count: 1, reason: mapping.reason });
      return;
    }
    const errorCode = asString(record['errorCode']);
    if (isDenied(errorCode)) {
      for (const action of mapping.actions) {
        let d = this.denied.get(action);
        if (!d) this.denied.set(action, (d = { action, count: 0, firstSeen: time, lastSeen: time, errorCodes: new Set() }));
        d.count++;
        if (time < d.firstSeen) d.firstSeen = time;
        if (time > d.lastSeen) d.lastSeen = time;
        d.errorCodes.add(errorCode!);
      }
      return;
    }
    for (let i = 0; i < mapping.actions.length; i++) {
      const action = mapping.actions[i]!;
      let u = this.usage.get(action);
      if (!u) this.usage.set(action, (u = { action, count: 0, firstSeen: time, lastSeen: time, events: new Map(), resources: new Set(), placeholder: false, generalised: false, level: 0 }));
      u.count++;
      if (time < u.firstSeen) u.firstSeen = time;
      if (time > u.lastSeen) u.lastSeen = time;
      if (u.events.size < 100) u.events.set(kind.text, mapping.provenance);
      arnScratch.n = 0;
      if (collectResources(mapping.infos[i]!, record, arnScratch)) u.placeholder = true;
      const arns = arnScratch.arns;
      for (let a = 0; a < arnScratch.n; a++) addResource(u, arns[a]!);
    }
    // STS and IAM name roles as the subject of the call (AssumeRole's roleArn is the role assumed), not as a
    // role handed to a service
    if (eventSource !== 'sts.amazonaws.com' && eventSource !== 'iam.amazonaws.com') this.notePassedRoles(record, kind.text);
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
      mergeResources(u, o);
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
    const principals = this.principals;
    for (const [principal, n] of other.principals) {
      if (principals.size < MAX_PRINCIPALS || principals.has(principal)) principals.set(principal, (principals.get(principal) ?? 0) + n);
    }
    this.paths.merge(other.paths);
  }

  /**
   * The resource sets as the policy shows them: a generalised set without the entries one of its wildcards
   * covers (ARNs of different depths cut back the same number of levels). Idempotent; generateResult calls it.
   */
  dropCoveredResources(): void {
    for (const u of this.usage.values()) {
      if (!u.generalised) continue;
      const kept = withoutCovered(u.resources);
      if (kept.length === u.resources.size) continue;
      u.resources.clear();
      for (const a of kept) u.resources.add(a);
    }
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
    const walk: RoleWalk = { budget: 300, kind, book: this.passedRoles };
    visitRoles(walk, params, '', 0);
  }
}

interface RoleWalk {
  budget: number;
  readonly kind: string;
  readonly book: Map<string, PassedRole>;
}

/**
 * The role and instance-profile ARNs of a request, under a parameter whose name mentions a role or an
 * instance profile, at most 300 values and 6 levels deep. A value is tested as an IAM ARN before its name is
 * lowercased: most values are not.
 */
function visitRoles(walk: RoleWalk, v: Json, key: string, depth: number): void {
  if (--walk.budget < 0 || depth > 6) return;
  if (typeof v === 'string') {
    if (!v.startsWith('arn:aws')) return;
    const k = key.toLowerCase();
    if (!k.includes('role') && !k.includes('instanceprofile')) return;
    let role: string | undefined;
    if (/^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/.test(v)) role = v;
    else if (/^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/\S+$/.test(v)) role = `the role of ${v}`;
    if (!role) return;
    let p = walk.book.get(role);
    if (!p) {
      if (walk.book.size >= 1000) return;
      walk.book.set(role, (p = { role, count: 0, events: new Set() }));
    }
    p.count++;
    if (p.events.size < 20) p.events.add(walk.kind);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length && walk.budget >= 0; i++) visitRoles(walk, v[i]!, key, depth + 1);
  } else if (isObject(v)) {
    for (const k in v) {
      if (walk.budget < 0) return;
      visitRoles(walk, v[k]!, k, depth + 1);
    }
  }
}

