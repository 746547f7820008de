// The principal rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { groupPrincipal } from './groupPrincipal';
import { invalidAwsPrincipal } from './invalidAwsPrincipal';
import { invalidFederatedPrincipal } from './invalidFederatedPrincipal';
import { invalidPrincipalFormat } from './invalidPrincipalFormat';
import { invalidPrincipalKey } from './invalidPrincipalKey';
import { invalidServicePrincipalFormat } from './invalidServicePrincipalFormat';
import { redundantAssumedRolePrincipal } from './redundantAssumedRolePrincipal';
import { unsupportedWildcardInPrincipal } from './unsupportedWildcardInPrincipal';
import { invalidRoleReference, invalidUserReference } from './uniqueIdReference';

export const principalRules: readonly Rule[] = [
  invalidAwsPrincipal,
  invalidFederatedPrincipal,
  invalidPrincipalFormat,
  invalidPrincipalKey,
  invalidRoleReference,
  invalidServicePrincipalFormat,
  invalidUserReference,
  redundantAssumedRolePrincipal,
  groupPrincipal,
  unsupportedWildcardInPrincipal,
];
