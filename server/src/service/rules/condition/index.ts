// The condition rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';

export const conditionRules: readonly Rule[] = [];
