// The settings path-glob matcher: `**` across segments, `*`/`?` inside one, base-name patterns, separators,
// braces, classes, escapes and negation (the syntax users expect from .gitignore and ESLint).

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
  no('', 'a.json');
});

test('matching is case-sensitive, like file systems the CLI runs on in CI', () => {
  no('Policies/*.json', 'policies/a.json');
});

test('regex metacharacters in patterns are literal; brackets are classes unless escaped', () => {
  yes('a+b(c)\\[d].json', 'a+b(c)[d].json');
  no('a+b(c)[d].json', 'a+b(c)[d].json');
  yes('a+b(c)[d].json', 'a+b(c)d.json');
  no('a.b', 'axb');
  yes('$weird^.json', 'x/$weird^.json');
  yes('a[b.json', 'a[b.json');
});

test('braces, classes and negation', () => {
  yes('**/*.{json,yaml}', 'a/b/c.yaml');
  yes('**/*.{json,yaml}', 'c.json');
  no('**/*.{json,yaml}', 'c.yml');
  yes('{infra,org}/**/scp-{1..3}.json', 'org/x/scp-2.json');
  no('{infra,org}/**/scp-{1..3}.json', 'org/x/scp-4.json');
  yes('[ab]*', 'dir/apple.json');
  no('[ab]*', 'dir/cherry.json');
  yes('[!ab]*', 'dir/cherry.json');
  yes('v[0-9].json', 'v7.json');
  yes('v[[:digit:]].json', 'v7.json');
  no('v[[:digit:]].json', 'vx.json');
  no('!**/fixtures/**', 'test/fixtures/a.json');
  yes('!**/fixtures/**', 'test/a.json');
});

test('a list: the last deciding pattern wins, so a negation re-includes', () => {
  assert.equal(matchAnyGlob(['**/*.json', '!**/fixtures/**'], 'test/fixtures/a.json'), false);
  assert.equal(matchAnyGlob(['**/*.json', '!**/fixtures/**'], 'test/a.json'), true);
  assert.equal(matchAnyGlob(['**/*.json', '!**/fixtures/**', '**/fixtures/keep.json'], 'test/fixtures/keep.json'), true);
  assert.equal(matchAnyGlob(['!**/fixtures/**'], 'src/a.json'), true);
  assert.equal(matchAnyGlob(['!**/fixtures/**'], 'fixtures/a.json'), false);
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
  assert.equal(matchGlob('*a*a*a*ab', 'a'.repeat(250)), false);
  assert.equal(matchGlob('{1..1000000}.json', '5.json'), false, 'a huge range is not expanded');
  assert.equal(matchGlob(`${'{a,b}'.repeat(40)}.json`, 'ab.json'), false, 'nor are many groups');
});

test('matchAnyGlob', () => {
  assert.equal(matchAnyGlob([], 'a.json'), false);
  assert.equal(matchAnyGlob(['x/*', '*.json'], 'a.json'), true);
});
