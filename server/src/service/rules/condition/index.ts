// The condition rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { allowWithUnsupportedTagConditionKey } from './allowWithUnsupportedTagConditionKey';
import { denyWithUnsupportedTagConditionKey } from './denyWithUnsupportedTagConditionKey';
import { deprecatedGlobalConditionKey } from './deprecatedGlobalConditionKey';
import { duplicateKeysWithDifferentCase } from './duplicateKeysWithDifferentCase';
import { forAllValuesWithSingleValuedKey } from './forAllValuesWithSingleValuedKey';
import { forAllValuesWithoutNullGuard } from './forAllValuesWithoutNullGuard';
import { invalidArnConditionValue } from './invalidArnConditionValue';
import { invalidConditionKeyFormat } from './invalidConditionKeyFormat';
import { invalidConditionOperator } from './invalidConditionOperator';
import { invalidDateValue } from './invalidDateValue';
import { invalidGlobalConditionKey } from './invalidGlobalConditionKey';
import { invalidServiceConditionKey } from './invalidServiceConditionKey';
import { missingQualifier } from './missingQualifier';
import { missingTagKeyInCondition } from './missingTagKeyInCondition';
import { nonCanonicalConditionKeyCase } from './nonCanonicalConditionKeyCase';
import { nullWithIfExists } from './nullWithIfExists';
import { nullWithQualifier } from './nullWithQualifier';
import { typeMismatch } from './typeMismatch';
import { typeMismatchBinary } from './typeMismatchBinary';
import { typeMismatchBoolean } from './typeMismatchBoolean';
import { typeMismatchDate } from './typeMismatchDate';
import { typeMismatchIpRange } from './typeMismatchIpRange';
import { typeMismatchNumber } from './typeMismatchNumber';
import { unsupportedActionForConditionKey } from './unsupportedActionForConditionKey';

export const conditionRules: readonly Rule[] = [
  allowWithUnsupportedTagConditionKey,
  denyWithUnsupportedTagConditionKey,
  deprecatedGlobalConditionKey,
  duplicateKeysWithDifferentCase,
  forAllValuesWithSingleValuedKey,
  forAllValuesWithoutNullGuard,
  invalidArnConditionValue,
  invalidConditionKeyFormat,
  invalidConditionOperator,
  invalidDateValue,
  invalidGlobalConditionKey,
  invalidServiceConditionKey,
  missingQualifier,
  missingTagKeyInCondition,
  nonCanonicalConditionKeyCase,
  nullWithIfExists,
  nullWithQualifier,
  typeMismatch,
  typeMismatchBinary,
  typeMismatchBoolean,
  typeMismatchDate,
  typeMismatchIpRange,
  typeMismatchNumber,
  unsupportedActionForConditionKey,
];
