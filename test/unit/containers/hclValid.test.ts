// Valid HCL2 that trips simple readers (index on a call, Unicode identifiers, multi-line interpolation, for/splat/
// conditional expressions, template directives, provider functions, dynamic blocks…) must never give the hand-written
// reader a syntax error: the list the HCL parser evaluation used (test/fixtures/hcl/valid-hcl2.json, bench/hclParsers/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../../server/src/service/parser/containers/hcl';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';

const tricky = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'hcl', 'valid-hcl2.json'), 'utf8')) as Array<{ name: string; text: string }>;

test('valid HCL2 constructs parse without a syntax error', () => {
  assert.ok(tricky.length >= 14);
  for (const { name, text } of tricky) {
    const { syntaxErrors, body } = parseHcl(text);
    assert.deepEqual(syntaxErrors, [], name);
    assert.ok(body.blocks.length + body.attributes.length > 0, `${name}: nothing read`);
  }
});
