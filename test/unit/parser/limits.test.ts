import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nestingLimitReason, sizeLimitReason } from '../../../server/src/service/parser/limits';

test('within limits: nothing to say', () => {
  assert.equal(sizeLimitReason('{"Statement": [{"Action": "s3:*"}]}'), undefined);
  assert.equal(nestingLimitReason('{"Statement": [{"Action": "s3:*"}]}'), undefined);
});

test('too large', () => {
  assert.match(sizeLimitReason('x'.repeat(101), { maxSize: 100, maxDepth: 10 }) ?? '', /101 characters, over the limit of 100/);
});

test('too deep, but brackets inside strings do not count', () => {
  assert.match(nestingLimitReason('['.repeat(11), { maxSize: 1000, maxDepth: 10 }) ?? '', /more than 10 levels/);
  assert.equal(nestingLimitReason(`{"a": "${'['.repeat(50)}\\"${'{'.repeat(50)}"}`, { maxSize: 1000, maxDepth: 10 }), undefined);
});
