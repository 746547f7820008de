// Facts about OIDC/web-identity trust statements shared by the OIDC rules: the Federated values that name an
// OIDC provider or web identity provider, and the condition keys/values the statement uses for it.

import { classifyFederatedPrincipal, GITHUB_OIDC_HOST } from '../../knowledge/principals';
import type { Located, PolicyDocument, Statement } from '../../parser/policyModel';
import { conditionUses, isAllow, type ConditionUse } from './statementFacts';

export interface OidcPrincipal {
  readonly statement: Statement;
  readonly value: Located<string>;
  /** condition-key prefix of the provider: "token.actions.githubusercontent.com", "cognito-identity.amazonaws.com" */
  readonly prefix: string;
  readonly github: boolean;
  /** the condition uses of this provider's keys ("<prefix>:<claim>") */
  readonly uses: readonly ConditionUse[];
}

export function oidcPrincipals(policy: PolicyDocument): OidcPrincipal[] {
  const out: OidcPrincipal[] = [];
  for (const statement of policy.statements) {
    if (!isAllow(statement) || !statement.principal || statement.principal.negated) continue;
    for (const e of statement.principal.entries) {
      if (e.type.value !== 'Federated') continue;
      for (const value of e.values) {
        const info = classifyFederatedPrincipal(value.value);
        if ((info.kind !== 'oidc-provider' && info.kind !== 'known-idp') || !info.keyPrefix) continue;
        const prefix = info.keyPrefix.toLowerCase();
        const uses = conditionUses(statement).filter((u) => u.entry.key.value.toLowerCase().startsWith(`${prefix}:`));
        out.push({ statement, value, prefix, github: prefix === GITHUB_OIDC_HOST, uses });
      }
    }
  }
  return out;
}

/** The claim part of a provider key ("token.actions.githubusercontent.com:sub" -> "sub"). */
export function claimOf(use: ConditionUse, prefix: string): string {
  return use.entry.key.value.slice(prefix.length + 1).toLowerCase();
}
