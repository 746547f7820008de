// The pure parts of the editor's evaluation features: the test-file cursor model (YAML by indentation, JSON by
// jsonc-parser), completion and hover in test files, the format table against the loader's keys, the
// context-key did-you-mean fix, the narrowest-grant edit, simulation choices and placement, and explain-access-denied
// over in-memory workspaces (matching Deny, missing Allow, a Deny that is not in the workspace).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { testCatalog } from '../../../support/catalog';
import { parseDocument } from '../../../../server/src/service/parser/parseDocument';
import { cursorAt } from '../../../../server/src/service/features/policyTests/cursor';
import { completeTestFile } from '../../../../server/src/service/features/policyTests/complete';
import { hoverTestFile } from '../../../../server/src/service/features/policyTests/hover';
import { FILE_KEYS, TEST_KEYS } from '../../../../server/src/service/features/policyTests/format';
import { FILE_KEYS as LOADER_FILE_KEYS, TEST_KEYS as LOADER_TEST_KEYS } from '../../../../server/src/service/evaluation/testFile';
import { testFileQuickFixes } from '../../../../server/src/service/features/policyTests/quickFixes';
import { runTestFile } from '../../../../server/src/service/features/policyTests/marks';
import { appendStatementEdit, grantStatement } from '../../../../server/src/service/features/accessDenied/grantEdit';
import { applyOffsetEdits } from '../../../../server/src/service/fixes/jsonEdits';
import { simulationChoices } from '../../../../server/src/service/features/simulate/choices';
import { simulateOnPolicy } from '../../../../server/src/service/features/simulate/simulate';
import { explainAccessDenied, type WorkspacePolicyFile } from '../../../../server/src/service/features/accessDenied/explain';

const catalog = testCatalog();
const at = (text: string, marker = '|') => ({ text: text.replace(marker, ''), offset: text.indexOf(marker) });

test('YAML cursor: key paths from indentation, list items, flow collections, half-typed lines', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['tests:\n  - name: x\n    action: s3:Ge|', ['tests', 0, 'action'], false],
    ['tests:\n  - name: x\n    |', ['tests', 0], true],
    ['tests:\n  - na|', ['tests', 0], true],
    ['tests:\n  - name: x\n    context:\n      aws:Sou|', ['tests', 0, 'context'], true],
    ['tests:\n  - name: x\n    context: {aws:SourceIp: 1.2.3.4, aws:Req|', ['tests', 0, 'context'], true],
    ['policies:\n  identity: [a.json, pol|]', ['policies', 'identity', 0], false],
    ['policies:\n  identity:\n    - pol|', ['policies', 'identity', 0], false],
    ['# comment\npolicies:\n\n  boundary: |', ['policies', 'boundary'], false],
    ['pri|', [], true],
  ];
  for (const [src, path, inKey] of cases) {
    const { text, offset } = at(src);
    const c = cursorAt(text, offset, true);
    assert.deepEqual([c.path, c.inKey], [path, inKey], src);
  }
  const c = cursorAt('tests:\n  - action: s3:GetOb', 'tests:\n  - action: s3:GetOb'.length, true);
  assert.equal(c.prefix, 's3:GetOb');
});

test('JSON cursor: paths and the quoted token', () => {
  const { text, offset } = at('{"tests": [{"action": "s3:Get|Object", "expect": "allowed"}]}');
  const c = cursorAt(text, offset, false);
  assert.deepEqual(c.path, ['tests', 0, 'action']);
  assert.equal(c.inKey, false);
  assert.equal(c.prefix, 's3:Get');
  const k = at('{"tests": [{"act|": 1}]}');
  assert.deepEqual(cursorAt(k.text, k.offset, false).path, ['tests', 0]);
  assert.equal(cursorAt(k.text, k.offset, false).inKey, true);
});

