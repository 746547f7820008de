// The grammar rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { dataTypeMismatch } from './dataTypeMismatch';
import { duplicateSid } from './duplicateSid';
import { emptyArrayOrObject } from './emptyArrayOrObject';
import { emptySidValue } from './emptySidValue';
import { idInIdentityPolicy } from './idInIdentityPolicy';
import { invalidCharacter } from './invalidCharacter';
import { invalidEffect } from './invalidEffect';
import { invalidPolicyElement } from './invalidPolicyElement';
import { invalidVersion } from './invalidVersion';
import { missingAction } from './missingAction';
import { missingEffect } from './missingEffect';
import { missingResource } from './missingResource';
import { missingStatement } from './missingStatement';
import { missingVersion } from './missingVersion';
import { oldVersion } from './oldVersion';
import { unsupportedElementCombination } from './unsupportedElementCombination';
import { unsupportedSid } from './unsupportedSid';

export const grammarRules: readonly Rule[] = [
  dataTypeMismatch,
  duplicateSid,
  emptyArrayOrObject,
  emptySidValue,
  idInIdentityPolicy,
  invalidCharacter,
  invalidEffect,
  invalidPolicyElement,
  invalidVersion,
  missingAction,
  missingEffect,
  missingResource,
  missingStatement,
  missingVersion,
  oldVersion,
  unsupportedElementCombination,
  unsupportedSid,
];
