// Editor features inside templates: hover, completion, code lenses and code actions run on CloudFormation YAML
// and Terraform documents through the real service without failing, and answer from the policy under the cursor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { testCatalog } from '../../support/catalog';

const errors: string[] = [];
const service = createIamLanguageService({ catalog: testCatalog(), rethrow: true, logger: { error: (m) => errors.push(m), warn: () => {}, info: () => {} } });

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action:
              - s3:GetObject
              - !If [C, s3:PutObjekt, !Ref AWS::NoValue]
            Resource: !Sub arn:\${AWS::Partition}:s3:::\${B}/*
`;
const TF = `data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObjekt"]
    resources = ["arn:aws:s3:::\${var.b}/*"]
  }
}
`;

function at(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  return doc.positionAt(offset);
}

for (const [name, uri, languageId, text] of [
  ['CloudFormation YAML', 'file:///stack.yaml', 'yaml', YAML],
  ['Terraform', 'file:///main.tf', 'terraform', TF],
] as const) {
  test(`${name}: hover, completion, code lenses and code actions`, () => {
    errors.length = 0;
    const doc = TextDocument.create(uri, languageId, 1, text);
    const parsed = service.parse(doc);
    assert.ok(parsed.policies.length >= 1);
    const hover = service.hover(doc, parsed, at(text, 's3:GetObject', 4));
    assert.ok(hover, 'hover on an action');
    assert.match(JSON.stringify(hover.contents), /GetObject/);
    const list = service.complete(doc, parsed, at(text, 's3:GetObject', 3));
    assert.ok(Array.isArray(list.items));
    const lenses = service.codeLenses(doc, parsed);
    assert.ok(lenses.length >= 1);
    const diagnostics = service.validate(doc, parsed);
    const typo = diagnostics.find((d) => d.code === 'INVALID_ACTION');
    assert.ok(typo, 'the typo is reported');
    const actions = service.codeActions(doc, parsed, typo.range, { diagnostics: [typo] });
    // whatever is offered must keep the file valid: in YAML/HCL only string-literal replacements are safe
    for (const a of actions) {
      // (or a suppression comment line, "Disable RULE for this line / file", or resource Metadata block lines)
      for (const e of a.edit?.changes?.[uri] ?? []) assert.match(e.newText, /^"[^"\n]*"$|^[ \t]*# iam-policy-ignore(-file)? [A-Z_]+: reason\n$|^(?:[ \t]*(?:Metadata|iam-policy|ignore_checks):\n)*[ \t]*- [A-Z_]+\n$/, `${a.title}: ${e.newText}`);
    }
    // the did-you-mean fix is offered on the HCL string and on the unquoted YAML scalar alike
    assert.ok(actions.some((a) => /s3:PutObject/.test(a.title)), JSON.stringify(actions));
    assert.deepEqual(errors, []);
  });
}
