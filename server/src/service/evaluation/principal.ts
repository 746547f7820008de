// Who is asking (CallerInfo, parsed from the request's principal string) and whether a statement's
// Principal/NotPrincipal names that caller, and how (account delegation, the exact principal, the role behind
// a session, a service). The decision logic (decision.ts) turns the "how" into the documented rules.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html

import type { PrincipalElement } from '../parser/policyModel';

export type CallerType = 'user' | 'role' | 'session' | 'federated-user' | 'root' | 'anonymous' | 'service' | 'federated';

export interface CallerInfo {
  readonly type: CallerType;
  /** the principal as given */
  readonly arn: string;
  readonly partition: string;
  readonly account: string | undefined;
  /** user or role name (roles: with path), federated-user name */
  readonly name: string | undefined;
  /** for role sessions and roles: the role's name without its path (assumed-role ARNs carry no path) */
  readonly roleName: string | undefined;
  /** the value of aws:PrincipalArn (for a role session: the role's ARN) */
  readonly principalArnKey: string | undefined;
  /** a service-linked role (path aws-service-role/): SCPs and RCPs do not restrict it */
  readonly serviceLinked: boolean;
}

const ACCOUNT = /^\d{12}$/;

/** Parses the request's principal. Unknown shapes are treated as a federated identity provider string. */
export function parseCaller(principal: string): CallerInfo {
  const p = principal.trim();
  const base = { arn: p, partition: 'aws', account: undefined, name: undefined, roleName: undefined, principalArnKey: undefined, serviceLinked: false };
  if (p === '' || p === '*' || p.toLowerCase() === 'anonymous') return { ...base, type: 'anonymous' };
  if (ACCOUNT.test(p)) return { ...base, type: 'root', account: p, principalArnKey: `arn:aws:iam::${p}:root` };
  if (p.startsWith('arn:')) {
    const f = p.split(':');
    const partition = f[1] ?? 'aws';
    const service = f[2] ?? '';
    const account = f[4] ?? '';
    const res = f.slice(5).join(':');
    const withArn = { ...base, partition, account: account || undefined };
    if (service === 'iam' && res === 'root') return { ...withArn, type: 'root', principalArnKey: p };
    if (service === 'iam' && res.startsWith('user/')) {
      const name = res.slice(res.lastIndexOf('/') + 1);
      return { ...withArn, type: 'user', name, principalArnKey: p };
    }
    if (service === 'iam' && res.startsWith('role/')) {
      const name = res.slice(res.lastIndexOf('/') + 1);
      return { ...withArn, type: 'role', name: res.slice(5), roleName: name, principalArnKey: p, serviceLinked: res.startsWith('role/aws-service-role/') };
    }
    if (service === 'sts' && res.startsWith('assumed-role/')) {
      const parts = res.split('/');
      const roleName = parts[1] ?? '';
      // aws:PrincipalArn of a role session is the role's ARN (the path is not in the session ARN)
      return { ...withArn, type: 'session', name: parts.slice(2).join('/'), roleName, principalArnKey: `arn:${partition}:iam::${account}:role/${roleName}` };
    }
    if (service === 'sts' && res.startsWith('federated-user/')) {
      return { ...withArn, type: 'federated-user', name: res.slice('federated-user/'.length), principalArnKey: p };
    }
    return { ...withArn, type: 'federated' };
  }
  // "lambda.amazonaws.com", "elasticloadbalancing.amazonaws.com", …
  if (/\.amazonaws\.com(\.cn)?$/i.test(p) && !/^(cognito-identity|accounts\.google|graph\.facebook|www\.amazon)\./i.test(p)) return { ...base, type: 'service' };
  return { ...base, type: 'federated' };
}

/**
 * How a Principal entry names the caller:
 * - wildcard: "*" (everyone, anonymous included);
 * - account: the caller's account (12 digits or :root): it delegates to the account's own policies;
 * - direct: the exact IAM user, role session, federated-user session, service or identity provider;
 * - role: the role behind a role session (a grant to the role ARN is limited by boundaries and session policies);
 * - none.
 */
