// Unit tests for the condition operator table and parser (knowledge/operators.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONDITION_OPERATORS,
  allOperatorNames,
  canonicalOperatorCase,
  familySuitsKeyType,
  getOperator,
  operatorsForKeyType,
  parseOperator,
} from '../../../server/src/service/knowledge/operators';

test('the table has every documented operator exactly once', () => {
  const names = CONDITION_OPERATORS.map((o) => o.name);
  assert.equal(new Set(names).size, names.length);
  assert.equal(names.length, 27);
  for (const n of ['StringEqualsIgnoreCase', 'NumericGreaterThanEquals', 'DateLessThanEquals', 'Bool', 'BinaryEquals', 'NotIpAddress', 'ArnNotLike', 'Null']) {
    assert.ok(getOperator(n), n);
  }
});

test('IfExists and variables per family', () => {
  assert.equal(getOperator('Null')!.allowsIfExists, false);
  assert.ok(CONDITION_OPERATORS.filter((o) => o.name !== 'Null').every((o) => o.allowsIfExists));
  assert.equal(getOperator('StringLike')!.allowsVariables, true);
  assert.equal(getOperator('ArnLike')!.allowsVariables, true);
  assert.equal(getOperator('Bool')!.allowsVariables, true);
  assert.equal(getOperator('NumericEquals')!.allowsVariables, false);
  assert.equal(getOperator('DateLessThan')!.allowsVariables, false);
  assert.equal(getOperator('IpAddress')!.allowsVariables, false);
  assert.equal(getOperator('BinaryEquals')!.allowsVariables, false);
  assert.equal(getOperator('Null')!.allowsVariables, false);
  assert.equal(getOperator('StringNotEquals')!.negated, true);
  assert.equal(getOperator('NotIpAddress')!.negated, true);
  assert.equal(getOperator('StringEquals')!.negated, false);
});

test('parseOperator: plain, IfExists, qualifiers', () => {
  const p = parseOperator('ForAnyValue:StringLikeIfExists')!;
  assert.equal(p.operator.name, 'StringLike');
  assert.equal(p.ifExists, true);
  assert.equal(p.qualifier, 'ForAnyValue');
  assert.equal(p.canonical, 'ForAnyValue:StringLikeIfExists');
  const q = parseOperator('StringEquals')!;
  assert.deepEqual([q.operator.name, q.ifExists, q.qualifier], ['StringEquals', false, undefined]);
  assert.equal(parseOperator('ForAllValues:ArnLike')!.qualifier, 'ForAllValues');
  // parsed so rules can give a specific message (NULL_WITH_IF_EXISTS / NULL_WITH_QUALIFIER)
  assert.equal(parseOperator('NullIfExists')!.ifExists, true);
  assert.equal(parseOperator('ForAllValues:Null')!.operator.name, 'Null');
});

test('parseOperator: case-sensitive and rejects unknowns', () => {
  assert.equal(parseOperator('stringequals'), undefined);
  assert.equal(parseOperator('StringEqualsIfexists'), undefined);
  assert.equal(parseOperator('forallvalues:StringLike'), undefined);
  assert.equal(parseOperator('StringMatches'), undefined);
  assert.equal(parseOperator('ForSomeValues:StringLike'), undefined);
  assert.equal(parseOperator('IfExists'), undefined);
  assert.equal(parseOperator(''), undefined);
  assert.equal(parseOperator('ForAllValues:'), undefined);
  assert.equal(parseOperator('StringLikeIfExistsIfExists'), undefined);
  assert.equal(parseOperator('ForAllValues:ForAnyValue:StringLike'), undefined);
});

test('canonicalOperatorCase suggests the right spelling', () => {
  assert.equal(canonicalOperatorCase('stringequals'), 'StringEquals');
  assert.equal(canonicalOperatorCase('forallvalues:stringlikeifexists'), 'ForAllValues:StringLikeIfExists');
  assert.equal(canonicalOperatorCase('ARNLIKE'), 'ArnLike');
  assert.equal(canonicalOperatorCase('StringMatches'), undefined);
});

test('operators for key types', () => {
  const arn = operatorsForKeyType('ARN').map((o) => o.name);
  assert.equal(arn[0], 'ArnEquals');
  assert.ok(arn.includes('StringLike'));
  assert.ok(arn.includes('Null'));
  assert.ok(!arn.includes('NumericEquals'));
  const str = operatorsForKeyType('String').map((o) => o.family);
  assert.ok(str.every((f) => f === 'String' || f === 'Null'));
  assert.deepEqual(operatorsForKeyType('Bool').map((o) => o.name), ['Bool', 'Null']);
  assert.deepEqual(operatorsForKeyType('IPAddress').map((o) => o.name), ['IpAddress', 'NotIpAddress', 'Null']);
  assert.ok(familySuitsKeyType('Null', 'Numeric'));
  assert.ok(!familySuitsKeyType('String', 'Numeric'));
  assert.ok(familySuitsKeyType('Numeric', 'Date'));
  assert.ok(familySuitsKeyType('Binary', 'Binary'));
});

test('allOperatorNames lists IfExists forms except for Null', () => {
  const names = allOperatorNames();
  assert.ok(names.includes('StringEqualsIfExists'));
  assert.ok(names.includes('Null'));
  assert.ok(!names.includes('NullIfExists'));
  assert.equal(names.length, 27 * 2 - 1);
});
