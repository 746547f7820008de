// The policy test-file loader and runner (evaluation/testFile.ts, runTests.ts): typed suite with ranges,
// problems with ranges, policy references through a resolver, inline policies with ranges in the test file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPolicyTestFile, loadPolicyTestFile, referencedPolicyPaths, runPolicyTests } from '../../../server/src/service/evaluation';
import { testCatalog } from '../../support/catalog';

const DEPLOY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::artifacts/*' }] }, null, 2);
const files: Record<string, string> = { 'policies/deploy.json': DEPLOY };
const resolver = (p: string) => (files[p] !== undefined ? { text: files[p]! } : { error: 'no such file' });

const YAML = `policies:
  identity: [policies/deploy.json]
principal: arn:aws:iam::111122223333:role/deploy
source: {url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html", quote: "..."}
tests:
  - name: deploy can write artifacts
    action: s3:PutObject
    resource: arn:aws:s3:::artifacts/app/build.zip
    context: {aws:SourceIp: 203.0.113.7, aws:MultiFactorAuthPresent: "true", aws:TagKeys: [team, env], s3:max-keys: 10}
    expect: allowed
    status: documented
    checklist: [1]
  - name: no bucket policy changes
    action: s3:PutBucketPolicy
    resource: arn:aws:s3:::artifacts
    principal: arn:aws:iam::111122223333:role/other
    resourceAccount: "444455556666"
    expect: denied
`;

test('file names: *.iamtest.json|yaml|yml', () => {
  assert.equal(isPolicyTestFile('a/deploy.iamtest.yaml'), true);
  assert.equal(isPolicyTestFile('deploy.iamtest.yml'), true);
  assert.equal(isPolicyTestFile('deploy.IAMTEST.json'), true);
  assert.equal(isPolicyTestFile('deploy.iam.json'), false);
});

test('YAML: the suite with every field located; documentation keys are accepted', () => {
  const { suite, problems } = loadPolicyTestFile(YAML, 'deploy.iamtest.yaml', { catalog: testCatalog() });
  assert.deepEqual(problems, []);
  assert.equal(suite.tests.length, 2);
  const [t1, t2] = suite.tests;
  assert.equal(t1!.name, 'deploy can write artifacts');
  assert.equal(t1!.action!.value, 's3:PutObject');
  assert.deepEqual(t1!.action!.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 24 } });
  assert.deepEqual(t1!.nameLoc!.range.start, { line: 5, character: 10 });
  assert.deepEqual(
    t1!.context.map((c) => [c.key.value, c.value]),
    [
      ['aws:SourceIp', '203.0.113.7'],
      ['aws:MultiFactorAuthPresent', 'true'],
      ['aws:TagKeys', ['team', 'env']],
      ['s3:max-keys', '10'],
    ],
  );
  assert.equal(t2!.principal!.value, 'arn:aws:iam::111122223333:role/other');
  assert.equal(t2!.resourceAccount!.value, '444455556666');
  assert.equal(t2!.expect!.value, 'denied');
  assert.deepEqual(referencedPolicyPaths(suite), ['policies/deploy.json']);
});

test('run: verdicts, expectations, decidedBy with the path as written', () => {
  const loaded = loadPolicyTestFile(YAML, 'deploy.iamtest.yaml');
  const run = runPolicyTests(loaded, resolver);
  assert.deepEqual(
    run.results.map((r) => [r.name, r.verdict, r.pass]),
    [
      ['deploy can write artifacts', 'allowed', true],
      ['no bucket policy changes', 'implicitly-denied', true],
    ],
  );
  assert.deepEqual(run.results[0]!.evaluation!.decidedBy.map((d) => [d.policy, d.statement, d.sid]), [['policies/deploy.json', 0, 'Write']]);
});

test('problems: unknown keys, wrong types, missing fields, bad expect, unknown action, each with its range', () => {
  const text = `policies:
  identity: policies/deploy.json
  bogus: x
principal: arn:aws:iam::111122223333:user/a
tests:
  - name: typo
    action: s3:GetObjekt
    resource: [a, b]
    expect: allow
    expected: allowed
  - action: ec2:RunInstances
`;
  const { problems } = loadPolicyTestFile(text, 't.iamtest.yaml', { catalog: testCatalog() });
  const byCode = problems.map((p) => [p.code, p.range.start.line, p.range.start.character]);
  assert.deepEqual(byCode, [
    ['TEST_UNKNOWN_KEY', 2, 2],
    ['TEST_UNKNOWN_ACTION', 6, 12],
    ['TEST_WRONG_TYPE', 7, 14],
    ['TEST_BAD_EXPECT', 8, 12],
    ['TEST_UNKNOWN_KEY', 9, 4],
    ['TEST_MISSING_FIELD', 10, 4],
    ['TEST_MISSING_FIELD', 10, 4],
  ]);
  const unknown = problems.find((p) => p.code === 'TEST_UNKNOWN_ACTION')!;
  assert.equal(unknown.severity, 'warning');
  assert.match(unknown.message, /did you mean "s3:GetObject"/);
  assert.match(problems.find((p) => p.code === 'TEST_BAD_EXPECT')!.message, /got "allow"/);
});

test('JSON test files, syntax errors, and unreadable policies become problems at the reference', () => {
  const json = '{"policies": {"identity": ["policies/missing.json"]}, "principal": "arn:aws:iam::111122223333:user/a",\n "tests": [{"name": "t", "action": "s3:GetObject", "resource": "*", "expect": "denied"}]}';
  const loaded = loadPolicyTestFile(json, 'x.iamtest.json');
  assert.deepEqual(loaded.problems, []);
  const run = runPolicyTests(loaded, resolver);
  assert.equal(run.results[0]!.pass, false);
  assert.match(run.results[0]!.error!, /missing\.json/);
  assert.deepEqual(run.problems.map((p) => [p.code, p.range.start.line, p.range.start.character]), [['TEST_POLICY_NOT_FOUND', 0, 27]]);
  const broken = loadPolicyTestFile('{"tests": [', 'b.iamtest.json');
  assert.ok(broken.problems.some((p) => p.code === 'TEST_SYNTAX_ERROR'));
  const brokenYaml = loadPolicyTestFile('tests:\n  - name: [unclosed\n', 'b.iamtest.yaml');
  assert.ok(brokenYaml.problems.some((p) => p.code === 'TEST_SYNTAX_ERROR'));
});

test('inline policies: evaluated, and their deciding ranges point into the test file', () => {
  const text = `principal: arn:aws:iam::111122223333:user/a
policies:
  identity:
    - Version: "2012-10-17"
      Statement:
        - Sid: Inline
          Effect: Allow
          Action: s3:GetObject
          Resource: "*"
  scp: [[{Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}], []]
tests:
  - name: the empty account level denies
    action: s3:GetObject
    resource: arn:aws:s3:::b/k
    expect: implicitly-denied
  - name: a test replaces the scp kind
    action: s3:GetObject
    resource: arn:aws:s3:::b/k
    policies: {scp: [[{Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}]]}
    expect: allowed
`;
  const loaded = loadPolicyTestFile(text, 'inline.iamtest.yaml');
  assert.deepEqual(loaded.problems, []);
  const run = runPolicyTests(loaded, resolver);
  assert.deepEqual(run.results.map((r) => [r.verdict, r.pass]), [['implicitly-denied', true], ['allowed', true]]);
  const inline = run.results[1]!.evaluation!.decidedBy.find((d) => d.kind === 'identity')!;
  assert.equal(inline.file, 'inline.iamtest.yaml');
  assert.equal(inline.sid, 'Inline');
  assert.equal(inline.range.start.line, 5);
});

test('context keys no service defines get a warning with the closest known key', () => {
  const text = 'principal: arn:aws:iam::111122223333:user/a\npolicies: {identity: p.json}\ntests:\n  - {name: t, action: s3:GetObject, resource: "*", expect: denied, context: {aws:SourceIpp: 1.2.3.4, aws:PrincipalTag/team: x}}\n';
  const { problems } = loadPolicyTestFile(text, 'k.iamtest.yaml', { catalog: testCatalog() });
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.range.start.line, p.range.start.character]), [['TEST_UNKNOWN_CONTEXT_KEY', 'warning', 3, 77]]);
  assert.match(problems[0]!.message, /did you mean "aws:SourceIp"/);
});

test('a referenced policy with a JSON syntax error is an invalid input, located at the reference', () => {
  const text = 'principal: arn:aws:iam::111122223333:user/a\npolicies: {identity: broken.json}\ntests:\n  - {name: t, action: s3:GetObject, resource: "*", expect: denied}\n';
  const run = runPolicyTests(loadPolicyTestFile(text, 'b.iamtest.yaml'), () => ({ text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "*", "Resource": "*"}]}' }));
  assert.equal(run.results[0]!.pass, false);
  assert.deepEqual(run.problems.map((p) => [p.code, p.range.start.line]), [['TEST_POLICY_INVALID', 1]]);
  assert.match(run.problems[0]!.message, /broken\.json: not valid JSON at line 1, column 60: Comma expected\.$/);
});
