// The engine over real policies (test/fixtures/policies) and over broken shapes: every request gets one of the
// three verdicts, a trace entry per statement and ranges inside the policy text; nothing throws.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, policyFromText, VERDICTS, type EvalRequest } from '../../../server/src/service/evaluation';
import { corpusTexts } from '../../support/corpus';
import { testCatalog } from '../../support/catalog';

const REQUESTS: EvalRequest[] = [
  { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', context: { 'aws:SourceIp': '203.0.113.7', 'aws:TagKeys': ['a'] } },
  { principal: 'arn:aws:sts::111122223333:assumed-role/r/s', action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', context: {} },
  { principal: 'arn:aws:iam::444455556666:root', action: 'iam:PassRole', resource: 'arn:aws:iam::111122223333:role/x', context: { 'aws:MultiFactorAuthPresent': 'true' } },
  { principal: 'anonymous', action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:111122223333:q', context: {} },
];

test('every corpus policy, as each policy kind, gives a verdict and a consistent trace', () => {
  const catalog = testCatalog();
  let evaluated = 0;
  for (const text of corpusTexts()) {
    for (const kind of ['identity', 'resource', 'scp'] as const) {
      const p = policyFromText('p.json', text, kind).policy;
      if (!p) continue;
      const set = kind === 'identity' ? { identity: [p] } : kind === 'resource' ? { resource: p } : { identity: [p], scp: [[p]] };
      for (const r of REQUESTS) {
        const e = evaluate(set, r, { catalog });
        assert.ok(VERDICTS.includes(e.verdict));
        assert.ok(e.statements.length >= p.doc.statements.length);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const s of e.statements) assert.ok(s.range.end.line < lines && (s.matched || s.mismatch !== undefined));
        for (const d of e.decidedBy) assert.equal(e.verdict === 'explicitly-denied' ? d.effect : 'Allow', d.effect);
        evaluated++;
      }
    }
  }
  assert.ok(evaluated > 1000, `${evaluated} evaluations`);
});

test('broken shapes never throw: wrong types, empty lists, odd operators, malformed variables', () => {
  const shapes: unknown[] = [
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 42, Resource: null }] },
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [], Resource: [] }] },
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: 'x' } } },
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::${aws:username', Condition: { 'ForAllValues:Null': { k: [true, 1, null] }, NumericLessThan: { k: { a: 1 } }, DateEquals: { k: '' } } }] },
    { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: 'x', Principal: { AWS: [] }, NotAction: '', Resource: '*' }] },
    { Statement: [{ Effect: 'Allow', Action: '*', Resource: '${*}${?}${$}${}', Condition: { IpAddress: { 'aws:SourceIp': ['::', '1.2.3.4/99', 'x'] } } }] },
  ];
  for (const shape of shapes) {
    const p = policyFromText('odd.json', JSON.stringify(shape), 'resource').policy!;
    for (const r of REQUESTS) {
      assert.ok(VERDICTS.includes(evaluate({ identity: [p], resource: p, boundary: p, session: p, scp: [[p], []], rcp: [[p]] }, r).verdict));
      assert.ok(VERDICTS.includes(evaluate({ identity: [p] }, { ...r, context: { k: [], 'aws:SourceIp': 'not-an-ip' } }).verdict));
    }
  }
});
