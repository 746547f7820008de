// The hygiene rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { redundantStatement } from './redundantStatement';

export const hygieneRules: readonly Rule[] = [redundantStatement];
