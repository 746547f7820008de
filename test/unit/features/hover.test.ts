// Hover over real policies with a $0 cursor: each hover kind's markdown and the hovered range.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createIamLanguageService } from '../../../server/src/service';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { extractCursor } from '../../support/fixture';

const service = createIamLanguageService({ catalog: testCatalog() });

function hoverAt(textWithCursor: string, uri = 'file:///policy.json', languageId = 'json'): { hover: Hover | null; doc: TextDocument } {
  const { text, offset } = extractCursor(textWithCursor);
  const doc = TextDocument.create(uri, languageId, 1, text);
  return { hover: service.hover(doc, service.parse(doc), doc.positionAt(offset)), doc };
}

/** The markdown and the hovered text. */
function hover(textWithCursor: string, uri?: string, languageId?: string): { md: string; hovered: string } {
  const { hover: h, doc } = hoverAt(textWithCursor, uri, languageId);
  assert.ok(h, 'expected a hover');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  assert.ok(h.range, 'hover has a range');
  return { md: contents.value, hovered: doc.getText(h.range) };
}

const stmt = (body: string): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${body}\n    }\n  ]\n}`;

test('action: description, access level, resource types, condition keys and the service reference link', () => {
  const { md, hovered } = hover(stmt('      "Effect": "Allow",\n      "Action": "s3:Get$0Object",\n      "Resource": "*"'));
  assert.equal(hovered, '"s3:GetObject"');
  // the first paragraph (all that the brief hover setting keeps) has the title, access level and description
  assert.equal(md.split('\n\n')[0], '**s3:GetObject** — Amazon S3, access level **Read**  \nGrants permission to retrieve objects from Amazon S3');
  // a compact list that fits the hover width: no table
  assert.match(md, /\n- \*\*object\*\*: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`\n/);
  assert.doesNotMatch(md, /\|---/);
  assert.match(md, /`s3:ExistingObjectTag\/<key>`/);
  assert.match(md, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html#amazons3-actions-as-permissions\)$/);
});

test('action hover works on the opening quote and in an array, in a later statement', () => {
  const text = `{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"},
  {"Effect": "Allow", "Action": ["s3:GetObject", $0"iam:PassRole"], "Resource": "*"}
]}`;
  const { md, hovered } = hover(text);
  assert.equal(hovered, '"iam:PassRole"');
  assert.match(md, /^\*\*iam:PassRole\*\* — AWS Identity and Access Management \(IAM\)/);
  assert.match(md, /list_awsidentityandaccessmanagementiam\.html/);
});

test('action with no resource-level permissions says to use "*"', () => {
  const { md } = hover(stmt('      "Effect": "Allow",\n      "Action": "s3:ListAllMy$0Buckets",\n      "Resource": "*"'));
  assert.match(md, /, access level \*\*List\*\*/);
  assert.match(md, /does not support resource-level permissions/);
});

test('service part of an action: the service summary', () => {
  const { md } = hover(stmt('      "Effect": "Allow",\n      "Action": "l$0ambda:InvokeFunction",\n      "Resource": "*"'));
  assert.match(md, /^\*\*AWS Lambda\*\* \(service prefix `lambda`\)/);
  assert.match(md, /list_awslambda\.html/);
});

test('unknown action suggests the closest one', () => {
  const { md } = hover(stmt('      "Effect": "Allow",\n      "Action": "s3:GetObjekt$0",\n      "Resource": "*"'));
  assert.match(md, /^Unknown action `s3:GetObjekt`/);
  assert.match(md, /Did you mean `s3:GetObject`\?/);
});

