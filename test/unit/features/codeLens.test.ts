// CodeLens: one lens per statement with an Action/NotAction, placed on the statement's first line, titled with
// its access-level summary and carrying the show-effective-actions command with the statement's address.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { COMMANDS } from '../../../server/src/protocol';
import { effectiveActions } from '../../../server/src/lsp/customRequests';
import { testCatalog } from '../../support/catalog';

const service = createIamLanguageService({ catalog: testCatalog() });

function lenses(text: string) {
  const doc = TextDocument.create('file:///p.json', 'json', 1, text);
  return service.codeLenses(doc, service.parse(doc));
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "*"
    },
    { "Effect": "Allow", "Action": ["iam:CreateRole", "iam:PutRolePolicy", "s3:GetObject"], "Resource": "*" },
    { "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*" },
    { "Effect": "Allow", "Resource": "*" }
  ]
}`;

test('one lens per statement with actions, on the statement line, with the statement address', () => {
  const ls = lenses(POLICY);
  assert.equal(ls.length, 3, 'the statement without Action gets no lens');
  assert.deepEqual(ls.map((l) => l.range.start.line), [3, 8, 9]);
  assert.deepEqual(ls.map((l) => l.range.start.character), [4, 4, 4]);
  for (const [i, l] of ls.entries()) {
    assert.equal(l.command?.command, COMMANDS.showEffectiveActions);
    assert.deepEqual(l.command?.arguments, ['file:///p.json', 0, i]);
  }
});

test('titles lead with Permissions management and Write, then the other levels, services and actions; Deny marked', () => {
  const [read, admin, deny] = lenses(POLICY).map((l) => l.command!.title);
  assert.equal(read, 'Read, List · s3 · 2 actions');
  // iam:CreateRole is Write, iam:PutRolePolicy is Permissions management and Write in the IAM data
  assert.equal(admin, '⚠ Permissions management (1: iam) · Write (2: iam) · Read · 2 services · 3 actions');
  assert.equal(deny, 'Deny · Write (1: s3) · s3 · 1 action');
});

test('"*" leads with Permissions management and Write counted over services, not service names', () => {
  const catalog = testCatalog();
  const [l] = lenses('{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}');
  const title = l!.command!.title;
  assert.match(title, /^⚠ Permissions management \([\d,]+ in [\d,]+ services\) · Write \([\d,]+ in [\d,]+ services\) · Tagging, Read, List · /);
  assert.ok(title.endsWith(` · ${catalog.services.size.toLocaleString('en-US')} services · ${catalog.actionCount.toLocaleString('en-US')} actions`), title);
  assert.doesNotMatch(title, /a2c|a4b/);
});

test('wildcards are counted from the catalog, NotAction is described as all-but, unknown actions are said', () => {
  const catalog = testCatalog();
  const s3Get = catalog.expandActions('s3:Get*').length;
  const [wild, notAction, unknown] = lenses(`{"Statement": [
    {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
    {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}
  ]}`).map((l) => l.command!.title);
  assert.ok(s3Get > 10);
  assert.match(wild!, new RegExp(` · s3 · ${s3Get} actions$`));
  const nonIam = catalog.actionCount - catalog.expandActions('iam:*').length;
  assert.match(notAction!, /^All but the listed · ⚠ Permissions management \(/);
  assert.ok(notAction!.endsWith(` · ${(catalog.services.size - 1).toLocaleString('en-US')} services · ${nonIam.toLocaleString('en-US')} actions`), notAction);
  assert.equal(unknown, 'No known action (1 not in the IAM data)');
});

test('services are counted, Write names its services', () => {
  const [l] = lenses(`{"Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "ec2:DescribeInstances", "sqs:SendMessage", "sns:Publish", "kms:Decrypt"], "Resource": "*"}}`);
  assert.equal(l!.command!.title, 'Write (3: kms, sns, sqs) · Read, List · 5 services · 5 actions');
});

test('non-policy JSON gets no lens', () => {
  assert.deepEqual(lenses('{"name": "x", "version": "1.0.0"}'), []);
});

test('the lens command lists every action of the statement by service and access level (server request)', () => {
  const doc = TextDocument.create('file:///p.json', 'json', 1, POLICY);
  const parsed = service.parse(doc);
  const one = effectiveActions(service, parsed, { uri: doc.uri, policyIndex: 0, statementIndex: 1 });
  assert.equal(one.statements.length, 1);
  const st = one.statements[0]!;
  assert.equal(st.effect, 'Allow');
  assert.deepEqual(st.services.map((s) => s.prefix), ['iam', 's3']);
  assert.deepEqual(st.services[0]!.actions, [
    { name: 'CreateRole', accessLevel: 'Write' },
    { name: 'PutRolePolicy', accessLevel: 'Write, Permissions management' },
  ]);
  const all = effectiveActions(service, parsed, { uri: doc.uri });
  assert.equal(all.statements.length, 4);
  assert.equal(all.dataVersion, testCatalog().dataVersion);
  const wild = effectiveActions(service, service.parse(TextDocument.create('file:///w.json', 'json', 1, '{"Statement": {"Effect": "Allow", "Action": ["s3:Get*", "s3:Nope"], "Resource": "*"}}')), { uri: 'file:///w.json' });
  assert.equal(wild.statements[0]!.services[0]!.actions.length, testCatalog().expandActions('s3:Get*').length);
  assert.deepEqual(wild.statements[0]!.unmatched, ['s3:Nope']);
});
