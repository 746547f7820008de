// Completion with a $0 cursor: the labels offered in each context, and the whole document after applying the
// chosen item's textEdit (snippets rendered with their default text), including half-typed JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import { createIamLanguageService } from '../../../server/src/service';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { extractCursor } from '../../support/fixture';

const service = createIamLanguageService({ catalog: testCatalog() });

function complete(textWithCursor: string, uri = 'file:///policy.json'): { list: CompletionList; doc: TextDocument } {
  const { text, offset } = extractCursor(textWithCursor);
  const doc = TextDocument.create(uri, 'json', 1, text);
  return { list: service.complete(doc, service.parse(doc), doc.positionAt(offset)), doc };
}

const labels = (list: CompletionList): string[] => list.items.map((i) => i.label);

/** Snippet text as inserted with every placeholder left at its default (first choice for choices). */
function renderSnippet(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      out += s[++i];
    } else if (c === '$' && s[i + 1] === '{') {
      const m = /^\$\{\d+(?::([^}]*)|\|([^,|]*)[^}]*\|)?\}/.exec(s.slice(i));
      assert.ok(m, `bad snippet at ${s.slice(i)}`);
      out += renderSnippet(m[1] ?? m[2] ?? '');
      i += m[0].length - 1;
    } else if (c === '$' && /\d/.test(s[i + 1] ?? '')) {
      i++;
      while (/\d/.test(s[i + 1] ?? '')) i++;
    } else out += c;
  }
  return out;
}

