// The `data` payloads of the action/resource/hygiene rules: quick fixes dispatch on code + data, so the
// fields they read (suggestion = the whole corrected string, grantedBy, resourceTypes…) are pinned here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, getRule, type Finding } from '../../../server/src/service';
import { testCatalog } from '../../support/catalog';

function run(code: string, statements: unknown[]): Array<Finding & { text: string }> {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const service = createIamLanguageService({ catalog: testCatalog(), rules: [getRule(code)!], rethrow: true });
  const doc = TextDocument.create('file:///p.json', 'json', 1, text);
  return service.findings(service.parse(doc)).map((f) => ({ ...f, text: text.slice(f.span.offset, f.span.offset + f.span.length) }));
}

test('INVALID_ACTION: typo, API operation and empty wildcard carry what the fix needs', () => {
  const [typo, api, multi, wild] = run('INVALID_ACTION', [
    { Effect: 'Allow', Action: ['s3:GetObjekt', 's3:CreateMultipartUpload', 'dynamodb:TransactGetItems', 's3:Gett*'], Resource: '*' },
  ]);
  assert.equal(typo!.message, '"s3:GetObjekt" is not an action of Amazon S3. Did you mean "s3:GetObject"?');
  assert.deepEqual(typo!.data, { kind: 'unknown', suggestion: 's3:GetObject' });
  assert.equal(typo!.text, '"s3:GetObjekt"', 'reported on the string itself');
  assert.equal(api!.data?.['suggestion'], 's3:PutObject');
  assert.deepEqual(api!.data?.['grantedBy'], ['s3:PutObject']);
  assert.match(String(api!.data?.['source']), /API_CreateMultipartUpload/);
  assert.deepEqual(multi!.data?.['grantedBy'], ['dynamodb:GetItem']);
  assert.deepEqual(wild!.data, { kind: 'noMatch', suggestion: 's3:Get*' });
});

test('an API operation granted by several actions offers no single replacement', () => {
  const [f] = run('INVALID_ACTION', [{ Effect: 'Allow', Action: 'dynamodb:TransactWriteItems', Resource: '*' }]);
  assert.equal(f!.data?.['suggestion'], undefined);
  assert.deepEqual(f!.data?.['grantedBy'], ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']);
});

test('NON_CANONICAL_ACTION_CASE and INVALID_SERVICE_IN_ACTION suggest the whole action', () => {
  assert.deepEqual(run('NON_CANONICAL_ACTION_CASE', [{ Effect: 'Allow', Action: 's3:getobject', Resource: '*' }])[0]!.data, { suggestion: 's3:GetObject' });
  assert.equal(run('INVALID_SERVICE_IN_ACTION', [{ Effect: 'Allow', Action: 'dynamo:GetItem', Resource: '*' }])[0]!.data?.['suggestion'], 'dynamodb:GetItem');
  // the replacement names a real action of the suggested service, in its documented casing
  assert.equal(run('INVALID_SERVICE_IN_ACTION', [{ Effect: 'Allow', Action: 'dynamo:getitems', Resource: '*' }])[0]!.data?.['suggestion'], 'dynamodb:GetItem');
});

test('ARN fixes replace the whole ARN string', () => {
  const s = (code: string, arn: string): unknown => run(code, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: arn }])[0]?.data?.['suggestion'];
  assert.equal(s('INVALID_PARTITION', 'arn:awss:s3:::b/*'), 'arn:aws:s3:::b/*');
  assert.equal(s('INVALID_ARN_SERVICE_CASE', 'arn:aws:S3:::b/*'), 'arn:aws:s3:::b/*');
  assert.equal(s('ARN_REGION_NOT_ALLOWED', 'arn:aws:s3:us-east-1::b/*'), 'arn:aws:s3:::b/*');
  assert.equal(s('ARN_ACCOUNT_NOT_ALLOWED', 'arn:aws:s3::123456789012:b/*'), 'arn:aws:s3:::b/*');
  assert.equal(s('INVALID_ARN_REGION', 'arn:aws:sqs:us-east-9:123456789012:q'), 'arn:aws:sqs:us-east-1:123456789012:q');
  assert.equal(s('UNKNOWN_ARN_SERVICE', 'arn:aws:dynamo:us-east-1:123456789012:table/t'), 'arn:aws:dynamodb:us-east-1:123456789012:table/t');
  assert.equal(s('INVALID_ARN_PREFIX', 'ARN:aws:s3:::b/*'), 'arn:aws:s3:::b/*');
});

test('RESOURCE_STAR names the scopable actions and their ARN templates', () => {
  const [f] = run('RESOURCE_STAR', [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 's3:ListAllMyBuckets'], Resource: '*' }]);
  assert.deepEqual(f!.data?.['actions'], ['dynamodb:GetItem']);
  assert.deepEqual(f!.data?.['resourceTypes'], [{ service: 'dynamodb', name: 'table', arn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}' }]);
  assert.equal(f!.text, '"*"');
});

test('redundancy findings are tagged unnecessary and say what covers them', () => {
  const [a] = run('REDUNDANT_ACTION', [{ Effect: 'Allow', Action: ['s3:Get*', 's3:GetObject'], Resource: '*' }]);
  assert.deepEqual(a!.tags, ['unnecessary']);
  assert.deepEqual(a!.data, { coveredBy: 's3:Get*' });
  const [r] = run('REDUNDANT_RESOURCE', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x'] }]);
  assert.deepEqual(r!.tags, ['unnecessary']);
  const [st] = run('REDUNDANT_STATEMENT', [
    { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    { Sid: 'B', Effect: 'Allow', Action: ['s3:getobject'], Resource: ['arn:aws:s3:::b/*'] },
  ]);
  assert.deepEqual(st!.tags, ['unnecessary']);
  assert.deepEqual(st!.data, { duplicateOf: 0 });
  assert.equal(st!.text, '"B"');
});

test('INVALID_ACTION_FORMAT repairs a space or doubled colon, and completes on hostile input', () => {
  const found = run('INVALID_ACTION_FORMAT', [{ Effect: 'Allow', Action: ['s3 GetObject', 's3::GetObject', 'a b c'], Resource: '*' }]);
  assert.deepEqual(found.map((f) => f.data?.['suggestion']), ['s3:GetObject', 's3:GetObject', undefined]);
  const hostile = run('INVALID_ACTION_FORMAT', [{ Effect: 'Allow', Action: [`s3${' '.repeat(50_000)}x`, ' '.repeat(50_000)], Resource: '*' }]);
  assert.ok(hostile.length >= 1, 'the hostile action strings are reported');
});
