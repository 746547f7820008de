// A rule that throws is logged with its code and stack, and every other rule's findings still come out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, createIamLanguageService, type Rule } from '../../../server/src/service';
import { testCatalog } from '../../support/catalog';

const exploding: Rule = {
  code: 'TEST_EXPLODING_RULE',
  defaultSeverity: 'error',
  category: 'hygiene',
  summary: 'A rule that always throws (test only).',
  catalogue: ['H01'],
  docs: 'Bad/Good ```json {}```',
  checkPolicy() {
    throw new Error('boom from the test rule');
  },
};

test('one crashing rule does not hide the findings of the others', () => {
  const logged: string[] = [];
  const logger = { error: (m: string) => logged.push(m), warn() {}, info() {} };
  const text = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}]}';
  const doc = TextDocument.create('file:///crash.json', 'json', 1, text);
  const withCrash = createIamLanguageService({ catalog: testCatalog(), logger, rules: [exploding, ...ALL_RULES] });
  const without = createIamLanguageService({ catalog: testCatalog(), rules: ALL_RULES });
  const got = withCrash.validate(doc, withCrash.parse(doc)).map((d) => `${String(d.code)} ${d.message}`);
  const expected = without.validate(doc, without.parse(doc)).map((d) => `${String(d.code)} ${d.message}`);
  assert.ok(expected.some((e) => e.startsWith('DUPLICATE_KEY')), 'the policy has a duplicate key finding');
  assert.deepEqual(got, expected);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /rule TEST_EXPLODING_RULE failed: boom from the test rule/);
  assert.match(logged[0]!, /at Object\.checkPolicy/, 'the stack is logged');
});