test('completion in a JSON test file replaces the quoted token', () => {
  const { text, offset } = at('{"tests": [{"action": "s3:GetObj|", "expect": "allowed"}]}');
  const doc = TextDocument.create('file:///w/a.iamtest.json', 'json', 1, text);
  const list = completeTestFile(doc, offset, { catalog, policyFiles: [] });
  const item = list.items.find((i) => i.label === 's3:GetObject')!;
  assert.ok(item);
  const edit = item.textEdit as { newText: string; range: { start: { character: number }; end: { character: number } } };
  assert.equal(edit.newText, '"s3:GetObject"');
  assert.equal(TextDocument.applyEdits(doc, [edit as never]), '{"tests": [{"action": "s3:GetObject", "expect": "allowed"}]}');
});

test('context-key completion puts the keys of the test\'s action first', () => {
  const { text, offset } = at('tests:\n  - action: s3:GetObject\n    context:\n      s3:|\n');
  const doc = TextDocument.create('file:///w/a.iamtest.yaml', 'yaml', 1, text);
  const items = completeTestFile(doc, offset, { catalog, policyFiles: [] }).items;
  const s3 = items.find((i) => i.label === 's3:ExistingObjectTag/${TagKey}' || i.label.startsWith('s3:'));
  assert.ok(s3, 'an s3 condition key');
  assert.ok(items.some((i) => i.label === 'aws:SourceIp'));
  assert.ok((s3.sortText ?? '') < (items.find((i) => i.label === 'aws:SourceIp')!.sortText ?? ''));
});

test('hover: the action documentation of policies, context keys, format keys', () => {
  const text = 'principal: arn:aws:iam::111122223333:role/x\ntests:\n  - action: s3:GetObject\n    context: {aws:SourceIp: 1.2.3.4}\n    expect: denied\n';
  const doc = TextDocument.create('file:///w/a.iamtest.yaml', 'yaml', 1, text);
  const md = (offset: number) => JSON.stringify(hoverTestFile(doc, offset, catalog)?.contents ?? null);
  assert.match(md(text.indexOf('GetObject') + 2), /Read/);
  assert.match(md(text.indexOf('aws:SourceIp') + 2), /IP address/i);
  assert.match(md(text.indexOf('principal') + 2), /default principal/);
  assert.match(md(text.indexOf('denied') + 2), /explicitly or implicitly/);
});

test('the format table documents every key the loader accepts, and offers no key it rejects', () => {
  for (const k of LOADER_FILE_KEYS) assert.ok(FILE_KEYS.some((x) => x.key === k), `file key ${k}`);
  for (const k of LOADER_TEST_KEYS) assert.ok(TEST_KEYS.some((x) => x.key === k), `test key ${k}`);
  const doc = TextDocument.create('file:///w/a.iamtest.yaml', 'yaml', 1, '');
  const offered = completeTestFile(doc, 0, { catalog, policyFiles: [] }).items.map((i) => i.label);
  assert.deepEqual([...offered].sort(), [...LOADER_FILE_KEYS].sort());
});

test('a context key no service defines is flagged once (by the loader), case-insensitively', () => {
  const text = 'principal: arn:aws:iam::111122223333:user/a\ntests:\n  - action: s3:GetObject\n    resource: "*"\n    context:\n      aws:SourceIP: 1.2.3.4\n      aws:SorceIp: 1.2.3.4\n    expect: denied\n';
  const doc = TextDocument.create('file:///w/t.iamtest.yaml', 'yaml', 1, text);
  const run = runTestFile(doc, { catalog, resolver: () => ({ error: 'no such file' }), uriOf: (n) => n });
  const flagged = run.diagnostics.filter((d) => d.code === 'TEST_UNKNOWN_CONTEXT_KEY');
  assert.equal(flagged.length, 1, JSON.stringify(run.diagnostics));
  assert.equal(flagged[0]!.range.start.line, 6);
  const fixes = testFileQuickFixes(doc, flagged, catalog);
  assert.deepEqual(fixes.map((f) => f.title), ['Change to "aws:SourceIp"']);
});