/** The document after choosing `label`. */
function apply(textWithCursor: string, label: string): string {
  const { list, doc } = complete(textWithCursor);
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no item "${label}" among ${labels(list).slice(0, 30).join(', ')}`);
  return applyItem(doc, item);
}

function applyItem(doc: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  assert.ok(edit && 'range' in edit, 'item has a textEdit with a range');
  assert.equal(edit.range.start.line, edit.range.end.line, 'textEdit stays on one line');
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? renderSnippet(edit.newText) : edit.newText;
  const edits = [{ range: edit.range, newText }, ...(item.additionalTextEdits ?? [])];
  return TextDocument.applyEdits(doc, edits);
}

const policy = (body: string): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${body}\n    }\n  ]\n}`;

test('top-level keys: only the missing ones', () => {
  const { list } = complete('{\n  "Version": "2012-10-17",\n  "Statement": [],\n  "$0"\n}');
  assert.deepEqual(labels(list).sort(), ['Id']);
  const text = '{\n  "Statement": [],\n  "V$0"\n}';
  assert.equal(apply(text, 'Version'), '{\n  "Statement": [],\n  "Version": "2012-10-17"\n}');
});

test('statement keys: present keys and their Not* counterparts are left out', () => {
  const { list } = complete(policy('      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "$0"'));
  assert.deepEqual(labels(list).sort(), ['Condition', 'Principal', 'NotPrincipal', 'Resource', 'NotResource', 'Sid'].sort());
});

test('statement key inserts the whole property with a value snippet', () => {
  const before = policy('      "Action": "s3:GetObject",\n      "Eff$0"');
  assert.equal(apply(before, 'Effect'), policy('      "Action": "s3:GetObject",\n      "Effect": "Allow"'));
});

test('statement key with a colon already there replaces the key only', () => {
  const before = policy('      "Effect": "Allow",\n      "Act$0": "s3:GetObject"');
  assert.equal(apply(before, 'Action'), policy('      "Effect": "Allow",\n      "Action": "s3:GetObject"'));
  assert.equal(complete(before).list.items.find((i) => i.label === 'Action')!.command, undefined);
  // a new property re-opens suggestions inside its value
  assert.equal(complete(policy('      "Effect": "Allow",\n      "Act$0"')).list.items.find((i) => i.label === 'Action')!.command?.command, 'editor.action.triggerSuggest');
});

test('missing comma before a new key: the comma is added', () => {
  const before = policy('      "Effect": "Allow"\n      "Act$0');
  assert.equal(apply(before, 'Action'), policy('      "Effect": "Allow",\n      "Action": ""'));
});

test('missing comma before the property being completed, and between array items', () => {
  assert.equal(apply('{"Statement": [{"Effect": "Allow" "Action": "s3:Li$0"}]}', 's3:ListBucket'), '{"Statement": [{"Effect": "Allow" "Action": "s3:ListBucket"}]}');
  assert.equal(apply('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject" "s3:Put$0"]}]}', 's3:PutObject'), '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject" "s3:PutObject"]}]}');
});

test('Effect and Version values', () => {
  assert.deepEqual(labels(complete(policy('      "Effect": "$0"')).list), ['Allow', 'Deny']);
  assert.equal(apply(policy('      "Effect": "D$0"'), 'Deny'), policy('      "Effect": "Deny"'));
  assert.equal(apply('{\n  "Version": $0,\n  "Statement": []\n}', '2012-10-17'), '{\n  "Version": "2012-10-17",\n  "Statement": []\n}');
});

test('Action, empty string: service prefixes that insert "prefix:" and re-open suggestions', () => {
  const { list } = complete(policy('      "Effect": "Allow",\n      "Action": "$0"'));
  const catalog = testCatalog();
  assert.equal(list.items.length, catalog.servicePrefixes.length + 1);
  const s3 = list.items.find((i) => i.label === 's3')!;
  assert.equal(s3.detail, 'Amazon S3');
  assert.equal(s3.command?.command, 'editor.action.triggerSuggest');
  assert.equal(apply(policy('      "Effect": "Allow",\n      "Action": "s$0"'), 's3'), policy('      "Effect": "Allow",\n      "Action": "s3:"'));
});

test('Action after "s3:": actions with access level and description, wildcard patterns with counts', () => {
  const { list } = complete(policy('      "Effect": "Allow",\n      "Action": "s3:$0"'));
  const catalog = testCatalog();
  const s3 = catalog.getService('s3')!;
  const get = list.items.find((i) => i.label === 's3:GetObject')!;
  assert.equal(get.detail, 'Read');
  assert.equal(get.documentation, 'Grants permission to retrieve objects from Amazon S3');
  const getStar = list.items.find((i) => i.label === 's3:Get*')!;
  const n = catalog.expandActions('s3:Get*').length;
  assert.match(getStar.detail!, new RegExp(`^${n} actions: `));
  assert.ok(list.items.some((i) => i.label === 's3:*'));
  assert.equal(list.items.filter((i) => i.kind === 3 /* Function */).length, s3.actions.length);
});

test('Action: case-insensitive partial name replaces the whole string content including the prefix', () => {
  const before = policy('      "Effect": "Allow",\n      "Action": "s3:getobj$0"');
  const { list } = complete(before);
  const item = list.items.find((i) => i.label === 's3:GetObject')!;
  // no filterText: the edit starts where the typed text starts, so the label is what every client filters by
  assert.equal(item.filterText, undefined);
  assert.equal(item.textEdit && 'range' in item.textEdit ? item.textEdit.range.start.character : -1, '      "Action": "'.length);
  assert.equal(item.preselect, true);
  assert.equal(apply(before, 's3:GetObject'), policy('      "Effect": "Allow",\n      "Action": "s3:GetObject"'));
  // the cursor in the middle: the rest of the string is replaced too
  assert.equal(apply(policy('      "Action": "s3:Get$0Obj"'), 's3:GetObjectAcl'), policy('      "Action": "s3:GetObjectAcl"'));
  // uppercase prefix as typed is replaced by the canonical one
  assert.equal(apply(policy('      "Action": "S3:List$0"'), 's3:ListBucket'), policy('      "Action": "s3:ListBucket"'));
});

test('Action: "s3: with the closing quote missing at the end of the line', () => {
  const before = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:$0\n    }\n  ]\n}';
  assert.equal(apply(before, 's3:PutObject'), '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:PutObject"\n    }\n  ]\n}');
  // unclosed with a comma after the cursor: the comma stays
  const comma = '{"Statement": [{"Effect": "Allow", "Action": "s3:Li$0, "Resource": "*"}]}';
  assert.equal(apply(comma, 's3:ListBucket'), '{"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}');
});

test('Action: unclosed service prefix keeps the cursor before the added quote', () => {
  const { list, doc } = complete('{"Statement": [{"Effect": "Allow", "Action": "lam$0\n}]}');
  const item = list.items.find((i) => i.label === 'lambda')!;
  assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal((item.textEdit as TextEdit).newText, 'lambda:$0"');
  assert.equal(applyItem(doc, item), '{"Statement": [{"Effect": "Allow", "Action": "lambda:"\n}]}');
});

test('Action: empty array and a new array item', () => {
  const empty = policy('      "Effect": "Allow",\n      "Action": [$0]');
  const { list } = complete(empty);
  assert.ok(labels(list).includes('ec2'));
  assert.equal(apply(empty, 'ec2'), policy('      "Effect": "Allow",\n      "Action": ["ec2:"]'));
  const open = '{"Statement": [{"Effect": "Allow", "Action": [\n$0\n}]}';
  assert.equal(apply(open, 'iam'), '{"Statement": [{"Effect": "Allow", "Action": [\n"iam:"\n}]}');
  const second = policy('      "Action": ["s3:GetObject", "s3:Put$0"]');
  assert.equal(apply(second, 's3:PutObject'), policy('      "Action": ["s3:GetObject", "s3:PutObject"]'));
});

