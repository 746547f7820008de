// Shared by PASS_ROLE_WITH_STAR_IN_RESOURCE and CREATE_SLR_WITH_STAR_IN_RESOURCE: does an Allow statement reach
// one action (iam:PassRole, iam:CreateServiceLinkedRole) on every resource, and in which of Access Analyzer's six
// shapes (STAR_IN_RESOURCE, NOT_RESOURCE, …)? Wildcards are expanded through statementActions.ts.

import type { IamCatalog } from '../../knowledge/catalog';
import type { Located, Statement } from '../../parser/policyModel';
import type { Reportable } from '../rule';
import { grantingItem, isAllow } from './statementFacts';

export interface BroadReach {
  /** Access Analyzer's variant suffix, e.g. "STAR_IN_RESOURCE" or "STAR_IN_ACTION_AND_NOT_RESOURCE" */
  readonly variant: string;
  /** the Action item (or NotAction key) that reaches the action */
  readonly at: Reportable;
  readonly written: string;
}

export function broadReach(catalog: IamCatalog, s: Statement, actionName: string): BroadReach | undefined {
  if (!isAllow(s) || !s.action || !s.resource) return undefined;
  const starResource = !s.resource.negated && s.resource.items.some((i) => i.value === '*');
  const notResource = s.resource.negated;
  if (!starResource && !notResource) return undefined;
  const at = grantingItem(catalog, s, actionName);
  if (!at) return undefined;
  const item = s.action.negated ? undefined : (at as Located<string>);
  const actionShape: 'ACTION' | 'STAR' | 'NOT_ACTION' = !item ? 'NOT_ACTION' : item.value === '*' ? 'STAR' : 'ACTION';
  const written = item ? item.value : 'NotAction';
  const variant =
    actionShape === 'ACTION'
      ? starResource
        ? 'STAR_IN_RESOURCE'
        : 'NOT_RESOURCE'
      : actionShape === 'STAR'
        ? starResource
          ? 'STAR_IN_ACTION_AND_RESOURCE'
          : 'STAR_IN_ACTION_AND_NOT_RESOURCE'
        : starResource
          ? 'STAR_IN_RESOURCE_AND_NOT_ACTION'
          : 'NOT_ACTION_AND_NOT_RESOURCE';
  return { variant, at, written };
}

export const VARIANTS = ['STAR_IN_RESOURCE', 'NOT_RESOURCE', 'STAR_IN_ACTION_AND_NOT_RESOURCE', 'NOT_ACTION_AND_NOT_RESOURCE', 'STAR_IN_ACTION_AND_RESOURCE', 'STAR_IN_RESOURCE_AND_NOT_ACTION'] as const;
