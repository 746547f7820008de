// The condition rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { allowWithUnsupportedTagConditionKey } from './allowWithUnsupportedTagConditionKey';
import { confirmAudienceClaimType } from './confirmAudienceClaimType';
import { denyWithUnsupportedTagConditionKey } from './denyWithUnsupportedTagConditionKey';
import { deprecatedGlobalConditionKey } from './deprecatedGlobalConditionKey';
import { duplicateKeysWithDifferentCase } from './duplicateKeysWithDifferentCase';
import { forAllValuesWithSingleValuedKey } from './forAllValuesWithSingleValuedKey';
import { forAllValuesWithoutNullGuard } from './forAllValuesWithoutNullGuard';
import { ifExistsMisuse } from './ifExistsMisuse';
import { improveIpRange } from './improveIpRange';
import { invalidArnConditionValue } from './invalidArnConditionValue';
import { invalidConditionDataType } from './invalidConditionDataType';
import { invalidConditionKeyFormat } from './invalidConditionKeyFormat';
import { invalidConditionMultipleBoolean } from './invalidConditionMultipleBoolean';
import { invalidConditionOperator } from './invalidConditionOperator';
import { invalidDateValue } from './invalidDateValue';
import { invalidGlobalConditionKey } from './invalidGlobalConditionKey';
import { invalidKmsViaServiceFormat } from './invalidKmsViaServiceFormat';
import { invalidRegion } from './invalidRegion';
import { invalidServiceConditionKey } from './invalidServiceConditionKey';
import { invalidVariableForOperator } from './invalidVariableForOperator';
import { invalidVariableSyntax } from './invalidVariableSyntax';
import { invalidVpcFormat } from './invalidVpcFormat';
import { missingActionForConditionKey } from './missingActionForConditionKey';
import { missingPairedConditionKeys } from './missingPairedConditionKeys';
import { missingQualifier } from './missingQualifier';
import { missingTagKeyInCondition } from './missingTagKeyInCondition';
import { nonCanonicalConditionKeyCase } from './nonCanonicalConditionKeyCase';
import { nullWithIfExists } from './nullWithIfExists';
import { nullWithQualifier } from './nullWithQualifier';
import { privateIpAddress } from './privateIpAddress';
import { privateIpAddressSubset } from './privateIpAddressSubset';
import { redundantConditionValueNum } from './redundantConditionValueNum';
import { typeMismatch } from './typeMismatch';
import { typeMismatchBinary } from './typeMismatchBinary';
import { typeMismatchBoolean } from './typeMismatchBoolean';
import { typeMismatchDate } from './typeMismatchDate';
import { typeMismatchIpRange } from './typeMismatchIpRange';
import { typeMismatchNumber } from './typeMismatchNumber';
import { unknownPolicyVariable } from './unknownPolicyVariable';
import { unsupportedActionForConditionKey } from './unsupportedActionForConditionKey';
import { variableUnsupportedInElement } from './variableUnsupportedInElement';
import { variableUnsupportedInVersion } from './variableUnsupportedInVersion';
import { wildcardWithoutLikeOperator } from './wildcardWithoutLikeOperator';
import { equivalentToNull } from './equivalentToNull';
import { redundantKeyDueToWildcardInCondition } from './redundantKeyDueToWildcardInCondition';
import { redundantStatementDueToWildcardInCondition } from './redundantStatementDueToWildcardInCondition';
import { s3PrefixInNegativeContext } from './s3PrefixInNegativeContext';
import { stringLikeOperatorWithArnConditionKeys } from './stringLikeOperatorWithArnConditionKeys';
import { untrustworthyConditionKey } from './untrustworthyConditionKey';

export const conditionRules: readonly Rule[] = [
  allowWithUnsupportedTagConditionKey,
  confirmAudienceClaimType,
  denyWithUnsupportedTagConditionKey,
  deprecatedGlobalConditionKey,
  duplicateKeysWithDifferentCase,
  equivalentToNull,
  forAllValuesWithSingleValuedKey,
  forAllValuesWithoutNullGuard,
  ifExistsMisuse,
  improveIpRange,
  invalidArnConditionValue,
  invalidConditionDataType,
  invalidConditionKeyFormat,
  invalidConditionMultipleBoolean,
  invalidConditionOperator,
  invalidDateValue,
  invalidGlobalConditionKey, invalidKmsViaServiceFormat,
  invalidRegion,
  invalidServiceConditionKey,
  invalidVariableForOperator,
  invalidVariableSyntax,
  invalidVpcFormat,
  missingActionForConditionKey,
  missingPairedConditionKeys,
  missingQualifier,
  missingTagKeyInCondition,
  nonCanonicalConditionKeyCase,
  nullWithIfExists,
  nullWithQualifier,
  privateIpAddress,
  privateIpAddressSubset,
  redundantConditionValueNum,
  redundantKeyDueToWildcardInCondition,
  redundantStatementDueToWildcardInCondition,
  s3PrefixInNegativeContext,
  stringLikeOperatorWithArnConditionKeys,
  typeMismatch,
  typeMismatchBinary,
  typeMismatchBoolean,
  typeMismatchDate,
  typeMismatchIpRange,
  typeMismatchNumber,
  unknownPolicyVariable,
  unsupportedActionForConditionKey,
  untrustworthyConditionKey,
  variableUnsupportedInElement,
  variableUnsupportedInVersion,
  wildcardWithoutLikeOperator,
];