test('Action: cursor in the service part replaces only the prefix', () => {
  assert.equal(apply(policy('      "Action": "s$0:GetObject"'), 's3'), policy('      "Action": "s3:GetObject"'));
});

test('Resource: ARN templates of the statement\'s actions as snippets, and "*"', () => {
  const before = policy('      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:ListBucket"],\n      "Resource": "$0"');
  const { list } = complete(before);
  assert.deepEqual(labels(list).slice(0, 1), ['*']);
  const object = list.items.find((i) => i.label === 'arn:aws:s3:::${BucketName}/${ObjectName}')!;
  assert.ok(object, labels(list).join(', '));
  assert.equal((object.textEdit as TextEdit).newText, 'arn:aws:s3:::${1:BucketName}/${2:ObjectName}');
  assert.equal(apply(before, 'arn:aws:s3:::${BucketName}'), policy('      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:ListBucket"],\n      "Resource": "arn:aws:s3:::BucketName"'));
  // the resource types of other services' actions do not appear
  assert.ok(!labels(list).some((l) => l.includes(':ec2:')));
});

test('Resource: policy variables after "${"', () => {
  const before = policy('      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::bucket/home/${aws:u$0/*"');
  const { list } = complete(before);
  assert.ok(labels(list).includes('${aws:username}'));
  assert.equal(apply(before, '${aws:username}'), policy('      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::bucket/home/${aws:username}/*"'));
  assert.equal(apply(before, '${aws:PrincipalTag/${TagKey}}'), policy('      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::bucket/home/${aws:PrincipalTag/TagKey}/*"'));
});

test('Condition operators: type-filtered by the keys in the block, with IfExists and set qualifiers', () => {
  const before = policy('      "Action": "s3:GetObject",\n      "Condition": {"$0": {"aws:SourceIp": "10.0.0.0/8"}}');
  const l = labels(complete(before).list);
  assert.ok(l.includes('IpAddress') && l.includes('NotIpAddressIfExists') && l.includes('Null'));
  assert.ok(!l.includes('StringEquals') && !l.includes('NullIfExists'));
  const multi = labels(complete(policy('      "Condition": {"For$0": {"aws:TagKeys": ["a"]}}')).list);
  assert.ok(multi.includes('ForAllValues:StringEquals') && multi.includes('ForAnyValue:StringLike'));
  assert.equal(
    apply(policy('      "Action": "s3:GetObject",\n      "Condition": {"Str$0"}'), 'StringEquals'),
    policy('      "Action": "s3:GetObject",\n      "Condition": {"StringEquals": {"": ""}}'),
  );
});

test('Condition keys: the statement\'s service keys first, then global keys', () => {
  const before = policy('      "Action": "s3:ListBucket",\n      "Condition": {"StringLike": {"$0"}}');
  const { list } = complete(before);
  const prefix = list.items.find((i) => i.label === 's3:prefix')!;
  const sourceIp = list.items.find((i) => i.label === 'aws:SourceIp')!;
  assert.ok(prefix && sourceIp);
  assert.ok(prefix.sortText! < list.items.find((i) => i.label === 'aws:username')!.sortText!);
  // a key of another type than the operator sorts last
  assert.ok(sourceIp.sortText!.startsWith('z'));
  assert.equal(apply(before, 's3:prefix'), policy('      "Action": "s3:ListBucket",\n      "Condition": {"StringLike": {"s3:prefix": ""}}'));
  assert.equal(apply(before, 'aws:TagKeys'), policy('      "Action": "s3:ListBucket",\n      "Condition": {"StringLike": {"aws:TagKeys": [""]}}'));
  assert.equal(apply(before, 'aws:PrincipalTag/${TagKey}'), policy('      "Action": "s3:ListBucket",\n      "Condition": {"StringLike": {"aws:PrincipalTag/TagKey": ""}}'));
});

