// The settings path-glob matcher: `**` across segments, `*`/`?` inside one, base-name patterns, separators.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchAnyGlob, matchGlob } from '../../../server/src/config/globs';

const yes = (g: string, p: string) => assert.equal(matchGlob(g, p), true, `${g} should match ${p}`);
const no = (g: string, p: string) => assert.equal(matchGlob(g, p), false, `${g} should not match ${p}`);

test('** matches zero or more whole segments', () => {
  yes('**/trust/*.json', 'trust/a.json');
  yes('**/trust/*.json', 'infra/roles/trust/a.json');
  no('**/trust/*.json', 'infra/trust/sub/a.json');
  no('**/trust/*.json', 'infra/untrust/a.json');
  yes('policies/**', 'policies/a/b/c.json');
  yes('policies/**/x.json', 'policies/x.json');
  yes('a/**/b/**/c', 'a/x/b/y/z/c');
  no('a/**/b/**/c', 'a/x/c');
  yes('**', 'anything/at/all.json');
});

test('* and ? stay inside one segment', () => {
  yes('policies/*.json', 'policies/a.json');
  no('policies/*.json', 'policies/sub/a.json');
  yes('scp-?.json', 'scp-1.json');
  no('scp-?.json', 'scp-10.json');
  yes('infra/*/trust-*.json', 'infra/prod/trust-ci.json');
});

test('a pattern without a slash matches the base name anywhere', () => {
  yes('*.policy.json', 'deep/dir/x.policy.json');
  yes('bucket.json', 'a/b/bucket.json');
  no('bucket.json', 'a/b/bucket.json.bak');
});

test('anchored patterns, ./ prefixes and Windows separators', () => {
  yes('./policies/a.json', 'policies/a.json');
  no('./policies/a.json', 'x/policies/a.json');
  yes('policies/*.json', 'policies\\a.json');
  yes('policies\\*.json', 'policies/a.json');
  no('', 'a.json');
});

test('matching is case-sensitive, like file systems the CLI runs on in CI', () => {
  no('Policies/*.json', 'policies/a.json');
});

test('regex metacharacters in patterns are literal', () => {
  yes('a+b(c)[d].json', 'a+b(c)[d].json');
  no('a.b', 'axb');
  yes('$weird^.json', 'x/$weird^.json');
});

// An exponential matcher would not finish here (the test layer's generous timeout reports a hang); speed
// itself is measured by `npm run bench`, never asserted in a test.
test('adversarial input completes with the right answers (no exponential backtracking)', () => {
  const path = `${'a/'.repeat(2000)}b`;
  const pattern = `${'**/a/'.repeat(30)}**/c`;
  assert.equal(matchGlob(pattern, path), false);
  assert.equal(matchGlob(`${'**/a/'.repeat(30)}**/b`, path), true);
  const starred = `${'*a'.repeat(200)}b`;
  assert.equal(matchGlob(`x/${starred}`, `x/${'a'.repeat(5000)}`), false);
  assert.equal(matchGlob(`x/${starred}`, `x/${'a'.repeat(5000)}b`), true);
});

test('matchAnyGlob', () => {
  assert.equal(matchAnyGlob([], 'a.json'), false);
  assert.equal(matchAnyGlob(['x/*', '*.json'], 'a.json'), true);
});
