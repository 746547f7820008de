// schemas/iam-policy-config.schema.json (editor validation of .iam-policy.json) agrees with the loader:
// same keys, the examples validate, and values the loader rejects are rejected by the schema too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import { KNOWN_KEYS, parseWorkspaceConfig } from '../../../server/src/config/workspaceConfig';
import { buildConfigSchema, editorRulesSetting } from '../../../server/src/config/configSchema';
import { lineColumn, validateConfigText } from '../../../server/src/config/validateConfig';
import { ALL_RULES } from '../../../server/src/service';

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
  for (const bad of [
    '{"rules": {"A_B": "fatal"}}',
    '{"rules": {"RESOURCE_STARS": "off"}}',
    '{"accountIds": ["12345"]}',
    '{"accountIds": ["1111-2222-3333"]}',
    '{"overrides": [{"files": ["a/**"], "rules": {"NOPE": "off"}}]}',
    '{"overrides": [{"rules": {"RESOURCE_STAR": "off"}}]}',
    '{"overrides": {"files": "x"}}',
    '{"policyTypes": {"x": "role"}}',
    '{"files": "a.json"}',
    '{"colour": 1}',
    '{"legacyScp": "yes"}',
  ]) {
    assert.ok(parseWorkspaceConfig(bad).problems.length > 0, bad);
    assert.equal(validate(JSON.parse(bad)), false, bad);
  }
});

test('what the loader accepts, the schema accepts (overrides, every rule code)', () => {
  const rules = Object.fromEntries(ALL_RULES.map((r) => [r.code, 'warning']));
  for (const good of [JSON.stringify({ rules }), '{"overrides": [{"files": ["legacy/**", "*.tf"], "rules": {"RESOURCE_STAR": "off"}}, {"files": "x.json"}]}']) {
    assert.deepEqual(parseWorkspaceConfig(good).problems, [], good);
    assert.equal(validate(JSON.parse(good)), true, JSON.stringify(validate.errors));
  }
});

test('an unknown rule code is reported with the closest code, and dropped', () => {
  const { config, problems } = parseWorkspaceConfig('{"rules": {"RESOURCE_STARS": "off", "RESOURCE_STAR": "info"}}');
  assert.deepEqual(config.rules, { RESOURCE_STAR: 'info' });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"\?/);
});

test('the schema file and the iamPolicy.rules setting are generated from the rule registry and up to date', () => {
  assert.deepEqual(schema, buildConfigSchema(ALL_RULES), 'run: npm run build:tests && node scripts/generateConfigSchema.mjs');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> }; jsonValidation: { fileMatch: string; url: string }[] } };
  assert.deepEqual(pkg.contributes.configuration.properties['iamPolicy.rules'], editorRulesSetting(ALL_RULES), 'run: node scripts/generateConfigSchema.mjs');
  assert.ok(pkg.contributes.jsonValidation.some((v) => v.fileMatch === '.iam-policy.json' && v.url === './schemas/iam-policy-config.schema.json'));
  const codes = (editorRulesSetting(ALL_RULES)['propertyNames'] as { enum: string[] }).enum;
  assert.equal(codes.length, ALL_RULES.length);
});

test('run-time validation: the precompiled validator is the generated schema, and each problem has its path and place', () => {
  // the module is generated from the schema file by scripts/generateConfigSchema.mjs (the freshness test above runs
  // it with --check through the build); here: same verdicts as ajv compiling the schema now
  const text = `{
  // comments are fine
  "rules": { "RESOURCE_STARS": "off", "DUPLICATE_SID": "loud" },
  "accountIds": ["111122223333", "12345"],
  "overrides": [{ "files": [], "rules": {} }, { "rules": {} }, { "files": 3 }],
  "legacyScp": "yes",
  "colour": 1
}`;
  const located = validateConfigText(text);
  const at = (offset: number) => { const { line, column } = lineColumn(text, offset); return `${line}:${column}`; };
  assert.deepEqual(
    located.map((p) => `${at(p.offset)} ${p.path} | ${p.message} | ${text.slice(p.offset, p.offset + p.length)}`),
    [
      '3:14 rules.RESOURCE_STARS | "rules": unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"? (iam-policy-check --list-rules lists them) | "RESOURCE_STARS"',
      '3:56 rules.DUPLICATE_SID | "rules.DUPLICATE_SID" must be one of "off", "hint", "info", "warning", "error", got "loud" | "loud"',
      '4:34 accountIds[1] | "accountIds": "12345" is not a 12-digit AWS account ID | "12345"',
      '5:28 overrides[0].files | "overrides[0].files" must be a glob or a list of globs | []',
      '5:47 overrides[1] | "overrides[1]" needs "files" | { "rules": {} }',
      '5:75 overrides[2].files | "overrides[2].files" must be a glob or a list of globs | 3',
      '6:16 legacyScp | "legacyScp" must be true or false | "yes"',
      '7:3 colour | unknown key "colour" | "colour"',
    ],
  );
  for (const bad of ['{"rules": {"A_B": "fatal"}}', '{"files": "a.json"}', '{"overrides": {"files": "x"}}', '[1]', '{"rules": ']) {
    assert.ok(validateConfigText(bad).length > 0, bad);
    assert.equal(parseWorkspaceConfig(bad).located.length, validateConfigText(bad).length);
  }
  const good = readFileSync(join(ROOT, 'examples', '.iam-policy.json'), 'utf8');
  assert.deepEqual(validateConfigText(good), []);
  assert.equal(validate(parseJsonc(good)), true);
});

test('no bundle compiles code at run time: the validator module is standalone (no new Function, no Ajv)', () => {
  const generated = readFileSync(join(ROOT, 'server', 'src', 'config', 'configSchemaValidator.generated.js'), 'utf8');
  assert.doesNotMatch(generated, /new Function|require\("ajv"\)/);
  for (const bundle of ['cli-main.js', 'server-main.js']) {
    const code = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
    assert.match(code, /unknown rule code/, `${bundle} holds the config validation`);
    assert.doesNotMatch(code, /new Function\(/, `${bundle} compiles no code at run time`);
  }
});

test('the precompiled validator module is fresh (scripts/generateConfigSchema.mjs --check)', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generateConfigSchema.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env } });
  assert.equal(r.status, 0, r.stderr);
});
