// CloudFormation/SAM discovery: which properties are policy documents, their type and label, Fn::If variants,
// and how intrinsics reach the model (templated values in items, opaque ones left out), in JSON and YAML.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { isOpaque, templateOf } from '../../../server/src/service/parser/containers/templateValue';
import type { PolicyDocument } from '../../../server/src/service/parser/policyModel';

const yaml = (text: string) => parseDocument(text, { uri: 'file:///stack.yaml', languageId: 'yaml' });
const summary = (ps: readonly PolicyDocument[]) => ps.map((p) => `${p.label} ${p.policyType}/${p.policyTypeSource}`);
const slice = (text: string, s: { offset: number; length: number }) => text.slice(s.offset, s.offset + s.length);

const DOC = `
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: "*"`;
const TRUST = `
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Service: ec2.amazonaws.com }
              Action: sts:AssumeRole`;
const RESOURCE = `
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: arn:aws:iam::111122223333:root }
              Action: sqs:SendMessage
              Resource: "*"`;

test('every policy-bearing resource type is found with its type and label', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:${TRUST.replace(/\n {10}/g, '\n        ')}
      Policies:
        - PolicyName: a
          PolicyDocument:${DOC.replace(/\n {10}/g, '\n            ')}
        - PolicyName: b
          PolicyDocument:${DOC.replace(/\n {10}/g, '\n            ')}
  User:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: u
          PolicyDocument:${DOC.replace(/\n {10}/g, '\n            ')}
  Group:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: g
          PolicyDocument:${DOC.replace(/\n {10}/g, '\n            ')}
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:${DOC.replace(/\n {10}/g, '\n        ')}
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:${DOC.replace(/\n {10}/g, '\n        ')}
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      PolicyDocument:${RESOURCE.replace(/\n {10}/g, '\n        ')}
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      PolicyDocument:${RESOURCE.replace(/\n {10}/g, '\n        ')}
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      PolicyDocument:${RESOURCE.replace(/\n {10}/g, '\n        ')}
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:${RESOURCE.replace(/\n {10}/g, '\n        ')}
  Secret:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      ResourcePolicy:${RESOURCE.replace(/\n {10}/g, '\n        ')}
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:${RESOURCE.replace(/\n {10}/g, '\n        ')}
  Scp:
    Type: AWS::Organizations::Policy
    Properties:
      Type: SERVICE_CONTROL_POLICY
      Content:${DOC.replace(/\n {10}/g, '\n        ')}
  Rcp:
    Type: AWS::Organizations::Policy
    Properties:
      Type: RESOURCE_CONTROL_POLICY
      Content:${DOC.replace(/\n {10}/g, '\n        ')}
  TagPolicy:
    Type: AWS::Organizations::Policy
    Properties:
      Type: TAG_POLICY
      Content: { tags: {} }
  Logs:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyDocument: '{"Version":"2012-10-17","Statement":[]}'
  Layer:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      Action: lambda:GetLayerVersion
      Principal: "*"
`;
  const parsed = yaml(text);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.isPolicy, true);
  assert.equal(parsed.container, 'cloudformation');
  assert.equal(parsed.syntax, 'yaml');
  assert.deepEqual(summary(parsed.policies), [
    'Role.AssumeRolePolicyDocument trust/container',
    'Role.Policies[0].PolicyDocument identity/container',
    'Role.Policies[1].PolicyDocument identity/container',
    'User.Policies[0].PolicyDocument identity/container',
    'Group.Policies[0].PolicyDocument identity/container',
    'Managed.PolicyDocument identity/container',
    'Policy.PolicyDocument identity/container',
    'BucketPolicy.PolicyDocument resource/container',
    'QueuePolicy.PolicyDocument resource/container',
    'TopicPolicy.PolicyDocument resource/container',
    'Key.KeyPolicy resource/container',
    'Secret.ResourcePolicy resource/container',
    'Repo.RepositoryPolicyText resource/container',
    'Scp.Content scp/container',
    'Rcp.Content rcp/container',
  ]);
  assert.deepEqual(
    parsed.policies.map((p) => p.resourceType),
    ['AWS::IAM::Role', 'AWS::IAM::Role', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::KMS::Key', 'AWS::SecretsManager::ResourcePolicy', 'AWS::ECR::Repository', 'AWS::Organizations::Policy', 'AWS::Organizations::Policy'],
  );
  // each policy's root spans its own document in the template text
  for (const p of parsed.policies) assert.match(slice(text, p.span), /^Version: "2012-10-17"\n/);
});

test('SAM Policies: inline documents (list or single) and policy templates (expanded) are checked, managed names are not', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: b
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: "*"
  Single:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
  Named:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonS3ReadOnlyAccess
`;
  assert.deepEqual(summary(yaml(text).policies), ['Fn.Policies[1] (SAM policy template S3ReadPolicy) identity/container', 'Fn.Policies[2] identity/container', 'Single.Policies identity/container']);
});

