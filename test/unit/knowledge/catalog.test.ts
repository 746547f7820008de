// The catalog indexes (knowledge/catalog.ts), the glob matcher (glob.ts), typo suggestions (suggest.ts),
// the ARN template index and the API-operation alias table, against the real bundled catalog.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testCatalog } from '../../support/catalog';
import { globMatch, hasWildcard, literalPrefix } from '../../../server/src/service/knowledge/glob';
import { closestMatch, editDistance } from '../../../server/src/service/knowledge/suggest';
import { arnServiceSegment, parseArn, splitArnTemplate } from '../../../server/src/service/knowledge/arnTemplate';
import { resourceTypesForArnService, resourceTypesOfAction } from '../../../server/src/service/knowledge/arnIndex';
import { API_OPERATION_ALIASES, apiOperationAlias } from '../../../server/src/service/knowledge/apiOperationAliases';
import { ALL_REGIONS, isKnownPartition, looksLikeRegion, PARTITIONS } from '../../../server/src/service/knowledge/partitions';
import { prng } from '../../support/policyGenerator';

test('exact action lookup is case-insensitive and returns the documented casing', () => {
  const c = testCatalog();
  assert.equal(c.getAction('s3:getobject')?.fullName, 's3:GetObject');
  assert.equal(c.getAction('S3:GETOBJECT')?.fullName, 's3:GetObject');
  assert.equal(c.getAction('s3:GetObjekt'), undefined);
  assert.equal(c.getService('S3')?.name, 'Amazon S3');
});

test('expandActions: prefixes, inner wildcards, service wildcards, nothing', () => {
  const c = testCatalog();
  const get = c.expandActions('s3:Get*').map((a) => a.fullName);
  assert.ok(get.includes('s3:GetObject') && get.every((n) => n.startsWith('s3:Get')));
  const inner = c.expandActions('iam:*AccessKey*').map((a) => a.name);
  assert.ok(inner.includes('CreateAccessKey') && inner.includes('ListAccessKeys'));
  assert.ok(inner.every((n) => n.includes('AccessKey')));
  assert.deepEqual(c.expandActions('s3:GetObjec?').map((a) => a.fullName), ['s3:GetObject']);
  assert.ok(c.expandActions('*:Describe*').length > 100);
  assert.deepEqual(c.expandActions('s3:Gett*'), []);
  assert.deepEqual(c.expandActions('nosuchservice:*'), []);
  assert.equal(c.expandActions('*').length, c.actionCount);
});

test('globMatch: IAM semantics, case-insensitive by default', () => {
  assert.equal(globMatch('s3:get*', 's3:GetObject'), true);
  assert.equal(globMatch('s3:get*', 's3:GetObject', false), false);
  assert.equal(globMatch('*object', 'GetObject'), true);
  assert.equal(globMatch('g?tobject', 'GetObject'), true);
  assert.equal(globMatch('g?tobject', 'GeetObject'), false);
  assert.equal(globMatch('*', ''), true);
  assert.equal(globMatch('a*b*c', 'aXbYc'), true);
  assert.equal(globMatch('a*b*c', 'aXbY'), false);
  assert.equal(hasWildcard('s3:Get*'), true);
  assert.equal(literalPrefix('Get*Object?'), 'Get');
});

// Completing at all is the check (a blow-up would hang; the test layer's generous timeout reports it);
// speed is measured by `npm run bench`, never asserted in a test.
test('a 10,000-character "*a*a…" pattern is matched without backtracking blow-up', () => {
  const pattern = '*a'.repeat(5000);
  const hit = 'a'.repeat(5000);
  const miss = `${'a'.repeat(4999)}b`;
  assert.equal(globMatch(pattern, hit), true);
  assert.equal(globMatch(pattern, miss), false);
  assert.equal(globMatch(`${pattern}b`, 'a'.repeat(20000)), false);
  // through the catalog: a long pattern against every S3 action name, and a service-wildcard one
  assert.deepEqual(testCatalog().expandActions(`s3:${pattern}`), []);
  assert.deepEqual(testCatalog().expandActions(`*:${pattern}`), []);
});

