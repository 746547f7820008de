// The words each file-name hint needs (parser/policyType.ts matchHint) only let a name skip an expression that
// could not match it: every name an expression matches holds one of its words (lower-cased), and matchHint answers what
// trying every expression in order answers, on generated names (hint words, near-misses, separators, mixed case,
// non-ASCII letters whose case maps to ASCII) and on the managed corpus's names when it is there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_NAME_HINTS, FOLDER_HINTS, matchHint } from '../../../server/src/service/parser/policyType';

type Hints = typeof FILE_NAME_HINTS;

/** The answer of the expressions alone, in order (the behaviour before the words were added). */
function byExpressionsOnly(hints: Hints, name: string): string | undefined {
  for (const hint of hints) if (hint.pattern.test(name)) return hint.type;
  return undefined;
}

const PIECES = ['trust', 'Trust', 'TRUST', 'assume', 'role', 'polic', 'policy', 'policies', 'Policy', 'relationship', 'doc', 'rcp', 'RCP', 'scp', 'Scp', 'scps',
  'resource', 'service', 'control', 'Control', 'boundar', 'boundary', 'boundaries', 'permissions', 'bucket', 'queue', 'topic', 'key', 'KEY', 'access', 'api', 'ssh',
  'based', 'vpc', 'endpoint', 'admin', 'read', 'only', 'ſcp', 'ſCP', 'ruſt', 'truſt', 'polıcy', 'boundarı', 'Kelvin-\u212aey', '\u212aey-policy', 'é', '.json', '.jsonc', '.yaml', '1'];
const SEPARATORS = ['', '-', '_', '.', ' ', '/'];

/** A deterministic pseudo-random generator (no flaky seeds: the same names every run). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

function generatedNames(count: number): string[] {
  const random = generator(20261205);
  const names: string[] = [];
  for (const a of PIECES) for (const sep of SEPARATORS) for (const b of PIECES) names.push(`${a}${sep}${b}`);
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(random() * 4);
    let name = '';
    for (let k = 0; k < parts; k++) name += (k ? SEPARATORS[Math.floor(random() * SEPARATORS.length)]! : '') + PIECES[Math.floor(random() * PIECES.length)]!;
    names.push(name);
  }
  return names;
}

function corpusNames(): string[] {
  const dir = [join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'aws-managed'), join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'aws-managed')].find((d) => existsSync(d));
  return dir ? readdirSync(dir) : [];
}

const NAMES = [...generatedNames(30_000), ...corpusNames()];

test('every name a hint expression matches holds one of the hint words, lower-cased', () => {
  let matched = 0;
  for (const hints of [FILE_NAME_HINTS, FOLDER_HINTS]) {
    for (const hint of hints) {
      for (const name of NAMES) {
        if (!hint.pattern.test(name)) continue;
        matched++;
        assert.ok(hint.needs.some((word) => name.toLowerCase().includes(word)), `${hint.type} ${hint.pattern} matches "${name}", which holds none of ${hint.needs.join(', ')}`);
      }
    }
  }
  // the generated names reach every hint often: a generator that stopped doing so would test nothing
  assert.ok(matched > 5_000, `only ${matched} matches`);
});

test('matchHint answers what the expressions alone answer, for file names and folder names', () => {
  const seen = new Set<string | undefined>();
  for (const hints of [FILE_NAME_HINTS, FOLDER_HINTS]) {
    for (const name of NAMES) {
      const expected = byExpressionsOnly(hints, name);
      seen.add(expected);
      assert.equal(matchHint(hints, name), expected, name);
    }
  }
  // every type and "no hint" occur among the answers compared
  assert.deepEqual([...seen].sort(), ['boundary', 'rcp', 'resource', 'scp', 'trust', undefined].sort());
});

test('case-insensitive matching without the u flag never takes a non-ASCII letter for an ASCII one', () => {
  // what makes the words sound for non-ASCII names (ECMAScript Canonicalize): "ſ" upper-cases to "S", "ı" to "I",
  // the Kelvin sign lower-cases to "k", yet none of them matches the ASCII letter
  assert.equal(/scp/i.test('deny-ſcp.json'), false);
  assert.equal(/trust/i.test('truſt-policy.json'), false);
  assert.equal(/policy/i.test('polıcy'), false);
  assert.equal(/key/i.test('\u212aey'), false);
  for (const name of ['deny-ſcp.json', 'truſt-policy.json', 'my-\u212aey-policy.json', 'developer-boundarı.json']) assert.equal(matchHint(FILE_NAME_HINTS, name), byExpressionsOnly(FILE_NAME_HINTS, name), name);
});
