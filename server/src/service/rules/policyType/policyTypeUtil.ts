// Small helpers shared by the policy-type rules: policy type names for messages, where to report on a
// statement's actions, and whether a statement's Action list covers a given action (wildcards included).

import { globMatch } from '../../knowledge/glob';
import type { PolicyType, Span, Statement } from '../../parser/policyModel';

export const TYPE_NAMES: Readonly<Record<PolicyType, string>> = {
  identity: 'an identity policy',
  resource: 'a resource-based policy',
  trust: 'a role trust policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  boundary: 'a permission boundary',
};

/** The single action string when there is exactly one, else the Action key: the narrowest useful place. */
export function actionSpan(s: Statement): Span | undefined {
  const a = s.action;
  if (!a) return undefined;
  if (a.items.length === 1 && !a.isArray) return a.items[0]!.span;
  return a.keySpan;
}

/** True when a (positive) Action entry of the statement matches `action`, e.g. "sts:*" covers "sts:TagSession". */
export function actionsCover(s: Statement, action: string): boolean {
  const a = s.action;
  if (!a || a.negated) return false;
  return a.items.some((i) => globMatch(i.value, action));
}

/** The service prefix of an action string ("s3:GetObject" -> "s3"), or undefined for "*" and malformed ones. */
export function actionService(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : undefined;
}
