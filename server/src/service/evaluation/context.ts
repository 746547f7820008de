// The request context: context keys looked up case-insensitively (IAM key names are case-insensitive:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html), single- vs
// multivalued values, and the keys the engine derives from the principal. It does not evaluate conditions.

import type { ContextValue } from './types';
import type { CallerInfo } from './principal';

export interface ContextEntry {
  /** the key as the request named it */
  readonly key: string;
  readonly values: readonly string[];
  /** true when given as a list (a multivalued key), even with one element or none */
  readonly multi: boolean;
}

export class RequestContext {
  private readonly entries = new Map<string, ContextEntry>();
  /** keys looked up and found absent, lowercased -> as written in the policy */
  readonly absentLookups = new Map<string, string>();

  constructor(given: Readonly<Record<string, ContextValue>> | undefined, caller: CallerInfo, resourceAccount: string | undefined) {
    // Keys AWS always puts in the request for an authenticated principal (not guesses): aws:PrincipalArn,
    // aws:PrincipalAccount, aws:PrincipalType, aws:username for IAM users, aws:userid is not derivable (ids).
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
    if (caller.principalArnKey) this.set('aws:PrincipalArn', caller.principalArnKey, false);
    if (caller.account && caller.type !== 'service' && caller.type !== 'anonymous') this.set('aws:PrincipalAccount', caller.account, false);
    const principalType = PRINCIPAL_TYPE[caller.type];
    if (principalType) this.set('aws:PrincipalType', principalType, false);
    if (caller.type === 'user' && caller.name) this.set('aws:username', caller.name, false);
    if (caller.type === 'service') this.set('aws:PrincipalServiceName', caller.arn, false);
    if (resourceAccount) this.set('aws:ResourceAccount', resourceAccount, false);
    for (const [key, value] of Object.entries(given ?? {})) {
      if (typeof value === 'string') this.set(key, value, false);
      else this.set(key, [...value], true);
    }
  }

  private set(key: string, value: string | string[], multi: boolean): void {
    this.entries.set(key.toLowerCase(), { key, values: typeof value === 'string' ? [value] : value, multi });
  }

  /** The entry for a key (case-insensitive), or undefined when the key is absent (the lookup is recorded). */
  get(key: string): ContextEntry | undefined {
    const lower = key.toLowerCase();
    const e = this.entries.get(lower);
    if (!e) this.absentLookups.set(lower, key);
    return e;
  }

  /** Like get, without recording an absent lookup. */
  peek(key: string): ContextEntry | undefined {
    return this.entries.get(key.toLowerCase());
  }
}

/** aws:PrincipalType values: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable */
const PRINCIPAL_TYPE: Readonly<Record<string, string | undefined>> = {
  user: 'User',
  role: 'AssumedRole',
  session: 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  anonymous: 'Anonymous',
};