test('marks: an inline-policy test file passes and fails with the reasons in the lens', () => {
  const text = [
    'principal: arn:aws:iam::111122223333:user/alice',
    'policies:',
    '  identity:',
    '    - {Version: "2012-10-17", Statement: [{Sid: Read, Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}',
    'tests:',
    '  - name: ok',
    '    action: s3:GetObject',
    '    resource: arn:aws:s3:::b/k',
    '    expect: allowed',
    '  - name: nope',
    '    action: s3:PutObject',
    '    resource: arn:aws:s3:::b/k',
    '    expect: allowed',
    '  - name: missing policy',
    '    action: s3:PutObject',
    '    resource: arn:aws:s3:::b/k',
    '    policies: {boundary: nowhere.json}',
    '    expect: denied',
  ].join('\n');
  const doc = TextDocument.create('file:///w/t.iamtest.yaml', 'yaml', 1, text);
  const run = runTestFile(doc, { catalog, resolver: () => ({ error: 'no such file' }), uriOf: (name, file) => file ?? `file:///w/${name}` });
  assert.deepEqual(run.results.results.map((r) => r.pass), [true, false, false]);
  assert.match(run.lenses[0]!.command!.title, /^✓ passes \(allowed\)/);
  assert.equal(run.lenses[0]!.command!.arguments?.[0], 'file:///w/t.iamtest.yaml', 'an inline policy is revealed in the test file');
  assert.match(run.lenses[1]!.command!.title, /^✗ fails: implicitly-denied, expected allowed/);
  assert.match(run.lenses[2]!.command!.title, /^⚠ not run/);
  assert.deepEqual(run.referencedPaths, ['nowhere.json']);
  assert.ok(run.diagnostics.some((d) => d.code === 'TEST_FAILED' && d.range.start.line === 9));
  assert.ok(run.diagnostics.some((d) => d.code === 'TEST_POLICY_NOT_FOUND'));
});

test('the narrowest grant is appended in the file\'s layout and keeps valid JSON', () => {
  const layouts = [
    '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n    ]\n}\n',
    '{"Version": "2012-10-17", "Statement": [{"Sid": "AllowS3PutObject", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}',
    '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:GetObject",\n    "Resource": "*"\n  }\n}',
    '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
  ];
  for (const text of layouts) {
    const parsed = parseDocument(text, { uri: 'file:///p.json', forcePolicy: true, policyType: 'identity' });
    const policy = parsed.policies[0]!;
    const statement = grantStatement(policy, 's3:PutObject', 'arn:aws:s3:::b/k');
    const edit = appendStatementEdit(text, policy, statement)!;
    const after = JSON.parse(applyOffsetEdits(text, [edit])) as { Statement: Array<Record<string, string>> };
    const list = after.Statement;
    assert.deepEqual(list[list.length - 1], statement, text);
    assert.equal(statement.Resource, 'arn:aws:s3:::b/k');
  }
  const dup = parseDocument(layouts[1]!, { uri: 'file:///p.json', forcePolicy: true }).policies[0]!;
  assert.equal(grantStatement(dup, 's3:PutObject', undefined).Sid, 'AllowS3PutObject2');
  assert.equal(grantStatement(dup, 's3:PutObject', undefined).Resource, '*');
});

const POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::data/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': ['data', 'ml'] } } },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
    ],
  },
  null,
  2,
);

test('simulation choices: expanded actions, resources per action, condition keys with their values', () => {
  const doc = parseDocument(POLICY, { uri: 'file:///w/p.json', forcePolicy: true, policyType: 'identity' }).policies[0]!;
  const c = simulationChoices('file:///w/p.json', doc, catalog);
  assert.ok(c.actions.includes('s3:GetObject') && c.actions.includes('s3:DeleteObject'));
  assert.ok(!c.actions.includes('s3:PutObject'));
  assert.deepEqual(c.resourcesByAction['s3:getobject'], ['arn:aws:s3:::data/*']);
  assert.deepEqual(c.contextKeys.map((k) => [k.key, k.values]), [['aws:PrincipalTag/team', ['data', 'ml']]]);
  assert.ok(c.contextKeys[0]!.actions.includes('s3:getobject'));
});

