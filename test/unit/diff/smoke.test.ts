import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testCatalog } from '../../support/catalog';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { diffPolicies } from '../../../server/src/service/diff/diffPolicies';
import { localEvaluator } from '../../../server/src/service/diff/localEvaluator';

function d(a: unknown, b: unknown) {
  const c = testCatalog();
  const pa = parseDocument(JSON.stringify(a), { uri: 'a.json', forcePolicy: true }).policies[0];
  const pb = parseDocument(JSON.stringify(b), { uri: 'b.json', forcePolicy: true }).policies[0];
  return diffPolicies(c, pa, pb, { evaluate: localEvaluator(c) });
}
const P = (...st: unknown[]) => ({ Version: '2012-10-17', Statement: st });

test('smoke', () => {
  const r = d(P({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }), P({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
  console.log(r.gained.length, r.lost.length, r.gained.filter((g) => g.accessLevel.includes('Write')).length);
  console.log(JSON.stringify(r.gained[0]));
  const r2 = d(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), P({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] }));
  console.log(JSON.stringify(r2, null, 1));
  const r3 = d(P({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }), P({ Effect: 'Allow', Action: '*', Resource: '*' }));
  console.log(r3.gained.length, JSON.stringify(r3.gained[0]));
  assert.ok(true);
});