test('Condition values: Bool keys, Null, and known enumerations', () => {
  assert.deepEqual(labels(complete(policy('      "Condition": {"Bool": {"aws:SecureTransport": "$0"}}')).list), ['true', 'false']);
  assert.equal(
    apply(policy('      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": $0}}'), 'true'),
    policy('      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}'),
  );
  assert.deepEqual(labels(complete(policy('      "Condition": {"StringEquals": {"aws:PrincipalType": ["$0"]}}')).list), ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous']);
  assert.deepEqual(labels(complete(policy('      "Condition": {"Null": {"aws:TokenIssueTime": "$0"}}')).list), ['true', 'false']);
});

test('Principal keys and values', () => {
  const trust = (p: string): string => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${p}, "Action": "sts:AssumeRole"}]}`;
  assert.deepEqual(labels(complete(trust('{"AWS": "111122223333", "$0"}')).list), ['Service', 'Federated', 'CanonicalUser']);
  const svc = complete(trust('{"Service": "lam$0"}')).list;
  assert.ok(labels(svc).includes('lambda.amazonaws.com') && labels(svc).includes('ecs-tasks.amazonaws.com'));
  assert.equal(apply(trust('{"Service": "lam$0"}'), 'lambda.amazonaws.com'), trust('{"Service": "lambda.amazonaws.com"}'));
  assert.equal(apply(trust('{"AWS": "$0"}'), 'arn:aws:iam::ACCOUNT:role/NAME'), trust('{"AWS": "arn:aws:iam::111122223333:role/RoleName"}'));
});

test('new statement object inside the Statement array', () => {
  const before = '{\n  "Version": "2012-10-17",\n  "Statement": [$0]\n}';
  assert.equal(apply(before, 'New statement'), '{\n  "Version": "2012-10-17",\n  "Statement": [{\n\t"Effect": "Allow",\n\t"Action": "",\n\t"Resource": ""\n}]\n}');
});

test('nothing after a complete value, in punctuation, or in a non-policy JSON file', () => {
  assert.equal(complete(policy('      "Effect": "Allow"$0')).list.items.length, 0);
  assert.equal(complete('{"name": "x", "scripts": {"Action": "$0"}}', 'file:///package.json').list.items.length, 0);
  // YAML templates are not JSON text: no JSON edits there
  const yaml = 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: "s3:$0"\n            Resource: "*"\n';
  assert.equal(complete(yaml, 'file:///template.yaml').list.items.length, 0);
});

test('CloudFormation JSON template: completion inside the embedded policy only', () => {
  const template = (inner: string, top = ''): string =>
    `{"AWSTemplateFormatVersion": "2010-09-09",${top} "Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ${inner}, "Resource": "*"}]}}}}}`;
  const uri = 'file:///template.json';
  const { list, doc } = complete(template('"Action": "sqs:Send$0"'), uri);
  const item = list.items.find((i) => i.label === 'sqs:SendMessage');
  assert.ok(item);
  assert.equal(applyItem(doc, item), template('"Action": "sqs:SendMessage"'));
  assert.deepEqual(labels(complete(template('"Action": "sqs:SendMessage"', ' "$0"'), uri).list), []);
  assert.deepEqual(labels(complete(template('"Action": "sqs:SendMessage", "Eff$0"'), uri).list).sort(), ['Condition', 'NotPrincipal', 'Principal', 'Sid']);
});

test('Sid: a name from the effect, services and access levels, unique in the policy', () => {
  const text = `{"Version": "2012-10-17", "Statement": [
  {"Sid": "AllowS3ReadWrite", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"},
  {"Sid": "$0", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"},
  {"Sid": "x", "Effect": "Deny", "Action": "sqs:*", "Resource": "*"}
]}`;
  assert.deepEqual(labels(complete(text).list), ['AllowS3ReadWrite2']);
  assert.deepEqual(labels(complete(text.replace('"Sid": "$0"', '"Sid": "y"').replace('"Sid": "x"', '"Sid": "$0"')).list), ['DenySqsFullAccess']);
});

test('real AWS policies: completion at every position (and on the text typed so far) never throws, edits contain the cursor', () => {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'policies', 'aws');
  let requests = 0;
  let offered = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const full = readFileSync(join(dir, name), 'utf8');
    const step = full.length > 3000 ? 7 : 1;
    for (let offset = 0; offset <= full.length; offset += step) {
      // the whole file, and the file as if typed up to the cursor (unclosed strings, arrays, objects)
      for (const text of offset % 10 === 0 ? [full, full.slice(0, offset)] : [full]) {
        const doc = TextDocument.create(`file:///${name}`, 'json', 1, text);
        const pos = doc.positionAt(offset);
        const list = service.complete(doc, service.parse(doc), pos);
        requests++;
        offered += list.items.length;
        for (const item of list.items) {
          const e = item.textEdit as TextEdit;
          assert.ok(e && 'range' in e, `${name}@${offset}: ${item.label} has no textEdit`);
          assert.equal(e.range.start.line, e.range.end.line, `${name}@${offset}: ${item.label} spans lines`);
          const start = doc.offsetAt(e.range.start);
          const end = doc.offsetAt(e.range.end);
          assert.ok(start <= offset && offset <= end, `${name}@${offset}: ${item.label} edit ${start}-${end} does not contain the cursor`);
        }
      }
    }
  }
  assert.ok(requests > 5000 && offered > 100000, `${requests} requests, ${offered} items`);
});
