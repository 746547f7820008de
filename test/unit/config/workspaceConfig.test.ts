// .iam-policy.json: validation of its content, the nearest-file lookup, and how it merges with editor settings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWorkspaceConfig, WorkspaceConfigFinder } from '../../../server/src/config/workspaceConfig';
import { resolveFileSettings } from '../../../server/src/config/fileSettings';

test('parses every key and accepts comments and trailing commas', () => {
  const { config, problems } = parseWorkspaceConfig(`{
    // CI and the editor read this
    "rules": {"RESOURCE_STAR": "off", "INVALID_ACTION": "error"},
    "policyTypes": {"**/trust/*.json": "trust"},
    "files": ["policies/**/*.json"],
    "accountIds": ["111122223333"],
    "ignore": ["fixtures/**"],
  }`);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    rules: { RESOURCE_STAR: 'off', INVALID_ACTION: 'error' },
    policyTypes: { '**/trust/*.json': 'trust' },
    files: ['policies/**/*.json'],
    accountIds: ['111122223333'],
    ignore: ['fixtures/**'],
  });
});

test('drops invalid entries and says why, keeping the valid ones', () => {
  const { config, problems } = parseWorkspaceConfig('{"rules": {"A": "fatal", "DUPLICATE_SID": "hint"}, "policyTypes": {"x": "role"}, "files": "a.json", "ignore": [1, "b"], "colour": 1}');
  assert.deepEqual(config.rules, { DUPLICATE_SID: 'hint' });
  assert.deepEqual(config.policyTypes, {});
  assert.deepEqual(config.files, []);
  assert.deepEqual(config.ignore, ['b']);
  // the schema's words (validateConfig.ts), in the order of the text
  assert.deepEqual(problems, [
    '"rules": unknown rule code "A" (iam-policy-check --list-rules lists them)',
    '"policyTypes.x" must be one of "identity", "resource", "trust", "scp", "rcp", "boundary", got "role"',
    '"files" must be an array of strings',
    '"ignore" entries must be strings, got 1',
    'unknown key "colour"',
  ]);
  assert.deepEqual(parseWorkspaceConfig('{"rules": {"DUPLICATE_SID": "fatal"}}').problems, ['"rules.DUPLICATE_SID" must be one of "off", "hint", "info", "warning", "error", got "fatal"']);
});

test('non-JSON and non-object content is a problem, not an exception', () => {
  assert.match(parseWorkspaceConfig('{"rules": ').problems[0]!, /not valid JSON/);
  assert.deepEqual(parseWorkspaceConfig('[1]').problems, ['must contain a JSON object']);
});

test('the nearest .iam-policy.json applies; the search stops at the given folder', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'iam-ws-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'repo', 'infra', 'trust'), { recursive: true });
  mkdirSync(join(root, 'repo', 'other'), { recursive: true });
  writeFileSync(join(root, '.iam-policy.json'), '{"rules": {"RESOURCE_STAR": "off"}}');
  writeFileSync(join(root, 'repo', '.iam-policy.json'), '{"rules": {"DUPLICATE_SID": "off"}, "policyTypes": {"infra/trust/*.json": "trust"}, "ignore": ["other/**"]}');
  const finder = new WorkspaceConfigFinder();
  const trustFile = join(root, 'repo', 'infra', 'trust', 'ci.json');
  const found = finder.forFile(trustFile);
  assert.equal(found?.path, join(root, 'repo', '.iam-policy.json'));
  assert.deepEqual(found?.config.rules, { DUPLICATE_SID: 'off' });
  // globs are relative to the config file's directory
  const s = resolveFileSettings(trustFile, found);
  assert.equal(s.policyType, 'trust');
  assert.equal(s.ignored, false);
  assert.equal(resolveFileSettings(join(root, 'repo', 'other', 'x.json'), finder.forFile(join(root, 'repo', 'other', 'x.json'))).ignored, true);
  // bounded search: from repo/infra with stopAt = repo/infra nothing is found
  assert.equal(new WorkspaceConfigFinder().forFile(trustFile, join(root, 'repo', 'infra')), undefined);
  // cached until cleared
  writeFileSync(join(root, 'repo', '.iam-policy.json'), '{"rules": {"LEGACY_SCP_SYNTAX": "off"}}');
  assert.deepEqual(finder.forFile(trustFile)?.config.rules, { DUPLICATE_SID: 'off' });
  finder.clear();
  assert.deepEqual(finder.forFile(trustFile)?.config.rules, { LEGACY_SCP_SYNTAX: 'off' });
});

test('editor settings win over the workspace file', () => {
  const workspace = {
    path: '/ws/.iam-policy.json',
    dir: '/ws',
    problems: [],
    config: { rules: { A: 'off', B: 'error' }, policyTypes: { 'roles/*.json': 'trust' }, files: ['p/*.json'], accountIds: ['111122223333'], ignore: [] },
  } as const;
  const editor = { baseDir: '/ws', settings: { rules: { A: 'warning' }, policyTypes: { 'roles/*.json': 'identity' }, files: [], accountIds: ['444455556666'] } } as const;
  const s = resolveFileSettings('/ws/roles/r.json', workspace, editor);
  assert.deepEqual(s.service.rules, { A: 'warning', B: 'error' });
  assert.deepEqual(s.service.accountIds, ['444455556666', '111122223333']);
  assert.equal(s.policyType, 'identity');
  assert.equal(resolveFileSettings('/ws/p/x.json', workspace, editor).forcePolicy, true);
  assert.equal(resolveFileSettings('/ws/q/x.json', workspace, editor).forcePolicy, false);
  // untitled documents: rule levels only
  const u = resolveFileSettings(undefined, workspace, editor);
  assert.equal(u.policyType, undefined);
  assert.deepEqual(u.service.rules, { A: 'warning', B: 'error' });
});

test('sensitiveActions and legacyScp: parsed from the file, editor list replaces it when non-empty', () => {
  const { config, problems } = parseWorkspaceConfig('{"sensitiveActions": ["iam:*"], "legacyScp": true}');
  assert.deepEqual(problems, []);
  assert.deepEqual(config.sensitiveActions, ['iam:*']);
  assert.equal(config.legacyScp, true);
  assert.deepEqual(parseWorkspaceConfig('{"legacyScp": "yes"}').problems, ['"legacyScp" must be true or false']);
  const workspace = { path: '/ws/.iam-policy.json', dir: '/ws', problems: [], config: { ...config, rules: {}, policyTypes: {}, files: [], accountIds: [], ignore: [] } };
  const base = { rules: {}, policyTypes: {}, files: [], accountIds: [] };
  assert.deepEqual(resolveFileSettings('/ws/a.json', workspace, { settings: { ...base, sensitiveActions: [], legacyScp: false } }).service, {
    rules: {},
    accountIds: [],
    sensitiveActions: ['iam:*'],
    legacyScp: true,
  });
  assert.deepEqual(resolveFileSettings('/ws/a.json', workspace, { settings: { ...base, sensitiveActions: ['kms:Decrypt'] } }).service.sensitiveActions, ['kms:Decrypt']);
  assert.deepEqual(resolveFileSettings('/ws/a.json', undefined).service, { rules: {}, accountIds: [] });
});
