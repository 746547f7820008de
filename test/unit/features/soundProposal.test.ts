// isSoundProposal, the structural check behind every offered fix: edits inside the text, not overlapping, and a
// valid JSON document stays valid JSON. It reads only the smallest value holding the edits where it can, so
// these cases pin that shortcut to the same answers as a full parse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSoundProposal } from '../../../server/src/service/features/codeActions';
import { parseJson } from '../../../server/src/service/parser/jsonTree';
import type { FixProposal, OffsetEdit } from '../../../server/src/service/fixes/fixTypes';

const TEXT = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]}';
const at = (needle: string): number => {
  const i = TEXT.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};
const proposal = (...edits: OffsetEdit[]): FixProposal => ({ title: 't', kind: 'quickfix', edits });
const sound = (p: FixProposal): boolean => isSoundProposal(TEXT, p, () => true, parseJson(TEXT).root);
const soundByFullParse = (p: FixProposal): boolean => isSoundProposal(TEXT, p, () => true);

const cases: Array<[string, FixProposal, boolean]> = [
  ['a list swapped for another list', proposal({ offset: at('["s3:*"]'), length: '["s3:*"]'.length, newText: '["s3:GetObject", "s3:ListBucket"]' }), true],
  ['a string swapped for a string', proposal({ offset: at('"*"}'), length: 3, newText: '"arn:aws:s3:::b/*"' }), true],
  ['a key renamed to a string', proposal({ offset: at('"Resource"'), length: '"Resource"'.length, newText: '"NotResource"' }), true],
  ['a key replaced by a number', proposal({ offset: at('"Resource"'), length: '"Resource"'.length, newText: '42' }), false],
  ['a value replaced by broken JSON', proposal({ offset: at('["s3:*"]'), length: '["s3:*"]'.length, newText: '["s3:GetObject",' }), false],
  ['half a string replaced by a string', proposal({ offset: at('"s3:*"'), length: 3, newText: '"a"' }), false],
  ['a property inserted (not a whole value; full parse says yes)', proposal({ offset: at('"Resource"'), length: 0, newText: '"Sid": "A", ' }), true],
  ['a property inserted without its comma', proposal({ offset: at('"Resource"'), length: 0, newText: '"Sid": "A" ' }), false],
  ['two whole values at once', proposal({ offset: at('"Allow"'), length: 7, newText: '"Deny"' }, { offset: at('"*"}'), length: 3, newText: '["a", "b"]' }), true],
  ['a key replaced by an object', proposal({ offset: at('"Effect"'), length: '"Effect"'.length, newText: '{}' }), false],
  ['a condition added inside the statement', proposal({ offset: at('"*"}') + 3, length: 0, newText: ', "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}' }), true],
  ['a condition added without its comma', proposal({ offset: at('"*"}') + 3, length: 0, newText: ' "Condition": {}' }), false],
  ['a statement added at the end of the list', proposal({ offset: at('}]}') + 1, length: 0, newText: ', {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}' }), true],
  ['text added after the document', proposal({ offset: TEXT.length, length: 0, newText: ' {}' }), false],
  ['an edit across a key and its value that leaves a key without a value', proposal({ offset: at('Effect"'), length: 'Effect": "Allow'.length, newText: 'Effect": "Allow", "X' }), false],
  ['an edit across a key and its value that stays valid', proposal({ offset: at('Effect"'), length: 'Effect": "Allow'.length, newText: 'Effect": "Deny' }), true],
  // inside a statement, only the run of members the edits touch is read (codeActions.ts validWithinMembers)
  ['a property removed with its comma', proposal({ offset: at(', "Action"'), length: ', "Action": ["s3:*"]'.length, newText: '' }), true],
  ['a property removed without its comma (two commas in a row)', proposal({ offset: at('"Action"'), length: '"Action": ["s3:*"]'.length, newText: '' }), false],
  ['a property removed with both commas', proposal({ offset: at(', "Action"'), length: ', "Action": ["s3:*"],'.length, newText: '' }), false],
  ['a property inserted before the first one', proposal({ offset: at('"Effect"'), length: 0, newText: '"Sid": "A", ' }), true],
  ['a property inserted before the first one without its comma', proposal({ offset: at('"Effect"'), length: 0, newText: '"Sid": "A" ' }), false],
  ['a property inserted between two others', proposal({ offset: at(', "Resource"'), length: 0, newText: ', "Sid": "A"' }), true],
  ['two properties edited apart from each other', proposal({ offset: at('"Allow"'), length: 7, newText: '"Deny"' }, { offset: at('"*"}') + 3, length: 0, newText: ', "Sid": "A"' }), true],
  ['two properties edited, one of them broken', proposal({ offset: at('"Allow"'), length: 7, newText: '"Deny"' }, { offset: at('"*"}') + 3, length: 0, newText: ', "Sid": ' }), false],
  ['the last property turned into a trailing comma', proposal({ offset: at('"*"}') + 3, length: 0, newText: ',' }), false],
  ['an item added inside an Action list', proposal({ offset: at('"s3:*"]') + '"s3:*"'.length, length: 0, newText: ', "s3:GetObject"' }), true],
  ['an item added inside an Action list without its comma', proposal({ offset: at('"s3:*"]') + '"s3:*"'.length, length: 0, newText: ' "s3:GetObject"' }), false],
  ['a statement replaced by two', proposal({ offset: at('{"Effect"'), length: '{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}'.length, newText: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}, {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}' }), true],
  ['a statement replaced by two without a comma', proposal({ offset: at('{"Effect"'), length: '{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}'.length, newText: '{"Effect": "Allow"} {"Effect": "Deny"}' }), false],
  ['a statement replaced by nothing', proposal({ offset: at('{"Effect"'), length: '{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}'.length, newText: '' }), true],
  ['overlapping edits', proposal({ offset: at('"Allow"'), length: 7, newText: '"Deny"' }, { offset: at('"Allow"') + 2, length: 1, newText: 'x' }), false],
];

for (const [name, p, expected] of cases) {
  test(`isSoundProposal: ${name}`, () => {
    assert.equal(sound(p), expected);
    // the shortcut must agree with the full parse it replaces
    assert.equal(soundByFullParse(p), expected);
  });
}