export type PrincipalMatch = 'wildcard' | 'account' | 'direct' | 'role' | 'none';

/** The strongest way any entry of the element names the caller (ignores Principal vs NotPrincipal). */
export function principalMatch(el: PrincipalElement, caller: CallerInfo): { match: PrincipalMatch; entry?: string } {
  if (el.wildcard) return el.wildcard.value === '*' ? { match: 'wildcard', entry: '*' } : { match: 'none' };
  let best: PrincipalMatch = 'none';
  let bestEntry: string | undefined;
  const rank: Record<PrincipalMatch, number> = { none: 0, account: 1, role: 2, direct: 3, wildcard: 4 };
  for (const entry of el.entries) {
    const type = entry.type.value;
    for (const v of entry.values) {
      const m = matchOne(type, v.value, caller);
      if (rank[m] > rank[best]) {
        best = m;
        bestEntry = v.value;
      }
    }
  }
  return bestEntry === undefined ? { match: 'none' } : { match: best, entry: bestEntry };
}

function matchOne(type: string, value: string, caller: CallerInfo): PrincipalMatch {
  if (type === 'AWS') {
    if (value === '*') return 'wildcard';
    if (caller.type === 'anonymous' || caller.type === 'service' || caller.type === 'federated') return 'none';
    if (ACCOUNT.test(value)) return caller.account === value ? 'account' : 'none';
    if (!value.startsWith('arn:')) return 'none';
    const f = value.split(':');
    const account = f[4] ?? '';
    const res = f.slice(5).join(':');
    if (account !== caller.account || (f[1] ?? '') !== caller.partition) return 'none';
    // No partial wildcards in Principal (only "*" alone): a value with * matches nothing.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
    if (value.includes('*')) return 'none';
    if (f[2] === 'iam' && res === 'root') return 'account';
    if (f[2] === 'iam' && res.startsWith('user/')) return caller.type === 'user' && value === caller.arn ? 'direct' : 'none';
    if (f[2] === 'iam' && res.startsWith('role/')) {
      const name = res.slice(res.lastIndexOf('/') + 1);
      if (caller.type === 'role') return value === caller.arn ? 'role' : 'none';
      // a role session: its ARN carries the role name but not the path
      if (caller.type === 'session') return name === caller.roleName ? 'role' : 'none';
      return 'none';
    }
    if (f[2] === 'sts' && (res.startsWith('assumed-role/') || res.startsWith('federated-user/'))) return value === caller.arn ? 'direct' : 'none';
    return 'none';
  }
  if (type === 'Service') return caller.type === 'service' && value.toLowerCase() === caller.arn.toLowerCase() ? 'direct' : 'none';
  if (type === 'Federated' || type === 'CanonicalUser') return (caller.type === 'federated' || caller.type === 'service') && value === caller.arn ? 'direct' : 'none';
  return 'none';
}

/**
 * NotPrincipal names the caller only by its exact entity: the IAM user, the role session (or role), the federated
 * user, the service, or the account for its root user. An account or role ARN in NotPrincipal does not cover the
 * users and sessions inside it, unlike in Principal: AWS validates each layer (account, role, session) separately,
 * and "all principals except the user named Bob" needs Bob's own ARN listed
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 */
export function notPrincipalNames(el: PrincipalElement, caller: CallerInfo): boolean {
  if (el.wildcard) return el.wildcard.value === '*';
  for (const entry of el.entries) {
    for (const v of entry.values) {
      const m = matchOne(entry.type.value, v.value, caller);
      if (m === 'wildcard' || m === 'direct') return true;
      if (m === 'account' && caller.type === 'root') return true;
      if (m === 'role' && caller.type === 'role') return true;
    }
  }
  return false;
}
