// The principal rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';

export const principalRules: readonly Rule[] = [];
