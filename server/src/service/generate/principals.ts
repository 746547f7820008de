// Principal naming for generation: which IAM role or user a record's call used, matched whatever way the user
// spells it. A role's ARN carries its path (arn:aws:iam::111122223333:role/service-role/app), the assumed-role
// session ARN does not (arn:aws:sts::111122223333:assumed-role/app/session): CloudTrail's userIdentity gives
// both, the role ARN in sessionContext.sessionIssuer.arn
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
// IAM role and user names are unique within the account and not distinguished by case
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html), so account + name, compared
// case-insensitively, names one role whatever path is written. Also remembers the paths the logs show, so
// that ARNs rebuilt from a bare roleName/userName get the role's real path.

import { isObject, str, type JsonObject } from './cloudTrailEvent';
import { slotOf } from './stringTally';
import { detach } from '../util/detach';

export interface NamedPrincipal {
  readonly kind: 'role' | 'user';
  readonly partition: string;
  readonly account: string;
  /** the path as written ("/" when none; unknown for a session ARN) */
  readonly path: string | undefined;
  readonly name: string;
  /** the session name, for an assumed-role ARN that has one */
  readonly session?: string;
}

const IAM_ARN = /^arn:([a-z-]+):iam::(\d{12}):(role|user)(\/(?:[^/]+\/)*)?([^/]+)$/;
const SESSION_ARN = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)(?:\/(.+))?$/;

/** A role or user ARN (with any path) or an assumed-role ARN (with or without the session) split up; else undefined. */
export function parsePrincipalArn(arn: string): NamedPrincipal | undefined {
  let m = IAM_ARN.exec(arn);
  if (m) return { kind: m[3] as 'role' | 'user', partition: m[1]!, account: m[2]!, path: m[4] ?? '/', name: m[5]! };
  m = SESSION_ARN.exec(arn);
  if (m) return { kind: 'role', partition: m[1]!, account: m[2]!, path: undefined, name: m[3]!, ...(m[4] ? { session: m[4] } : {}) };
  return undefined;
}

/** "role:111122223333:name" in lower case: one key per role or user whatever its path. */
export function principalKey(p: NamedPrincipal): string {
  return `${p.kind}:${p.account}:${p.name.toLowerCase()}`;
}

interface ParsedArn {
  readonly arn: string;
  readonly principal: NamedPrincipal | undefined;
  /** principalKey of the principal */
  readonly key: string | undefined;
}

/** the ARNs of records parsed lately: the same few callers and issuers come back on almost every record */
const parsedSlots: (ParsedArn | undefined)[] = new Array<ParsedArn | undefined>(64).fill(undefined);

/** parsePrincipalArn and principalKey of an ARN from a record, remembered in 64 slots (one comparison on a repeat). */
function parsedArn(arn: string): ParsedArn {
  const slot = slotOf(arn);
  const hit = parsedSlots[slot];
  if (hit !== undefined && hit.arn === arn) return hit;
  // a copy: the slot must not keep the text the record was read from alive (parts cut from it are cut from the copy)
  const own = detach(arn);
  const principal = parsePrincipalArn(own);
  return (parsedSlots[slot] = { arn: own, principal, key: principal ? principalKey(principal) : undefined });
}

/**
 * A --principal filter: an IAM role or user ARN with or without its path, or an assumed-role ARN without a
 * session, matches every call of that role/user; an assumed-role ARN with a session matches that session;
 * anything else must equal the record's principal or userIdentity.arn exactly.
 */
export class PrincipalFilter {
  private readonly parsed: NamedPrincipal | undefined;
  private readonly key: string | undefined;
  /**
   * Text every matching record contains, for skipping records before parsing them: the name for a role or
   * user (case-insensitive, since IAM names are), the whole ARN otherwise.
   */
  readonly needle: { readonly text: string; readonly caseInsensitive: boolean };

  constructor(readonly spec: string) {
    this.parsed = parsePrincipalArn(spec);
    this.key = this.parsed ? principalKey(this.parsed) : undefined;
    this.needle = this.parsed && !this.parsed.session ? { text: this.parsed.name, caseInsensitive: true } : { text: spec, caseInsensitive: false };
  }

  matches(record: JsonObject, principal: string | undefined, identityArn: string | undefined): boolean {
    const ui = record['userIdentity'];
    const ctx = isObject(ui) ? ui['sessionContext'] : undefined;
    const issuer = isObject(ctx) ? ctx['sessionIssuer'] : undefined;
    return this.matchesCall(principal, identityArn, isObject(issuer) ? str(issuer, 'arn') : undefined);
  }

