// Unit tests for the policy variable scanner (knowledge/policyVariables.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnResourcePartStart, hasPolicyVariable, scanPolicyVariables } from '../../../server/src/service/knowledge/policyVariables';

test('plain variables and defaults', () => {
  const [v] = scanPolicyVariables('home/${aws:username}/*');
  assert.deepEqual(v, { start: 5, end: 20, kind: 'variable', name: 'aws:username', defaultValue: undefined, problem: undefined });
  const [d] = scanPolicyVariables("${aws:PrincipalTag/team, 'company-wide'}");
  assert.equal(d!.name, 'aws:PrincipalTag/team');
  assert.equal(d!.defaultValue, 'company-wide');
  assert.equal(d!.problem, undefined);
  assert.equal(scanPolicyVariables('a${aws:userid}b${s3:prefix}').length, 2);
  assert.deepEqual(scanPolicyVariables('no variables here'), []);
});

test('escapes', () => {
  const vs = scanPolicyVariables('a${*}b${?}c${$}');
  assert.deepEqual(vs.map((v) => [v.kind, v.name, v.problem]), [['escape', '*', undefined], ['escape', '?', undefined], ['escape', '$', undefined]]);
});

test('malformed variables', () => {
  assert.equal(scanPolicyVariables('home/${aws:username/*')[0]!.problem, 'missing-brace');
  assert.equal(scanPolicyVariables('x${}')[0]!.problem, 'empty');
  assert.equal(scanPolicyVariables('x${ }')[0]!.problem, 'empty');
  assert.equal(scanPolicyVariables('${aws: username}')[0]!.problem, 'space');
  assert.equal(scanPolicyVariables('${aws:username, guest}')[0]!.problem, 'missing-quote');
  assert.equal(scanPolicyVariables('${aws:username, "guest"}')[0]!.problem, 'missing-quote');
  assert.equal(scanPolicyVariables("${ aws:username }")[0]!.problem, undefined);
});

test('ARN resource part start', () => {
  const arn = 'arn:aws:s3:::bucket/${aws:username}/*';
  assert.equal(arn.slice(arnResourcePartStart(arn)), 'bucket/${aws:username}/*');
  const v = 'arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}';
  assert.equal(v.slice(arnResourcePartStart(v)), 'user/${aws:username}');
  assert.equal(arnResourcePartStart('arn:aws:s3'), -1);
  assert.ok(hasPolicyVariable('a${b'));
  assert.ok(!hasPolicyVariable('a$b{c}'));
});
