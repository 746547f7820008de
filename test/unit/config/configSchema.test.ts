// schemas/iam-policy-config.schema.json (editor validation of .iam-policy.json) agrees with the loader:
// same keys, the examples validate, and values the loader rejects are rejected by the schema too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import { KNOWN_KEYS, parseWorkspaceConfig } from '../../../server/src/config/workspaceConfig';

// compiled to out/test/unit/config/: the repository root is four levels up
const ROOT = join(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'iam-policy-config.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
const validate = new Ajv({ allErrors: true }).compile(schema);

test('the schema and the loader know the same keys', () => {
  assert.deepEqual(Object.keys(schema.properties).sort(), [...KNOWN_KEYS].sort());
});

test('the example configs validate, and load without problems', () => {
  const examples = [readFileSync(join(ROOT, 'examples', '.iam-policy.json'), 'utf8'), readFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'tree', '.iam-policy.json'), 'utf8')];
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```jsonc\n(\{[\s\S]*?"rules"[\s\S]*?\n\})\n```/.exec(readme);
  assert.ok(block, 'README has a jsonc .iam-policy.json example');
  examples.push(block[1]!);
  for (const text of examples) {
    const value: unknown = parseJsonc(text);
    assert.equal(validate(value), true, JSON.stringify(validate.errors));
    assert.deepEqual(parseWorkspaceConfig(text).problems, []);
  }
});

test('what the loader rejects, the schema rejects', () => {
  for (const bad of ['{"rules": {"A_B": "fatal"}}', '{"policyTypes": {"x": "role"}}', '{"files": "a.json"}', '{"colour": 1}', '{"legacyScp": "yes"}']) {
    assert.ok(parseWorkspaceConfig(bad).problems.length > 0, bad);
    assert.equal(validate(JSON.parse(bad)), false, bad);
  }
});