  /**
   * `matches` with the record's userIdentity.arn and sessionIssuer.arn already read. The caller is the role (or
   * user) whose permissions the call used: the session issuer's role, with the session of the identity ARN,
   * else the identity ARN's own role or user; parses are remembered per ARN.
   */
  matchesCall(principal: string | undefined, identityArn: string | undefined, issuerArn: string | undefined): boolean {
    if (principal === this.spec || identityArn === this.spec) return true;
    const parsed = this.parsed;
    if (!parsed) return false;
    const issuer = issuerArn ? parsedArn(issuerArn) : undefined;
    const caller = issuer?.principal !== undefined ? issuer : identityArn ? parsedArn(identityArn) : undefined;
    if (caller?.principal === undefined || caller.key !== this.key) return false;
    // a session ARN names one session (the identity ARN's, when the issuer is the caller); the partition must agree too
    if (parsed.session !== undefined) {
      const own = caller === issuer && identityArn ? parsedArn(identityArn).principal : undefined;
      const session = own?.session ? own.session : caller.principal.session;
      if (session !== parsed.session) return false;
    }
    return caller.principal.partition === parsed.partition;
  }
}

/** Paths of roles and users as the logs show them (issuer ARNs, resources[], create calls' responses). */
export class PathBook {
  private readonly paths = new Map<string, NamedPrincipal>();
  private static readonly LIMIT = 10_000;

  note(arn: string | undefined): void {
    if (!arn || this.paths.size >= PathBook.LIMIT) return;
    // only an IAM ARN ("arn:<partition>:iam::") with a path has two slashes (cheap tests first: this runs on
    // several ARNs of every record)
    const colon = arn.indexOf(':', 4);
    if (colon < 0 || !arn.startsWith(':iam::', colon)) return;
    const slash = arn.indexOf('/', colon);
    if (slash < 0 || arn.indexOf('/', slash + 1) < 0) return;
    const { principal: p, key } = parsedArn(arn);
    if (!p || p.path === undefined || p.path === '/') return;
    this.paths.set(key!, p);
  }

  /** Learns from one record: the caller's ARNs, IAM ARNs in resources[] and a returned role/user ARN. */
  noteRecord(record: JsonObject): void {
    const ui = record['userIdentity'];
    let identityArn: string | undefined;
    let issuerArn: string | undefined;
    if (isObject(ui)) {
      identityArn = str(ui, 'arn');
      const ctx = ui['sessionContext'];
      const issuer = isObject(ctx) ? ctx['sessionIssuer'] : undefined;
      if (isObject(issuer)) issuerArn = str(issuer, 'arn');
    }
    this.noteCall(record, str(record, 'eventSource'), identityArn, issuerArn);
  }

  /** noteRecord with the record's eventSource, userIdentity.arn and sessionIssuer.arn already read. */
  noteCall(record: JsonObject, eventSource: string | undefined, identityArn: string | undefined, issuerArn: string | undefined): void {
    // runs on every record: no allocation, cheap tests first
    this.note(identityArn);
    this.note(issuerArn);
    const resources = record['resources'];
    if (Array.isArray(resources)) {
      for (let i = 0; i < resources.length && i < 100; i++) {
        const r = resources[i];
        if (isObject(r)) {
          const arn = r['ARN'];
          this.note(typeof arn === 'string' ? arn : str(r, 'arn'));
        }
      }
    }
    // IAM's CreateRole/CreateUser/GetRole... return {role: {arn}} / {user: {arn}}
    if (eventSource !== 'iam.amazonaws.com') return;
    const response = record['responseElements'];
    if (isObject(response)) {
      const role = response['role'];
      if (isObject(role)) this.note(str(role, 'arn'));
      const user = response['user'];
      if (isObject(user)) this.note(str(user, 'arn'));
    }
  }

  /** The ARN with the path the logs showed for that role/user, when a path-less ARN names one with a path. */
  withPath(arn: string): string {
    const p = parsePrincipalArn(arn);
    if (!p || p.session !== undefined || p.path !== '/') return arn;
    const known = this.paths.get(principalKey(p));
    if (!known || known.partition !== p.partition) return arn;
    return `arn:${p.partition}:iam::${p.account}:${p.kind}${known.path}${known.name}`;
  }

  entries(): Iterable<NamedPrincipal> {
    return this.paths.values();
  }

  merge(other: Iterable<NamedPrincipal>): void {
    for (const p of other) if (this.paths.size < PathBook.LIMIT) this.paths.set(principalKey(p), p);
  }
}
