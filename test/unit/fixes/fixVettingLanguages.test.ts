// Fix vetting re-parses the fixed text the way the original was parsed. In templates it once forced the text
// to be read as one JSON policy, so YAML and Terraform gave only JSON_SYNTAX_ERROR before and after every
// edit and each fix passed unchecked. Here, in each language, the re-parse must tell a good text from a bad one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { vetParseOptions } from '../../../server/src/service/features/vetParseOptions';
import { testService } from '../../support/codeActions';

const POLICY_JSON = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }]
}`;

const CASES: Array<{ language: string; uri: string; text: string }> = [
  { language: 'json', uri: 'file:///p/read.json', text: POLICY_JSON },
  {
    language: 'json',
    uri: 'file:///p/stack.json',
    text: JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Read: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: JSON.parse(POLICY_JSON) } } },
    }, null, 2),
  },
  {
    language: 'yaml',
    uri: 'file:///p/stack.yaml',
    text: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Read:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
`,
  },
  {
    language: 'terraform',
    uri: 'file:///p/main.tf',
    text: `resource "aws_iam_policy" "read" {
  name   = "read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }]
  })
}
`,
  },
];

for (const { language, uri, text } of CASES) {
  test(`fix vetting re-parses a ${language} ${uri.split('/').pop()} as such and sees a new error`, () => {
    const svc = testService();
    const original = svc.parse(TextDocument.create(uri, language, 1, text));
    assert.ok(original.isPolicy && original.policies.length === 1, 'the original holds one policy');
    const codesOf = (candidate: string): string[] =>
      svc.findings(svc.parse(TextDocument.create(uri, language, 0, candidate), vetParseOptions(original))).filter((f) => f.severity === 'error').map((f) => f.code);
    assert.deepEqual(codesOf(text), [], 'the unchanged text re-parses without errors');
    const broken = text.replace('s3:GetObject', 's3:GetObjekt');
    assert.notEqual(broken, text);
    assert.deepEqual(codesOf(broken), ['INVALID_ACTION'], 'a bad edit is seen as exactly the error it adds');
  });
}
