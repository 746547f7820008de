// Every rule of the service, gathered from the per-category indexes. Codes are unique (registry test).

import type { Rule } from './rule';
import { syntaxRules } from './syntax';
import { grammarRules } from './grammar';
import { policyTypeRules } from './policyType';
import { actionRules } from './action';
import { resourceRules } from './resource';
import { principalRules } from './principal';
import { conditionRules } from './condition';
import { securityRules } from './security';
import { limitsRules } from './limits';
import { hygieneRules } from './hygiene';

export const ALL_RULES: readonly Rule[] = [
  ...syntaxRules,
  ...grammarRules,
  ...policyTypeRules,
  ...actionRules,
  ...resourceRules,
  ...principalRules,
  ...conditionRules,
  ...securityRules,
  ...limitsRules,
  ...hygieneRules,
];

const BY_CODE = new Map(ALL_RULES.map((r) => [r.code, r]));

export function getRule(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
