// Which JSON files are policies when nobody said so (parser/looksLikePolicy.ts), and the policy type a file name
// gives unless the content clearly says otherwise (parser/policyType.ts policyTypeFromFileNameAndContent).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';

const isPolicy = (text: string, uri = 'file:///w/p.json'): boolean => parseDocument(text, { uri, languageId: 'json' }).isPolicy;
const STMT = '[{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]';

test('a misspelled Statement, a policy version at the top or broken JSON still make a policy', () => {
  assert.equal(isPolicy(`{"Version": "2012-10-17", "Statment": ${STMT}}`), true);
  assert.equal(isPolicy(`{"statements": ${STMT}}`), true);
  assert.equal(isPolicy(`{"Verison": "2008-10-17", "Id": "x"}`), true);
  assert.equal(isPolicy(`{"Version": "2012-10-17", Statement: ${STMT}}`), true);
  // so broken that jsonc-parser keeps no object: the text still spells the version
  assert.equal(isPolicy(`["Version": "2012-10-17", "Statement": ${STMT}`), true);
});

test('other JSON is not a policy: package.json, tsconfig.json, a version that is not IAM\'s, keys far from Statement', () => {
  assert.equal(isPolicy('{"name": "x", "version": "1.0.0", "scripts": {}}'), false);
  assert.equal(isPolicy('{"compilerOptions": {"strict": true}}'), false);
  assert.equal(isPolicy('{"Version": "2020-01-01", "States": {}}'), false);
  assert.equal(isPolicy('{"statements_of_work": []}'), false);
  // broken JSON without an IAM version is still nobody's business
  assert.equal(isPolicy('{"name": "x" "version": "1.0.0"'), false);
});

const typeOf = (name: string, statement: string): string | undefined =>
  parseDocument(`{"Version": "2012-10-17", "Statement": [${statement}]}`, { uri: `file:///w/${name}` }).policies[0]?.policyType;

test('a file named like a resource policy is an identity policy when every statement is complete and none has a Principal', () => {
  assert.equal(typeOf('bucket-policy.json', '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'), 'identity');
  assert.equal(typeOf('queue-policy.json', '{"Effect": "Allow", "NotAction": "sqs:Delete*", "Resource": "*"}'), 'identity');
  // a Principal anywhere, or a statement still being written, leaves the name in charge
  assert.equal(typeOf('bucket-policy.json', '{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'), 'resource');
  assert.equal(typeOf('bucket-policy.json', '{"Effect": "Allow", "Action": "s3:GetObject"}'), 'resource');
  assert.equal(typeOf('bucket-policy.json', '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:*"}'), 'resource');
  // other names are untouched
  assert.equal(typeOf('deny-leave.json', '{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}'), 'identity');
  assert.equal(typeOf('my-scp.json', '{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}'), 'scp');
});
