// getCursorContext on valid and half-typed policies: the target, JSON path, token bounds and the statement.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { getCursorContext, isPolicyLike, type CursorContext, type CursorMode } from '../../../server/src/service/parser/cursorContext';
import { extractCursor } from '../../support/fixture';

function at(textWithCursor: string, mode: CursorMode = 'complete'): CursorContext & { tokenText: string | undefined; text: string } {
  const { text, offset } = extractCursor(textWithCursor);
  const cur = getCursorContext(parseDocument(text, { uri: 'file:///p.json' }), offset, mode);
  return { ...cur, tokenText: cur.token ? text.slice(cur.token.start, cur.token.end) : undefined, text };
}

const wrap = (stmt: string): string => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, ${stmt}]}`;

test('element keys at each level', () => {
  assert.equal(at('{"Ver$0sion": "2012-10-17", "Statement": []}').target, 'topLevelKey');
  const k = at(wrap('{"Eff$0ect": "Deny"}'));
  assert.equal(k.target, 'statementKey');
  assert.equal(k.element, 'Effect');
  assert.equal(k.statement?.index, 1);
  assert.equal(k.colonFollows, true);
  assert.deepEqual(k.path, ['Statement', 1, 'Effect']);
  assert.equal(at('{"Statement": {"Effect": "Allow", "$0"}}').target, 'statementKey');
});

test('values: Version, Effect, Sid, Action (string and array), Resource', () => {
  assert.equal(at('{"Version": "2012$0", "Statement": []}').target, 'version');
  assert.equal(at(wrap('{"Effect": "A$0"}')).target, 'effect');
  assert.equal(at(wrap('{"Sid": "x$0"}')).target, 'sid');
  const a = at(wrap('{"Action": "s3:Get$0Object"}'));
  assert.equal(a.target, 'action');
  assert.equal(a.tokenText, '"s3:GetObject"');
  assert.equal(a.token?.text, 's3:GetObject');
  assert.equal(a.token?.closed, true);
  const arr = at(wrap('{"NotAction": ["iam:*", "ec2:$0"]}'));
  assert.equal(arr.target, 'action');
  assert.equal(arr.element, 'NotAction');
  assert.equal(at(wrap('{"Resource": ["arn:aws:s3:::b$0"]}')).target, 'resource');
});

test('Principal and Condition parts', () => {
  assert.equal(at(wrap('{"Principal": {"Ser$0vice": "x"}}')).target, 'principalKey');
  const pv = at(wrap('{"Principal": {"Service": ["ec2.amazonaws.com", "la$0"]}}'));
  assert.equal(pv.target, 'principalValue');
  assert.equal(pv.principalType, 'Service');
  const star = at(wrap('{"Principal": "$0"}'));
  assert.equal(star.target, 'principalValue');
  assert.equal(star.principalType, undefined);
  assert.equal(at(wrap('{"Condition": {"String$0Equals": {}}}')).target, 'conditionOperator');
  const key = at(wrap('{"Condition": {"StringEquals": {"aws:Pr$0": "x"}}}'));
  assert.equal(key.target, 'conditionKey');
  assert.equal(key.operator, 'StringEquals');
  const val = at(wrap('{"Condition": {"Bool": {"aws:SecureTransport": ["$0"]}}}'));
  assert.equal(val.target, 'conditionValue');
  assert.equal(val.operator, 'Bool');
  assert.equal(val.conditionKey, 'aws:SecureTransport');
});

test('half-typed: unclosed string at the end of the line', () => {
  const c = at('{"Statement": [{"Effect": "Allow", "Action": "s3:$0\n}]}');
  assert.equal(c.target, 'action');
  assert.equal(c.token?.closed, false);
  assert.equal(c.token?.text, 's3:');
  assert.equal(c.tokenText, '"s3:');
});

test('half-typed: unclosed string before a comma, and one "closed" by the next key\'s quote', () => {
  const c = at('{"Statement": [{"Effect": "Allow", "Action": "s3:Li$0, "Resource": "*"}]}');
  assert.equal(c.target, 'action');
  assert.equal(c.token?.closed, false);
  assert.equal(c.token?.text, 's3:Li');
});

test('half-typed: missing comma before a new key', () => {
  const c = at('{"Statement": [{"Effect": "Allow"\n "Act$0\n}]}');
  assert.equal(c.target, 'statementKey');
  assert.equal(c.inKey, true);
  assert.equal(c.token?.text, 'Act');
  assert.equal(c.colonFollows, false);
});

test('half-typed: empty array and bare positions', () => {
  const c = at('{"Statement": [{"Effect": "Allow", "Action": [$0]}]}');
  assert.equal(c.target, 'action');
  assert.equal(c.token, undefined);
  assert.equal(at('{"Statement": [{"Effect": "Allow", "Action": [\n$0\n}]}').target, 'action');
  assert.equal(at('{"Statement": [$0]}').target, 'statement');
  const key = at('{"Statement": [{"Effect": "Allow", $0}]}');
  assert.equal(key.target, 'statementKey');
  assert.equal(key.token, undefined);
});

test('hover mode counts the opening quote; complete mode does not count a position after the closing quote', () => {
  assert.equal(at(wrap('{"Action": $0"s3:GetObject"}'), 'hover').tokenText, '"s3:GetObject"');
  assert.equal(at(wrap('{"Action": "s3:GetObject$0"}'), 'hover').tokenText, '"s3:GetObject"');
  assert.equal(at(wrap('{"Action": "s3:GetObject"$0}'), 'hover').token, undefined);
  assert.equal(at(wrap('{"Action": "s3:GetObject"$0}'), 'complete').token, undefined);
  assert.equal(at(wrap('{"Action": $0"s3:GetObject"}'), 'complete').token, undefined);
});

test('isPolicyLike: broken policies still count, other JSON does not', () => {
  assert.equal(isPolicyLike(parseDocument('{"Version": "2012-10-17",\n ""\n "Statement": []}')), true);
  assert.equal(isPolicyLike(parseDocument('{"name": "x", "version": "1.0.0"}')), false);
  assert.equal(isPolicyLike(parseDocument('["Statement"]')), false);
});