test('wildcard action: count per access level, capped list, Write warning', () => {
  const catalog = testCatalog();
  const all = catalog.expandActions('s3:Get*');
  const { md } = hover(stmt('      "Effect": "Allow",\n      "Action": "s3:Get$0*",\n      "Resource": "*"'));
  const reads = all.filter((a) => (a.accessLevel & 2) !== 0).length;
  assert.match(md, new RegExp(`^\\*\\*\`s3:Get\\*\`\\*\\* matches ${all.length} actions in Amazon S3: (List \\d+, )?Read ${reads}[,.]`));
  assert.ok(all.length > 25);
  assert.match(md, new RegExp(`and ${all.length - 25} more`));
  assert.equal((md.match(/^`s3:/gm) ?? []).length, 25);
});

test('wildcard over all services with Permissions management warns', () => {
  const { md } = hover(stmt('      "Effect": "Allow",\n      "Action": "iam:$0*",\n      "Resource": "*"'));
  assert.match(md, /matches \d+ actions in AWS Identity and Access Management \(IAM\)/);
  assert.match(md, /⚠️ Includes \d+ Permissions management actions/);
  const star = hover(stmt('      "Effect": "Allow",\n      "Action": "*:Describe$0*",\n      "Resource": "*"')).md;
  assert.match(star, /matches \d+ actions in \d+ services/);
});

test('condition key: type, single/multi-valued, description and which actions support it', () => {
  const text = stmt(`      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "*",
      "Condition": {"StringEquals": {"s3:pre$0fix": "home/"}}`);
  const { md, hovered } = hover(text);
  assert.equal(hovered, '"s3:prefix"');
  assert.match(md, /^\*\*s3:prefix\*\* — service condition key/);
  assert.match(md, /Type: \*\*String\*\*, single-valued/);
  assert.match(md, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html#amazons3-policy-keys\)/);
  assert.match(md, /Supported by 1 of the statement's 2 actions: `s3:ListBucket`/);
  assert.match(md, /Not supported \(the key is absent for them\): `s3:GetObject`/);
});

test('global condition key: multivalued, request-wide', () => {
  const text = stmt(`      "Effect": "Deny", "Action": "*", "Resource": "*",
      "Condition": {"ForAnyValue:StringEquals": {"aws:CalledV$0ia": "athena.amazonaws.com"}}`);
  const { md } = hover(text);
  assert.match(md, /^\*\*aws:CalledVia\*\* — global condition key/);
  assert.match(md, /multivalued/);
  assert.match(md, /Global key: present in the request context/);
});

test('condition operator: meaning, value type, IfExists and ForAllValues semantics', () => {
  const text = stmt(`      "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*",
      "Condition": {"ForAllValues:StringLike$0IfExists": {"aws:TagKeys": ["env*"]}}`);
  const { md, hovered } = hover(text);
  assert.equal(hovered, '"ForAllValues:StringLikeIfExists"');
  assert.match(md, /^\*\*ForAllValues:StringLikeIfExists\*\* — String condition operator/);
  assert.match(md, /Value type: string \(wildcards `\*` and `\?` allowed\)/);
  assert.match(md, /\*\*IfExists\*\*: if the key is absent/);
  assert.match(md, /\*\*ForAllValues\*\*: true when \*every\* value/);
  assert.doesNotMatch(md, /⚠️/);
  const single = hover(stmt('      "Effect": "Allow", "Action": "s3:*", "Resource": "*",\n      "Condition": {"ForAnyValue:String$0Equals": {"aws:SourceIp": "10.0.0.1", "aws:TagKeys": ["a"]}}')).md;
  assert.match(single, /⚠️ `aws:SourceIp` is of type IPAddress: use IpAddress operators\.  \n⚠️ `aws:SourceIp` is single-valued: a set qualifier is meant for multivalued keys\.$/);
  const multi = hover(stmt('      "Effect": "Allow", "Action": "s3:*", "Resource": "*",\n      "Condition": {"String$0Equals": {"aws:TagKeys": ["a"]}}')).md;
  assert.match(multi, /⚠️ `aws:TagKeys` is multivalued: add `ForAnyValue:` or `ForAllValues:`\.$/);
  const bad = hover(stmt('      "Effect": "Allow", "Action": "s3:*", "Resource": "*",\n      "Condition": {"stringequals$0": {"aws:username": "x"}}')).md;
  assert.match(bad, /Did you mean `StringEquals`\?/);
});

test('ARN in Resource: the matching resource type and its template', () => {
  const { md } = hover(stmt('      "Effect": "Allow", "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::my-bucket/$0*"'));
  assert.match(md, /partition `aws`, service `s3`, region \(empty\), account \(empty\)/);
  assert.match(md, /Matches resource type:\n\n- \*\*object\*\* \(Amazon S3\): `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`\n\nIts wildcards also cover: .*bucket/);
  const bucket = hover(stmt('      "Effect": "Allow", "Action": "s3:ListBucket",\n      "Resource": "arn:aws:s3:::my-buck$0et"')).md;
  assert.match(bucket, /Matches resource type:\n\n- \*\*bucket\*\* \(Amazon S3\): `arn:\$\{Partition\}:s3:::\$\{BucketName\}`\n\n\[Service/);
  const all = hover(stmt('      "Effect": "Allow", "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::$0*"')).md;
  assert.match(all, /Covers every resource type with `s3` ARNs \(\d+\): .*bucket.*object/);
  // a literal IAM role ARN
  const role = hover(stmt('      "Effect": "Allow", "Action": "iam:PassRole",\n      "Resource": "arn:aws:iam::111122223333:role/$0app-role"')).md;
  assert.match(role, /- \*\*role\*\* \(AWS Identity and Access Management \(IAM\)\): `arn:\$\{Partition\}:iam::\$\{Account\}:role\/\$\{RoleNameWithPath\}`/);
});

test('policy variable in a Resource: hover on the variable only', () => {
  const { md, hovered } = hover(stmt('      "Effect": "Allow", "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::bucket/home/${aws:user$0name}/*"'));
  assert.equal(hovered, '${aws:username}');
  assert.match(md, /^\*\*Policy variable\*\* `\$\{aws:username\}`/);
  assert.match(md, /`aws:username`: String\. The friendly name of the IAM user/);
});

test('principal values: account, role, service principal, federated provider', () => {
  const trust = (v: string): string =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${v}, "Action": "sts:AssumeRole"}]}`;
  assert.match(hover(trust('{"AWS": "1111$022223333"}')).md, /^\*\*AWS account 111122223333\*\*: the whole account/);
  assert.match(hover(trust('{"AWS": "arn:aws:iam::111122223333:role/$0Admin"}')).md, /^\*\*IAM role\*\* `Admin` in account 111122223333/);
  assert.match(hover(trust('{"Service": "lambda.$0amazonaws.com"}')).md, /^\*\*Service principal\*\* `lambda\.amazonaws\.com` — AWS Lambda/);
  assert.match(
    hover(trust('{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.$0githubusercontent.com"}')).md,
    /^\*\*OIDC identity provider\*\* `token\.actions\.githubusercontent\.com` in account 111122223333/,
  );
  assert.match(hover(trust('"$0*"')).md, /every principal, including anonymous/);
  assert.match(hover(trust('{"Serv$0ice": "ec2.amazonaws.com"}')).md, /^\*\*Service\*\*: AWS service principals/);
});

test('elements and values: NotAction, Version, Effect value', () => {
  assert.match(hover(stmt('      "Effect": "Allow",\n      "NotAc$0tion": "iam:*",\n      "Resource": "*"')).md, /^\*\*NotAction\*\*: the statement applies to every action \*except\*/);
  assert.match(hover('{\n  "Ver$0sion": "2012-10-17",\n  "Statement": []\n}').md, /^\*\*Version\*\*: the policy language version/);
  assert.match(hover('{\n  "Version": "2008-10$0-17",\n  "Statement": []\n}').md, /^\*\*2008-10-17\*\*: the legacy/);
});

test('Effect and Sid: the statement policy summary per service and level', () => {
  const text = stmt(`      "Sid": "Read$0Only",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket", "ec2:*"],
      "Resource": "*"`);
  const { md } = hover(text);
  const catalog = testCatalog();
  const ec2Count = catalog.getService('ec2')!.actions.length;
  assert.match(md, new RegExp(`^\\*\\*Policy summary\\*\\*: this statement allows ${ec2Count + 2} actions in 2 services\\.`));
  assert.match(md, /\n- Amazon EC2 \(`ec2`\): Full access\n/);
  assert.doesNotMatch(md, /\|---/);
  const s3Reads = catalog.getService('s3')!.actions.filter((a) => (a.accessLevel & 2) !== 0).length;
  const s3Lists = catalog.getService('s3')!.actions.filter((a) => (a.accessLevel & 1) !== 0).length;
  assert.match(md, new RegExp(`\\n- Amazon S3 \\(\`s3\`\\): Limited: List \\(1 of ${s3Lists}\\), Read \\(1 of ${s3Reads}\\)`));
  assert.match(md, /\n\nResources: all resources · Request conditions: none$/);
  const effect = hover(text.replace('"Sid": "Read$0Only"', '"Sid": "ReadOnly"').replace('"Effect": "Allow"', '"Effect": "Al$0low"')).md;
  assert.match(effect, /^\*\*Allow\*\*: grants the listed actions/);
  assert.match(effect, /\n---\n\n\*\*Policy summary\*\*/);
  const scoped = hover(stmt(`      "Sid": "S$0",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"],
      "Condition": {"Bool": {"aws:SecureTransport": "true"}, "IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}`)).md;
  assert.match(scoped, /\n\nResources: 2 ARNs · Request conditions: `aws:SecureTransport` \(Bool\), `aws:SourceIp` \(IpAddress\)$/);
});

test('no hover on punctuation, outside policies, or on a plain JSON file', () => {
  assert.equal(hoverAt(stmt('      "Effect": "Allow",$0\n      "Action": "s3:GetObject"')).hover, null);
  const doc = TextDocument.create('file:///package.json', 'json', 1, '{"name": "x", "scripts": {"Action": "s3:GetObject"}}');
  assert.equal(service.hover(doc, service.parse(doc), doc.positionAt(40)), null);
});

test('CloudFormation YAML and Terraform: hover from the policy tree', () => {
  const yaml = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObject
                  - "dynamodb:Get$0Item"
                Resource: "*"
`;
  const y = hover(yaml, 'file:///template.yaml', 'yaml');
  assert.equal(y.hovered, '"dynamodb:GetItem"');
  assert.match(y.md, /^\*\*dynamodb:GetItem\*\* — Amazon DynamoDB, access level \*\*Read\*\*/);
  const plain = hover(yaml.replace('"dynamodb:Get$0Item"', 'dynamodb:GetItem').replace('s3:GetObject', 's3:Get$0Object'), 'file:///template.yaml', 'yaml');
  assert.equal(plain.hovered, 's3:GetObject');
  assert.match(hover(yaml.replace('"dynamodb:Get$0Item"', '"dynamodb:GetItem"').replace('Service: lambda.amazonaws.com', 'Service: lambda.amazon$0aws.com'), 'file:///template.yaml', 'yaml').md, /^\*\*Service principal\*\* `lambda\.amazonaws\.com`/);
  const tf = `resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:Send$0Message"]
      Resource = "*"
    }]
  })
}
`;
  const t = hover(tf, 'file:///main.tf', 'terraform');
  assert.match(t.md, /^\*\*sqs:SendMessage\*\* — Amazon SQS, access level \*\*Write\*\*/);
  assert.equal(t.hovered, '"sqs:SendMessage"');
});

test('real AWS policies: hover at every position never throws and its range contains the position', () => {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'policies', 'aws');
  let hovers = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const doc = TextDocument.create(`file:///${name}`, 'json', 1, text);
    const parsed = service.parse(doc);
    for (let offset = 0; offset < text.length; offset++) {
      const h = service.hover(doc, parsed, doc.positionAt(offset));
      if (!h) continue;
      hovers++;
      const start = doc.offsetAt(h.range!.start);
      const end = doc.offsetAt(h.range!.end);
      assert.ok(start <= offset && offset < end, `${name}@${offset}: range ${start}-${end}`);
      assert.ok((h.contents as MarkupContent).value.length > 10, `${name}@${offset}: empty hover`);
    }
  }
  assert.ok(hovers > 5000, `${hovers} hovers`);
});