test('suggestions: nearest action and service, nothing when too far', () => {
  const c = testCatalog();
  assert.equal(c.closestAction('s3:GetObjekt'), 's3:GetObject');
  assert.equal(c.closestAction('s3:getobjct'), 's3:GetObject');
  assert.equal(c.closestService('dynamdb'), 'dynamodb');
  assert.equal(closestMatch('zzzzzzzz', ['GetObject', 'PutObject']), undefined);
  assert.equal(editDistance('GetObjekt'.toLowerCase(), 'getobject', 3), 1);
  assert.equal(editDistance('ab', 'ba', 3), 1, 'a transposition is one edit');
  // a very long word is rejected by the length bound before any quadratic work
  assert.equal(closestMatch('x'.repeat(10000), c.getService('s3')!.actions.map((a) => a.name)), undefined);
});

test('ARN templates parse, and the ARN-service index gathers templates across services', () => {
  const c = testCatalog();
  for (const svc of c.services.values()) {
    for (const rt of svc.resourceTypes.values()) assert.ok(parseArn(rt.arn), `${svc.prefix}/${rt.name}: ${rt.arn}`);
  }
  const t = splitArnTemplate('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.equal(t.resourceGlob, '*/*');
  assert.equal(t.regionRequired, false);
  // STS declares its role type on IAM ARNs: the "iam" namespace gathers both
  const iam = resourceTypesForArnService(c, 'iam');
  assert.ok(iam.some((r) => r.service.prefix === 'iam' && r.name === 'role'));
  assert.ok(iam.some((r) => r.service.prefix === 'sts'));
  assert.deepEqual(resourceTypesOfAction(c.getAction('s3:ListAllMyBuckets')!), []);
  assert.deepEqual(resourceTypesOfAction(c.getAction('s3:GetObject')!)!.map((r) => r.name).sort(), ['accesspointobject', 'object']);
});

test('API operation aliases: never a real action, every target a real action', () => {
  const c = testCatalog();
  assert.ok(API_OPERATION_ALIASES.length >= 30);
  for (const a of API_OPERATION_ALIASES) {
    assert.equal(c.getAction(a.operation), undefined, `${a.operation} is an IAM action now: drop the alias`);
    for (const g of a.grantedBy) assert.equal(c.getAction(g)?.fullName, g, `${a.operation} -> ${g}`);
    assert.match(a.source, /^https:\/\/docs\.aws\.amazon\.com\//);
  }
  assert.deepEqual(apiOperationAlias('S3:createmultipartupload')?.grantedBy, ['s3:PutObject']);
  assert.equal(apiOperationAlias('s3:GetObject'), undefined);
});

test('partitions and Regions table', () => {
  assert.ok(isKnownPartition('aws') && isKnownPartition('aws-cn') && isKnownPartition('aws-us-gov'));
  assert.equal(isKnownPartition('amazon'), false);
  assert.ok(PARTITIONS.every((p) => p.regions.every((r) => looksLikeRegion(r))), 'every tabled Region has the Region shape');
  assert.equal(new Set(ALL_REGIONS).size, ALL_REGIONS.length);
  assert.equal(looksLikeRegion('us-east-9'), true);
  assert.equal(looksLikeRegion('useast1'), false);
  assert.equal(looksLikeRegion('us-east'), false);
});

test('arnServiceSegment is parseArn(arn).service, on every catalog template and on random colon strings', () => {
  let n = 0;
  for (const svc of testCatalog().services.values()) {
    for (const rt of svc.resourceTypes.values()) {
      assert.equal(arnServiceSegment(rt.arn), splitArnTemplate(rt.arn).service, rt.arn);
      n++;
    }
  }
  assert.ok(n > 2000, `${n} templates`);
  const random = prng(19);
  const pieces = ['arn', 'ARN', 'Arn', 'aws', 's3', '', '${Partition}', 'x:y', '::', ':', 'a', '*', 'arnx'];
  for (let i = 0; i < 20_000; i++) {
    let text = '';
    const count = Math.floor(random() * 9);
    for (let j = 0; j < count; j++) text += pieces[Math.floor(random() * pieces.length)]! + (random() < 0.6 ? ':' : '');
    assert.equal(arnServiceSegment(text), parseArn(text)?.service ?? '', JSON.stringify(text));
  }
});
