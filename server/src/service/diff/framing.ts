// How a witness request is framed for each policy type, the same way for the local search and the engine: who
// calls, which account owns the resource, and the context keys the engine derives from them (so the search
// proposes only requests the engine sees the same way). Identity-like policies: an IAM user of the resource's
// account. Resource and trust policies: the witness principal, calling across accounts, with an identity policy
// that allows everything, so that the resource policy alone decides.

import type { PolicyType } from '../parser/policyModel';
import { principalAccount } from '../knowledge/principals';
import type { Context } from './conditions';

export const WITNESS_ACCOUNT = '123456789012';
/** the identity-side caller for identity, boundary, SCP and RCP witnesses */
export const WITNESS_CALLER = `arn:aws:iam::${WITNESS_ACCOUNT}:user/zz-witness`;

export interface Framing {
  readonly caller: string;
  readonly resourceAccount: string;
}

/** Resource-side policies decide with the principal; the others with a fixed caller. */
export function isResourceSide(type: PolicyType): boolean {
  return type === 'resource' || type === 'trust';
}

export function framingFor(type: PolicyType, principal: { readonly type: string; readonly value: string } | undefined): Framing {
  if (!isResourceSide(type) || !principal) return { caller: WITNESS_CALLER, resourceAccount: WITNESS_ACCOUNT };
  const account = principal.type === 'AWS' ? principalAccount(principal.value) : undefined;
  return { caller: principal.value, resourceAccount: account === '999900001111' ? '999900002222' : '999900001111' };
}

/** Lowercased names of the keys the engine derives (evaluation/context.ts). */
export const DERIVED_KEYS: ReadonlySet<string> = new Set(['aws:principalarn', 'aws:principalaccount', 'aws:principaltype', 'aws:username', 'aws:principalservicename', 'aws:resourceaccount']);

/** The derived keys for a framing, overridden by the explicit context (as the engine does). */
export function withDerived(explicit: Context, f: Framing): Context {
  const out = new Map<string, { key: string; values: readonly string[] }>();
  const put = (key: string, value: string | undefined): void => {
    if (value !== undefined) out.set(key.toLowerCase(), { key, values: [value] });
  };
  const c = f.caller;
  const m = /^arn:[^:]*:iam::(\d{12}):(user|role)\/(.*)$/.exec(c);
  if (m) {
    put('aws:PrincipalArn', c);
    put('aws:PrincipalAccount', m[1]);
    put('aws:PrincipalType', m[2] === 'user' ? 'User' : 'AssumedRole');
    if (m[2] === 'user') put('aws:username', m[3]!.slice(m[3]!.lastIndexOf('/') + 1));
  } else if (/^\d{12}$/.test(c) || /^arn:[^:]*:iam::\d{12}:root$/.test(c)) {
    const acc = principalAccount(c)!;
    put('aws:PrincipalArn', `arn:aws:iam::${acc}:root`);
    put('aws:PrincipalAccount', acc);
    put('aws:PrincipalType', 'Account');
  } else if (/\.amazonaws\.com(\.cn)?$/i.test(c)) {
    put('aws:PrincipalServiceName', c);
  }
  put('aws:ResourceAccount', f.resourceAccount);
  for (const [k, v] of explicit) out.set(k, v);
  return out;
}
