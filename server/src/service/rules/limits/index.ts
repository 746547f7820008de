// The size-limit rules (L01-L05 of the checks catalogue), in code order.

import type { Rule } from '../rule';
import { identityPolicySize } from './identityPolicySize';
import { inlinePolicySize } from './inlinePolicySize';
import { organizationsPolicySize } from './organizationsPolicySize';
import { resourcePolicySize } from './resourcePolicySize';
import { trustPolicySize } from './trustPolicySize';

export const limitsRules: readonly Rule[] = [inlinePolicySize, identityPolicySize, resourcePolicySize, trustPolicySize, organizationsPolicySize];
