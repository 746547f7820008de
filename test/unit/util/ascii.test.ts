// isAscii answers for whole strings of any length, whatever their characters: the fast path that lets
// INVALID_CHARACTER and the byte count skip their scans must never call non-ASCII text ASCII.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAscii } from '../../../server/src/service/util/ascii';

const reference = (s: string): boolean => !/[^\u0000-\u007f]/.test(s);

test('ASCII and non-ASCII strings of every kind', () => {
  const cases = ['', 'a', '{"Version":"2012-10-17"}', '\u007f', '\u0000\t\n', 'caf\u00e9', '\u00ff', '\u0100', 'x\u2013y', '\ud83d\ude00', 'a\ud800', '\udc00b', 'end\u0080'];
  for (const s of cases) assert.equal(isAscii(s), reference(s), JSON.stringify(s));
});

test('long strings, with the non-ASCII character anywhere, past the reused buffer and past a megabyte', () => {
  for (const length of [16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 100_000, 1_100_000]) {
    const plain = 'a'.repeat(length);
    assert.equal(isAscii(plain), true, `ASCII of ${length}`);
    for (const at of [0, Math.floor(length / 2), length - 1]) {
      const s = plain.slice(0, at) + '\u00e9' + plain.slice(at + 1);
      assert.equal(isAscii(s), false, `non-ASCII at ${at} of ${length}`);
    }
  }
  // a shorter text after a longer one: the buffer keeps no stale bytes that matter
  assert.equal(isAscii('\u00e9'), false);
  assert.equal(isAscii('ok'), true);
});
