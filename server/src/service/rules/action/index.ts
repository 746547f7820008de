// The action rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { invalidAction } from './invalidAction';
import { invalidActionFormat } from './invalidActionFormat';
import { invalidServiceInAction } from './invalidServiceInAction';
import { nonCanonicalActionCase } from './nonCanonicalActionCase';
import { redundantAction } from './redundantAction';
import { wildcardInServiceName } from './wildcardInServiceName';

export const actionRules: readonly Rule[] = [
  invalidAction,
  invalidActionFormat,
  invalidServiceInAction,
  nonCanonicalActionCase,
  redundantAction,
  wildcardInServiceName,
];
