// Placeholder substitution for Fn::Sub and Terraform templates, and the IAM-variable exception.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIamVariableName, plausibleWithWildcards, substituteCfn, substituteTerraform, templateFor } from '../../../server/src/service/parser/containers/templateValue';

test('Fn::Sub: parameters and attributes become the replacement, known pseudo parameters their value', () => {
  assert.deepEqual(substituteCfn('arn:${AWS::Partition}:s3:::${Bucket}/${Res.Attr}', '*'), { value: 'arn:aws:s3:::*/*', unknown: 2 });
  assert.deepEqual(substituteCfn('lambda.${AWS::URLSuffix}', '*'), { value: 'lambda.amazonaws.com', unknown: 0 });
  assert.deepEqual(substituteCfn('${AWS::Region}:${AWS::AccountId}', '*'), { value: '*:*', unknown: 2 });
});

test('Fn::Sub: ${!Literal} is an escaped literal and IAM variables stay variables', () => {
  assert.deepEqual(substituteCfn('home/${!aws:username}/${aws:userid}/${!Literal}', '*'), { value: 'home/${aws:username}/${aws:userid}/${Literal}', unknown: 0 });
  assert.deepEqual(substituteCfn('a/${*}/${?}/${$}', '*'), { value: 'a/${*}/${?}/${$}', unknown: 0 });
  assert.deepEqual(substituteCfn('x/${Name}', '*', new Map([['Name', 'fixed']])), { value: 'x/fixed', unknown: 0 });
  assert.deepEqual(substituteCfn('unterminated ${Name', '*'), { value: 'unterminated ${Name', unknown: 0 });
});

test('IAM variable names: one colon (not ::) or a special character', () => {
  for (const n of ['aws:username', 's3:prefix', 'www.amazon.com:user_id', 'cognito-identity.amazonaws.com:sub', '*', '?', '$']) assert.ok(isIamVariableName(n), n);
  for (const n of ['AWS::Region', 'Bucket', 'Bucket.Arn', 'var.x', '']) assert.ok(!isIamVariableName(n), n);
});

test('Terraform templates: ${…} and %{…} are unknown (nested braces and strings), $${ and %%{ are escapes', () => {
  assert.deepEqual(substituteTerraform('arn:aws:s3:::${var.b}/*', '*'), { value: 'arn:aws:s3:::*/*', unknown: 1 });
  assert.deepEqual(substituteTerraform('${lookup(var.m, "k}", "d")}/x', '*'), { value: '*/x', unknown: 1 });
  assert.deepEqual(substituteTerraform('home/$${aws:username}/%%{x}', '*'), { value: 'home/${aws:username}/%{x}', unknown: 0 });
  assert.deepEqual(substituteTerraform('%{ if true }a%{ endif }', '*'), { value: '*a*', unknown: 2 });
  assert.deepEqual(substituteTerraform('${aws:username}', '*'), { value: '${aws:username}', unknown: 0 });
});

test('wildcard-filled values are kept only when still an ARN or an action with a literal prefix', () => {
  assert.ok(plausibleWithWildcards('arn:aws:s3:::*/*'));
  assert.ok(plausibleWithWildcards('s3:Get*'));
  assert.ok(!plausibleWithWildcards('*/*'));
  assert.ok(!plausibleWithWildcards('*'));
  assert.deepEqual(templateFor('*/*', 1, true, 'Fn::Sub', '${B.Arn}/*'), { value: '${B.Arn}/*', template: { kind: 'opaque', fn: 'Fn::Sub' } });
  assert.deepEqual(templateFor('arn:aws:s3:::*', 1, false, 'Fn::Sub', 'src'), { value: 'src', template: { kind: 'opaque', fn: 'Fn::Sub' } });
  assert.deepEqual(templateFor('arn:aws:s3:::*', 1, true, 'Fn::Sub', 'src'), { value: 'arn:aws:s3:::*', template: { kind: 'templated', fn: 'Fn::Sub' } });
  assert.deepEqual(templateFor('exact', 0, false, 'Fn::Sub', 'src'), { value: 'exact', template: { kind: 'templated', fn: 'Fn::Sub' } });
});