test('Fn::If gives two variants; each branch is checked once and AWS::NoValue drops the item', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action:
              - s3:GetObject
              - !If [Prod, s3:PutObject, !Ref AWS::NoValue]
            Resource: "*"
          - !If
            - Prod
            - !Ref AWS::NoValue
            - Effect: Deny
              Action: s3:DeleteObject
              Resource: "*"
`;
  const parsed = yaml(text);
  assert.deepEqual(
    parsed.policies.map((p) => p.label),
    ['P.PolicyDocument (Fn::If true branches)', 'P.PolicyDocument (Fn::If false branches)'],
  );
  const [then, otherwise] = parsed.policies;
  assert.deepEqual(then!.statements.map((s) => s.action!.items.map((i) => i.value)), [['s3:GetObject', 's3:PutObject']]);
  assert.deepEqual(otherwise!.statements.map((s) => s.action!.items.map((i) => i.value)), [['s3:GetObject'], ['s3:DeleteObject']]);
  // the branch keeps its own place in the text
  const put = then!.statements[0]!.action!.items[1]!;
  assert.equal(slice(text, put.span), 's3:PutObject');
});

test('intrinsics: Sub/Join in Action/Resource are templated with * for unknown parts; Ref/GetAtt are opaque', () => {
  const text = `Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource:
              - !Sub arn:\${AWS::Partition}:s3:::\${Bucket}/\${!Literal}/\${aws:username}/*
              - !GetAtt Bucket.Arn
              - !Sub "\${Bucket.Arn}/*"
              - !Join [":", [arn, !Ref AWS::Partition, s3, "", "", !Ref Bucket]]
              - !Sub ["arn:aws:s3:::\${Name}/*", { Name: fixed-bucket }]
            Condition:
              StringEquals:
                aws:PrincipalAccount: !Sub \${AWS::AccountId}
                aws:SourceVpc: !Ref Vpc
          - Effect: Allow
            Principal:
              AWS: !Sub arn:aws:iam::\${AWS::AccountId}:root
            Action: !Ref ActionParam
            Resource: "*"
`;
  const parsed = yaml(text);
  const [s1, s2] = parsed.policies[0]!.statements;
  const raw = s1!.resource!.value!.children!;
  assert.deepEqual(
    raw.map((n) => [templateOf(n)?.kind ?? 'plain', n.value]),
    [
      ['templated', 'arn:aws:s3:::*/${Literal}/${aws:username}/*'],
      ['opaque', '{"Fn::GetAtt":"Bucket.Arn"}'],
      ['opaque', '{"Fn::Sub":"${Bucket.Arn}/*"}'],
      ['templated', 'arn:aws:s3:::*'],
      ['templated', 'arn:aws:s3:::fixed-bucket/*'],
    ],
  );
  // opaque values are not in items: no rule can judge them; every node is still a jsonc "string"
  assert.deepEqual(s1!.resource!.items.map((i) => i.value), ['arn:aws:s3:::*/${Literal}/${aws:username}/*', 'arn:aws:s3:::*', 'arn:aws:s3:::fixed-bucket/*']);
  assert.ok(raw.every((n) => n.type === 'string'));
  assert.equal(slice(text, s1!.resource!.items[0]!.span), '!Sub arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}/${aws:username}/*');
  // outside Action/Resource a placeholder is not a wildcard: the value is opaque
  const entries = s1!.condition!.operators[0]!.entries;
  assert.deepEqual(entries.map((e) => [e.key.value, e.values.length, isOpaque(e.valueNode)]), [
    ['aws:PrincipalAccount', 0, true],
    ['aws:SourceVpc', 0, true],
  ]);
  assert.deepEqual(s2!.principal!.entries[0]!.values, []);
  assert.equal(s2!.action!.items.length, 0);
  assert.ok(s2!.action!.value && isOpaque(s2!.action!.value));
});

test('JSON templates: found by content; plain policies and other JSON behave as before', () => {
  const template = JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } } },
    },
    null,
    2,
  );
  const t = parseDocument(template, { uri: 'file:///stack.json', languageId: 'json' });
  assert.deepEqual(summary(t.policies), ['R.AssumeRolePolicyDocument trust/container']);
  assert.equal(t.syntax, undefined, 'a JSON template takes JSON edits');
  // a template without AWSTemplateFormatVersion is recognised by its AWS:: resource types
  const bare = parseDocument('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', { uri: 'file:///x.json', languageId: 'json' });
  assert.equal(bare.isPolicy, true);
  assert.deepEqual(bare.policies, []);
  const plain = parseDocument('{"Version": "2012-10-17", "Statement": []}', { uri: 'file:///p.json', languageId: 'json' });
  assert.equal(plain.isPolicy, true);
  assert.equal(plain.container, undefined);
  assert.deepEqual(summary(plain.policies), [' identity/content']);
  assert.equal(parseDocument('{"name": "pkg", "version": "1.0.0"}', { uri: 'file:///package.json', languageId: 'json' }).isPolicy, false);
});

test('non-template YAML is not ours; YAML syntax errors of a template are reported', () => {
  const compose = yaml('version: "3.8"\nservices:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
  assert.equal(compose.isPolicy, false);
  assert.deepEqual(compose.syntaxErrors, []);
  const broken = yaml('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: AWS::IAM::Policy\n    Properties: [unclosed\n');
  assert.equal(broken.isPolicy, true);
  assert.ok(broken.syntaxErrors.length > 0);
  assert.ok(broken.syntaxErrors.every((e) => e.offset >= 0 && e.length > 0 && /\.$/.test(e.message)));
});

test('.template files: JSON when they start with "{", YAML otherwise', () => {
  const json = parseDocument('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', { uri: 'file:///a.template' });
  assert.equal(json.container, 'cloudformation');
  const y = parseDocument('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', { uri: 'file:///a.template' });
  assert.equal(y.container, 'cloudformation');
});

test('duplicate keys are reported inside policies only, once even with two Fn::If variants', () => {
  const text = `Resources:
  Other:
    Type: AWS::S3::Bucket
    Properties: { A: 1, A: 2 }
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Effect: Deny
            Action: !If [C, s3:GetObject, s3:PutObject]
            Resource: "*"
`;
  const parsed = yaml(text);
  assert.equal(parsed.policies.length, 2);
  assert.deepEqual(parsed.duplicateKeys.map((d) => [d.key, slice(text, d.property)]), [['Effect', 'Effect: Deny']]);
});

test('a policy pasted as JSON in a YAML literal block is read in place', () => {
  const text = `Resources:
  Logs:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: es
      PolicyDocument: |
        {
          "Version": "2012-10-17",
          "Statement": [{ "Effect": "Allow", "Principal": { "Service": "es.amazonaws.com" }, "Action": "logs:PutLogEvents", "Resource": "*" }]
        }
  Folded:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument: >
        {"Version": "2012-10-17", "Statement": []}
`;
  const parsed = yaml(text);
  assert.deepEqual(summary(parsed.policies), ['Logs.PolicyDocument resource/container']);
  const action = parsed.policies[0]!.statements[0]!.action!.items[0]!;
  assert.equal(slice(text, action.span), '"logs:PutLogEvents"');
  assert.deepEqual(parsed.syntaxErrors, []);
  // broken JSON in the block is a syntax error at its place in the template
  const broken = yaml(text.replace('"Version": "2012-10-17",', '"Version": "2012-10-17"'));
  assert.equal(broken.syntaxErrors.length, 1);
  assert.equal(broken.syntaxErrors[0]!.message, 'Comma expected.');
  assert.ok(broken.text.startsWith('"Statement"', broken.syntaxErrors[0]!.offset), broken.text.slice(broken.syntaxErrors[0]!.offset, broken.syntaxErrors[0]!.offset + 20));
});
