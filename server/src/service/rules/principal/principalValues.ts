// Walks every Principal / NotPrincipal value of a policy with its statement and key ("AWS", "Service", …),
// so each principal rule only says what is wrong with one value. Reports nothing itself.

import type { Located, PolicyDocument, PrincipalElement, PrincipalEntry, Statement } from '../../parser/policyModel';

export interface PrincipalValue {
  readonly statement: Statement;
  readonly element: PrincipalElement;
  readonly entry: PrincipalEntry;
  /** the key as written ("AWS", "Service", …) */
  readonly type: string;
  readonly value: Located<string>;
}

export function principalValues(policy: PolicyDocument): PrincipalValue[] {
  const out: PrincipalValue[] = [];
  for (const statement of policy.statements) {
    const element = statement.principal;
    if (!element) continue;
    for (const entry of element.entries) {
      for (const value of entry.values) out.push({ statement, element, entry, type: entry.type.value, value });
    }
  }
  return out;
}

/** Values that other rules own: partial wildcards (UNSUPPORTED_WILDCARD_IN_PRINCIPAL) and policy variables. */
export function isOwnedElsewhere(value: string): boolean {
  return (value !== '*' && (value.includes('*') || value.includes('?'))) || value.includes('${');
}
