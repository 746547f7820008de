// The policy-type rules (T01-T13 of the checks catalogue), in code order.

import type { Rule } from '../rule';
import { federatedPrincipalNotSupported } from './federatedPrincipalNotSupported';
import { irrelevantConditionKeyInPolicy } from './irrelevantConditionKeyInPolicy';
import { legacyScpSyntax } from './legacyScpSyntax';
import { mismatchedActionForPrincipal } from './mismatchedActionForPrincipal';
import { missingActionForRolesAnywhere } from './missingActionForRolesAnywhere';
import { missingPrincipal } from './missingPrincipal';
import { rcpActionWildcard } from './rcpActionWildcard';
import { rcpEffectNotDeny } from './rcpEffectNotDeny';
import { rcpInvalidPrincipal } from './rcpInvalidPrincipal';
import { rcpNotAction } from './rcpNotAction';
import { rcpUnsupportedService } from './rcpUnsupportedService';
import { trustPolicyNotPrincipal } from './trustPolicyNotPrincipal';
import { trustPolicyResource } from './trustPolicyResource';
import { trustPolicyWildcardPrincipal } from './trustPolicyWildcardPrincipal';
import { unsupportedActionInPolicy } from './unsupportedActionInPolicy';
import { unsupportedPrincipal } from './unsupportedPrincipal';
import { unsupportedResourceArnInPolicy } from './unsupportedResourceArnInPolicy';

export const policyTypeRules: readonly Rule[] = [
  federatedPrincipalNotSupported,
  irrelevantConditionKeyInPolicy,
  legacyScpSyntax,
  mismatchedActionForPrincipal,
  missingActionForRolesAnywhere,
  missingPrincipal,
  rcpActionWildcard,
  rcpEffectNotDeny,
  rcpInvalidPrincipal,
  rcpNotAction,
  rcpUnsupportedService,
  trustPolicyNotPrincipal,
  trustPolicyResource,
  trustPolicyWildcardPrincipal,
  unsupportedActionInPolicy,
  unsupportedPrincipal,
  unsupportedResourceArnInPolicy,
];