test('simulate: an SCP is evaluated under an allow-all identity policy; a boundary the same way', () => {
  const scpText = '{"Version":"2012-10-17","Statement":[{"Sid":"NoRegions","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}';
  const scp = parseDocument(scpText, { uri: 'file:///w/scp.json', forcePolicy: true, policyType: 'scp' }).policies[0]!;
  const denied = simulateOnPolicy({ uri: 'file:///w/scp.json', action: 'ec2:RunInstances', context: { 'aws:RequestedRegion': 'us-east-1' } }, 'scp.json', scpText, scp, catalog);
  assert.equal(denied.verdict, 'explicitly-denied');
  assert.deepEqual(denied.decidedBy.map((r) => r.sid), ['NoRegions']);
  assert.match(denied.setting, /next to FullAWSAccess as the only SCP level, over an identity policy that allows everything/);
  const allowed = simulateOnPolicy({ uri: 'file:///w/scp.json', action: 'ec2:RunInstances', context: { 'aws:RequestedRegion': 'eu-west-1' } }, 'scp.json', scpText, scp, catalog);
  assert.equal(allowed.verdict, 'allowed');
  assert.deepEqual(allowed.decidedBy, [], 'the allow-all identity policy is not a statement of the document');
});

test('explain: the matching Deny, the missing Allow, and an explicit deny that is not in the workspace', () => {
  const file = (name: string, text: string, type?: 'identity' | 'scp'): WorkspacePolicyFile => ({ uri: `file:///w/${name}`, label: name, parsed: parseDocument(text, { uri: `file:///w/${name}`, forcePolicy: true, ...(type ? { policyType: type } : {}) }) });
  const ws = [file('data-team.json', POLICY, 'identity'), file('other.json', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}', 'identity')];
  const deny = explainAccessDenied('User: arn:aws:iam::111122223333:user/data-team is not authorized to perform: s3:DeleteObject on resource: arn:aws:s3:::data/x with an explicit deny in an identity-based policy', ws, [], catalog);
  assert.deepEqual(deny.denies.map((d) => [d.uri, d.sid]), [['file:///w/data-team.json', 'NoDelete']]);
  assert.equal(deny.policiesSearched, 2);
  const missing = explainAccessDenied('User: arn:aws:iam::111122223333:user/data-team is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::data/x because no identity-based policy allows the s3:PutObject action', ws, [], catalog);
  assert.deepEqual(missing.grants.map((g) => [g.label, g.statement.Action, g.statement.Resource]), [
    ['data-team.json', 's3:PutObject', 'arn:aws:s3:::data/x'],
    ['other.json', 's3:PutObject', 'arn:aws:s3:::data/x'],
  ]);
  assert.match(missing.grants[0]!.reason, /file name mentions data-team/);
  assert.match(missing.markdown, /Missing Allow/);
  const elsewhere = explainAccessDenied('User: arn:aws:iam::111122223333:user/data-team is not authorized to perform: ec2:RunInstances on resource: * with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-123', ws, [], catalog);
  assert.equal(elsewhere.denies.length, 0);
  assert.equal(elsewhere.grants.length, 0, 'an Allow would not help against an explicit deny');
  assert.match(elsewhere.markdown, /denying policy is not here \(it is `arn:aws:organizations::999988887777:policy\/o-abc\/service_control_policy\/p-123`\)/);
  // an SCP that lacks an Allow is not fixed in identity policies
  const scpImplicit = explainAccessDenied('User: arn:aws:iam::111122223333:user/x is not authorized to perform: ec2:RunInstances on resource: * because no service control policy allows the ec2:RunInstances action', ws, [], catalog);
  assert.equal(scpImplicit.grants.length, 0);
  assert.match(scpImplicit.markdown, /no service control policy allows the action/);
});
