// Registry invariants: unique UPPER_SNAKE codes, metadata complete, docs with bad and good examples,
// catalogue ids of the form of shared/spec/checks-catalogue.md §6.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../../server/src/service';

test('rule codes are unique and UPPER_SNAKE', () => {
  const codes = ALL_RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length, 'duplicate rule code');
  for (const c of codes) assert.match(c, /^[A-Z][A-Z0-9_]+$/);
});

test('every rule has a summary, catalogue ids and docs with a bad and a good example', () => {
  for (const r of ALL_RULES) {
    assert.ok(r.summary.length > 10, `${r.code}: summary`);
    assert.ok(r.catalogue.length > 0, `${r.code}: catalogue ids`);
    for (const id of r.catalogue) assert.match(id, /^(G|T|A|R|PR|C|S|L|H)\d\d$/, `${r.code}: catalogue id ${id}`);
    assert.match(r.docs, /Bad/, `${r.code}: docs need a "Bad" example`);
    assert.match(r.docs, /Good/, `${r.code}: docs need a "Good" example`);
    assert.match(r.docs, /```json/, `${r.code}: docs need a json code block`);
  }
});
