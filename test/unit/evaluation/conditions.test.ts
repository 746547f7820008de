// Condition evaluation (evaluation/conditions.ts): checklist items 26-38 and the policy variables of 39-42
// (../shared/research/wave2-anchors.md §2). `cond(condition, context)` is true when an Allow statement with
// that condition allows the request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../server/src/service/evaluation';
import { ALLOW_ALL, cond, pol, req } from './helpers';

test('item 26: operators AND, keys AND, values OR; negated operators NOR their values', () => {
  const c = { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'], 'aws:RequestedRegion': 'eu-west-1' } };
  assert.equal(cond(c, { 'aws:PrincipalTag/team': 'red', 'aws:RequestedRegion': 'eu-west-1' }), true);
  assert.equal(cond(c, { 'aws:PrincipalTag/team': 'red', 'aws:RequestedRegion': 'us-east-1' }), false);
  assert.equal(cond({ ...c, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'false' }), false);
  const not = { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } };
  assert.equal(cond(not, { 'aws:RequestedRegion': 'us-east-1' }), true);
  assert.equal(cond(not, { 'aws:RequestedRegion': 'eu-central-1' }), false);
});

test('item 27: condition key names are case-insensitive, values follow the operator', () => {
  assert.equal(cond({ StringEquals: { 'AWS:principaltag/Team': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }), true);
  assert.equal(cond({ StringEquals: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' }), false);
  assert.equal(cond({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' }), true);
  assert.equal(cond({ StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' }), false);
});

test('item 28: a missing key makes a condition false, except negated operators, which are true', () => {
  assert.equal(cond({ StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, {}), false);
  assert.equal(cond({ StringLike: { 'aws:PrincipalTag/team': '*' } }, {}), false);
  assert.equal(cond({ StringNotEquals: { 'aws:PrincipalTag/team': 'blue' } }, {}), true);
  assert.equal(cond({ StringNotLike: { 'aws:PrincipalTag/team': 'b*' } }, {}), true);
  assert.equal(cond({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, {}), true);
  assert.equal(cond({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, {}), true);
  assert.equal(cond({ NumericNotEquals: { 's3:max-keys': '10' } }, {}), true);
  assert.equal(cond({ DateNotEquals: { 'aws:CurrentTime': '2020-01-01' } }, {}), true);
  assert.equal(cond({ NumericLessThan: { 's3:max-keys': '10' } }, {}), false);
  assert.equal(cond({ Bool: { 'aws:SecureTransport': 'true' } }, {}), false);
});

test('item 29: IfExists is true on a missing key; Deny + negated IfExists still denies then', () => {
  assert.equal(cond({ StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, {}), true);
  assert.equal(cond({ StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, { 'ec2:InstanceType': 'm5.large' }), false);
  assert.equal(cond({ StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } }, {}, 'Deny'), true);
  assert.equal(cond({ StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } }, { 'aws:RequestedRegion': 'eu-west-1' }, 'Deny'), false);
  assert.equal(cond({ NumericLessThanIfExists: { 's3:max-keys': '10' } }, {}), true);
});

test('item 30: Null: "true" = the key is absent, "false" = present', () => {
  assert.equal(cond({ Null: { 'aws:TokenIssueTime': 'true' } }, {}), true);
  assert.equal(cond({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' }), false);
  assert.equal(cond({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' }), true);
  assert.equal(cond({ Null: { 'aws:TokenIssueTime': false } }, {}), false);
});

test('item 31: ForAllValues is true on a missing key or an empty set; ForAnyValue is false there', () => {
  const all = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } };
  assert.equal(cond(all, {}), true);
  assert.equal(cond(all, { 'aws:TagKeys': [] }), true);
  assert.equal(cond(all, { 'aws:TagKeys': ['team'] }), true);
  assert.equal(cond(all, { 'aws:TagKeys': ['team', 'cost'] }), false);
  const any = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'env'] } };
  assert.equal(cond(any, {}), false);
  assert.equal(cond(any, { 'aws:TagKeys': [] }), false);
  assert.equal(cond(any, { 'aws:TagKeys': ['cost', 'env'] }), true);
  assert.equal(cond(any, { 'aws:TagKeys': ['cost'] }), false);
  // the docs' table: no aws:TagKeys in the request → ForAllValues:StringNotLike matches
  assert.equal(cond({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key*' } }, {}), true);
  assert.equal(cond({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key*' } }, { 'aws:TagKeys': ['keyA', 'other'] }), false);
  assert.equal(cond({ 'ForAnyValue:StringNotLike': { 'aws:TagKeys': 'key*' } }, { 'aws:TagKeys': ['keyA', 'other'] }), true);
  assert.equal(cond({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'x' } }, {}), true);
});

test('item 32: observed: a list under a single-valued operator never matches; a single value under a set operator is a one-element set', () => {
  assert.equal(cond({ StringEquals: { 'aws:TagKeys': 'team' } }, { 'aws:TagKeys': ['team'] }), false);
  assert.equal(cond({ 'ForAnyValue:StringEquals': { 'aws:RequestTag/env': 'prod' } }, { 'aws:RequestTag/env': 'prod' }), true);
});

test('item 33: StringEquals is exact (a * is literal); StringLike takes * and ? and is case-sensitive', () => {
  assert.equal(cond({ StringEquals: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/x' }), false);
  assert.equal(cond({ StringEquals: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/*' }), true);
  assert.equal(cond({ StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/a/b' }), true);
  assert.equal(cond({ StringLike: { 's3:prefix': 'home/?' } }, { 's3:prefix': 'home/ab' }), false);
  assert.equal(cond({ StringLike: { 's3:prefix': 'Home/*' } }, { 's3:prefix': 'home/a' }), false);
});

test('item 34: dates: ISO 8601 or epoch seconds, compared as instants', () => {
  assert.equal(cond({ DateLessThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, { 'aws:CurrentTime': '2020-03-31T23:59:59Z' }), true);
  assert.equal(cond({ DateLessThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }), false);
  assert.equal(cond({ DateLessThanEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, { 'aws:CurrentTime': '2020-04-01T02:00:00+02:00' }), true);
  assert.equal(cond({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': '2020-01-02T00:00:00Z' }), true);
  assert.equal(cond({ DateEquals: { 'aws:EpochTime': '1577836800' } }, { 'aws:EpochTime': '2020-01-01T00:00:00Z' }), true);
  assert.equal(cond({ DateGreaterThanEquals: { 'aws:EpochTime': 1577836800 } }, { 'aws:EpochTime': '1577836801' }), true);
  // no wildcards in dates
  assert.equal(cond({ DateEquals: { 'aws:CurrentTime': '2020-*' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }), false);
  assert.equal(cond({ DateLessThan: { 'aws:CurrentTime': 'not-a-date' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }), false);
});

test('numeric operators: all six, with parsing', () => {
  const n = (op: string, v: string, r: string) => cond({ [op]: { 's3:max-keys': v } }, { 's3:max-keys': r });
  assert.equal(n('NumericEquals', '10', '10.0'), true);
  assert.equal(n('NumericNotEquals', '10', '11'), true);
  assert.equal(n('NumericLessThan', '10', '9'), true);
  assert.equal(n('NumericLessThanEquals', '10', '10'), true);
  assert.equal(n('NumericGreaterThan', '10', '10'), false);
  assert.equal(n('NumericGreaterThanEquals', '10', '10'), true);
  assert.equal(n('NumericEquals', '10', 'ten'), false);
});

test('item 35: IP ranges: CIDR, IPv4 and IPv6, a bare address is /32 or /128', () => {
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.7' }), true);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.114.7' }), false);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '203.0.113.7' } }, { 'aws:SourceIp': '203.0.113.7' }), true);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '203.0.113.7' } }, { 'aws:SourceIp': '203.0.113.8' }), false);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8:1234::1' }), true);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db9::1' }), false);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '2001:db8::1' } }, { 'aws:SourceIp': '2001:0db8:0000:0000:0000:0000:0000:0001' }), true);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '2001:db8::1' }), false);
  assert.equal(cond({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }, { 'aws:SourceIp': '192.168.1.1' }), false);
  assert.equal(cond({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }, { 'aws:SourceIp': '8.8.8.8' }), true);
  // through a VPC endpoint aws:SourceIp is absent: IpAddress is false, NotIpAddress true
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, {}), false);
});

test('item 36: BinaryEquals compares base64 text; Bool compares true/false', () => {
  assert.equal(cond({ BinaryEquals: { 'aws:Key': 'QmluYXJ5VmFsdWU=' } }, { 'aws:Key': 'QmluYXJ5VmFsdWU=' }), true);
  assert.equal(cond({ BinaryEquals: { 'aws:Key': 'QmluYXJ5VmFsdWU=' } }, { 'aws:Key': 'b3RoZXI=' }), false);
  assert.equal(cond({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' }), true);
  assert.equal(cond({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' }), false);
});

test('item 37: Deny + BoolIfExists false denies long-term keys (key absent) and non-MFA sessions', () => {
  const c = { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } };
  assert.equal(cond(c, {}, 'Deny'), true);
  assert.equal(cond(c, { 'aws:MultiFactorAuthPresent': 'false' }, 'Deny'), true);
  assert.equal(cond(c, { 'aws:MultiFactorAuthPresent': 'true' }, 'Deny'), false);
  // with plain Bool, an absent key escapes the Deny
  assert.equal(cond({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, {}, 'Deny'), false);
});

test('item 21: ArnLike compares six segments separately, StringLike the whole string', () => {
  const pattern = 'arn:aws:someservice:*:111122223333:finance/*';
  const value = 'arn:aws:someservice:us-east-1:111122223333:finance/a:b';
  assert.equal(cond({ StringLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': value }), true);
  assert.equal(cond({ ArnLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': value }), false);
  assert.equal(cond({ ArnLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': 'arn:aws:someservice:us-east-1:111122223333:finance/a' }), true);
  assert.equal(cond({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic' }), true);
  assert.equal(cond({ ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:other' }), true);
  // a wildcard in the region segment does not span into the account segment
  assert.equal(cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }, { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:1:t' }), false);
});

test('unknown operators never match', () => {
  assert.equal(cond({ StringEqualz: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }), false);
});

// ---- policy variables (reference_policies_variables.html)

const homeDir = (version: string | undefined, resource: string, context: Record<string, string>, principal = 'arn:aws:iam::111122223333:user/alice') =>
  evaluate({ identity: [pol([{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }], 'identity', version ? { Version: version } : {})] }, req('s3:GetObject', 'arn:aws:s3:::home/alice/f', context, principal)).verdict;

test('item 39: variables are substituted under 2012-10-17 only; literal under 2008-10-17 or without Version', () => {
  assert.equal(homeDir('2012-10-17', 'arn:aws:s3:::home/${aws:username}/*', {}), 'allowed');
  assert.equal(homeDir('2008-10-17', 'arn:aws:s3:::home/${aws:username}/*', {}), 'implicitly-denied');
  assert.equal(homeDir(undefined, 'arn:aws:s3:::home/${aws:username}/*', {}), 'implicitly-denied');
  // literal text matches only the literal characters
  const literal = evaluate({ identity: [pol([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }], 'identity', {})] }, req('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/f'));
  assert.equal(literal.verdict, 'allowed');
});

test('items 40-41: variables in conditions; an unresolvable variable never matches (negated operators do)', () => {
  assert.equal(cond({ StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }, { 'aws:PrincipalTag/owner': 'alice' }), true);
  assert.equal(cond({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x' }), true);
  // aws:userid is not derived: unresolvable → StringEquals false, StringNotEquals true
  assert.equal(cond({ StringEquals: { 'aws:PrincipalTag/owner': '${aws:userid}' } }, { 'aws:PrincipalTag/owner': 'alice' }), false);
  assert.equal(cond({ StringNotEquals: { 'aws:PrincipalTag/owner': '${aws:userid}' } }, { 'aws:PrincipalTag/owner': 'alice' }), true);
  // an unresolvable variable in Resource matches no resource (a role has no aws:username)
  assert.equal(homeDir('2012-10-17', 'arn:aws:s3:::home/${aws:username}/*', {}, 'arn:aws:sts::111122223333:assumed-role/r/alice'), 'implicitly-denied');
  // variables are not substituted in Numeric values
  assert.equal(cond({ NumericEquals: { 's3:max-keys': '${aws:PrincipalTag/n}' } }, { 's3:max-keys': '5', 'aws:PrincipalTag/n': '5' }), false);
});

test('item 42: defaults and escapes; variable key names are case-insensitive; multivalued keys are not variables', () => {
  assert.equal(homeDir('2012-10-17', "arn:aws:s3:::home/${aws:PrincipalTag/dir, 'alice'}/*", {}), 'allowed');
  assert.equal(homeDir('2012-10-17', "arn:aws:s3:::home/${aws:PrincipalTag/dir, 'bob'}/*", {}), 'implicitly-denied');
  assert.equal(homeDir('2012-10-17', "arn:aws:s3:::home/${aws:PrincipalTag/dir, 'bob'}/*", { 'aws:PrincipalTag/dir': 'alice' }), 'allowed');
  assert.equal(homeDir('2012-10-17', 'arn:aws:s3:::home/${AWS:UserName}/*', {}), 'allowed');
  // ${*} is a literal star, not a wildcard
  const star = (resource: string) => evaluate({ identity: [pol([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${*}' }])] }, req('s3:GetObject', resource)).verdict;
  assert.equal(star('arn:aws:s3:::b/*'), 'allowed');
  assert.equal(star('arn:aws:s3:::b/x'), 'implicitly-denied');
  assert.equal(cond({ StringEquals: { 's3:prefix': 'a${?}b${$}' } }, { 's3:prefix': 'a?b$' }), true);
  assert.equal(cond({ StringEquals: { 'aws:PrincipalTag/x': '${aws:TagKeys}' } }, { 'aws:PrincipalTag/x': 'a', 'aws:TagKeys': ['a'] }), false);
});

test('missingContextKeys: absent keys that could change the decision, including SCP-only keys', () => {
  const id = pol([ALLOW_ALL]);
  const scp = pol([ALLOW_ALL, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }], 'scp');
  const r = evaluate({ identity: [id], scp: [[scp]] }, req('s3:GetObject', '*'));
  assert.equal(r.verdict, 'explicitly-denied');
  assert.deepEqual(r.missingContextKeys, ['aws:RequestedRegion']);
  // the key given: nothing missing
  assert.deepEqual(evaluate({ identity: [id], scp: [[scp]] }, req('s3:GetObject', '*', { 'aws:RequestedRegion': 'eu-west-1' })).missingContextKeys, []);
  // an unconditional deny cannot be changed by any key
  const hard = pol([{ Effect: 'Deny', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }]);
  assert.deepEqual(evaluate({ identity: [id, hard] }, req('s3:GetObject', '*')).missingContextKeys, []);
  // implicit deny: the key of an Allow that failed only for lack of it
  const mfa = pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }]);
  assert.deepEqual(evaluate({ identity: [mfa] }, req('s3:GetObject', '*')).missingContextKeys, ['aws:MultiFactorAuthPresent']);
  // …but not when another condition of that Allow is false on a present key
  const both = pol([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }]);
  assert.deepEqual(evaluate({ identity: [both] }, req('s3:GetObject', '*', { 'aws:RequestedRegion': 'us-east-1' })).missingContextKeys, []);
  // nor when the action does not match at all
  assert.deepEqual(evaluate({ identity: [mfa] }, req('ec2:RunInstances', '*')).missingContextKeys, []);
  // allowed: an unmatched Deny that depends on an absent key could flip it
  const denyNoMfa = pol([ALLOW_ALL, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }]);
  const a = evaluate({ identity: [denyNoMfa] }, req('s3:GetObject', '*'));
  assert.equal(a.verdict, 'allowed');
  assert.deepEqual(a.missingContextKeys, ['aws:MultiFactorAuthPresent']);
});

test('an IPv6 address is outside every IPv4 range: NotIpAddress with only IPv4 ranges is true for it (a Deny applies)', () => {
  assert.equal(cond({ NotIpAddress: { 'aws:SourceIp': ['192.0.2.7', '10.0.0.0/8'] } }, { 'aws:SourceIp': '2001:db8::1' }, 'Deny'), true);
  assert.equal(cond({ IpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } }, { 'aws:SourceIp': '2001:db8::1' }), false);
});

test('not settled by the docs: an unresolvable variable in NotResource excludes nothing (the item matches no resource)', () => {
  const p = pol([{ Effect: 'Allow', Action: 's3:ListBucket', NotResource: 'arn:aws:s3:::home/${aws:username}*' }]);
  // a role session has no aws:username
  assert.equal(evaluate({ identity: [p] }, req('s3:ListBucket', 'arn:aws:s3:::home', {}, 'arn:aws:sts::111122223333:assumed-role/r/s')).verdict, 'allowed');
});
