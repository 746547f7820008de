// Unit tests for the condition value parsers (knowledge/conditionValues.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cidrContains,
  cidrWithoutHostBits,
  hasArnShape,
  isBase64,
  isEpochLike,
  isIsoDate,
  isPrivateCidr,
  parseBoolValue,
  parseCidr,
  parseNumberValue,
} from '../../../server/src/service/knowledge/conditionValues';

test('booleans', () => {
  assert.equal(parseBoolValue('true'), true);
  assert.equal(parseBoolValue('False'), false);
  assert.equal(parseBoolValue(true), true);
  assert.equal(parseBoolValue('yes'), undefined);
  assert.equal(parseBoolValue(1), undefined);
  assert.equal(parseBoolValue(null), undefined);
});

test('numbers', () => {
  assert.equal(parseNumberValue('3600'), 3600);
  assert.equal(parseNumberValue('-1.5'), -1.5);
  assert.equal(parseNumberValue(42), 42);
  assert.equal(parseNumberValue('1h'), undefined);
  assert.equal(parseNumberValue(''), undefined);
  assert.equal(parseNumberValue('1e5'), undefined);
  assert.equal(isEpochLike('1577836800'), true);
  assert.equal(isEpochLike('2020-01-01'), false);
});

test('ISO 8601 dates', () => {
  for (const ok of ['2020-01-01', '2020-01-01T00:00:00Z', '2019-07-16T12:00:00Z', '2020-02-29T23:59:59.123+01:00', '2020-01-01T10:00Z', '20200101T000000Z', '2020-06-30T00:00:00-0700', '2020', '2020-12']) {
    assert.ok(isIsoDate(ok), ok);
  }
  for (const bad of ['2020-13-01', '2020-02-30', '01/02/2020', '2020-1-1', 'yesterday', '1577836800', '2020-01-01 00:00:00', '2020-01-01T25:00:00Z', '2020-13', '20']) {
    assert.ok(!isIsoDate(bad), bad);
  }
});

test('CIDR v4 and v6', () => {
  const c = parseCidr('203.0.113.0/24')!;
  assert.deepEqual([c.version, c.prefix, c.explicitPrefix], [4, 24, true]);
  assert.equal(parseCidr('203.0.113.7')!.prefix, 32);
  assert.equal(parseCidr('2001:DB8:1234:5678::/64')!.version, 6);
  assert.equal(parseCidr('::1')!.prefix, 128);
  assert.equal(parseCidr('::ffff:192.0.2.1/128')!.version, 6);
  for (const bad of ['256.0.0.1', '10.0.0/8', '10.0.0.0/33', '2001:db8::/129', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', 'abc', '10.0.0.0/', '10.0.0.0/8/8']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
});

test('host bits and containment', () => {
  assert.equal(cidrWithoutHostBits(parseCidr('10.0.0.5/24')!), '10.0.0.0/24');
  assert.equal(cidrWithoutHostBits(parseCidr('10.0.0.0/24')!), undefined);
  assert.equal(cidrWithoutHostBits(parseCidr('203.0.113.7')!), undefined);
  assert.equal(cidrWithoutHostBits(parseCidr('2001:db8::1/32')!), '2001:db8::/32');
  assert.equal(cidrWithoutHostBits(parseCidr('192.168.1.1/0')!), '0.0.0.0/0');
  assert.ok(cidrContains(parseCidr('10.0.0.0/8')!, parseCidr('10.1.2.0/24')!));
  assert.ok(!cidrContains(parseCidr('10.0.0.0/8')!, parseCidr('0.0.0.0/0')!));
  assert.ok(isPrivateCidr(parseCidr('192.168.0.0/24')!));
  assert.ok(isPrivateCidr(parseCidr('172.31.255.1')!));
  assert.ok(!isPrivateCidr(parseCidr('172.32.0.0/16')!));
  assert.ok(!isPrivateCidr(parseCidr('203.0.113.0/24')!));
  assert.ok(isPrivateCidr(parseCidr('fd00::/8')!));
  assert.ok(!isPrivateCidr(parseCidr('2001:db8::/32')!));
});

test('base64 and ARN shape', () => {
  assert.ok(isBase64('QmluYXJ5VmFsdWU='));
  assert.ok(isBase64(''));
  assert.ok(!isBase64('not base64!'));
  assert.ok(!isBase64('abc'));
  assert.ok(hasArnShape('arn:aws:s3:::bucket'));
  assert.ok(hasArnShape('arn:aws:iam::${aws:PrincipalAccount}:role/x'));
  assert.ok(hasArnShape('*'));
  assert.ok(!hasArnShape('arn:aws:s3:bucket'));
  assert.ok(!hasArnShape('my-bucket'));
});
