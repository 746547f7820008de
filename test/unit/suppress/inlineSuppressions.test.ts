// Inline suppressions through the real service (so the editor and the CLI see the same): YAML and HCL comments on
// the line, above a line, above a block, for the whole file; CloudFormation resource Metadata (JSON and YAML).
// Each case also checks that the same finding IS reported without the suppression (the test can fail).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { commentSuppressions } from '../../../server/src/service/suppress/inlineSuppressions';
import { testCatalog } from '../../support/catalog';

const service = createIamLanguageService({ catalog: testCatalog(), rethrow: true, logger: { error: () => {}, warn: () => {}, info: () => {} } });

function codes(uri: string, text: string, code: string): string[] {
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  return service
    .validate(doc, service.parse(doc), {})
    .filter((d) => d.code === code)
    .map((d) => doc.getText(d.range));
}

const yaml = (comment: { line?: string; above?: string; block?: string }) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ${comment.block ?? ''}
  Role:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action:
              ${comment.above ?? ''}
              - s3:GetObjekt ${comment.line ?? ''}
              - s3:PutObjekt
            Resource: arn:aws:s3:::b/*
`;

test('YAML: on the line, above the line, above the block, file-wide', () => {
  assert.deepEqual(codes('file:///t.yaml', yaml({}), 'INVALID_ACTION'), ['s3:GetObjekt', 's3:PutObjekt']);
  assert.deepEqual(codes('file:///t.yaml', yaml({ line: '# iam-policy-ignore INVALID_ACTION: legacy name' }), 'INVALID_ACTION'), ['s3:PutObjekt']);
  assert.deepEqual(codes('file:///t.yaml', yaml({ above: '# iam-policy-ignore INVALID_ACTION: reviewed' }), 'INVALID_ACTION'), ['s3:PutObjekt']);
  assert.deepEqual(codes('file:///t.yaml', yaml({ block: '# iam-policy-ignore INVALID_ACTION, RESOURCE_STAR: whole resource' }), 'INVALID_ACTION'), []);
  assert.deepEqual(codes('file:///t.yaml', yaml({ block: '# iam-policy-ignore-file INVALID_ACTION: generated' }), 'INVALID_ACTION'), []);
  // another code does not suppress
  assert.deepEqual(codes('file:///t.yaml', yaml({ line: '# iam-policy-ignore RESOURCE_STAR: no' }), 'INVALID_ACTION'), ['s3:GetObjekt', 's3:PutObjekt']);
});

const hcl = (above: string, line = '') => `${above}
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObjekt"] ${line}
    resources = ["arn:aws:s3:::b/*"]
  }
}

resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObjekt", "Resource": "*"}]}
EOF
}
`;

test('HCL: above a block (brackets), on the line, and heredocs inside a block', () => {
  assert.deepEqual(codes('file:///m.tf', hcl(''), 'INVALID_ACTION'), ['"s3:GetObjekt"', '"s3:PutObjekt"']);
  assert.deepEqual(codes('file:///m.tf', hcl('# iam-policy-ignore INVALID_ACTION: vendor module'), 'INVALID_ACTION'), ['"s3:PutObjekt"']);
  assert.deepEqual(codes('file:///m.tf', hcl('', '// iam-policy-ignore INVALID_ACTION: ok'), 'INVALID_ACTION'), ['"s3:PutObjekt"']);
  const above = hcl('').replace('resource "aws_iam_policy"', '# iam-policy-ignore INVALID_ACTION: heredoc\nresource "aws_iam_policy"');
  assert.deepEqual(codes('file:///m.tf', above, 'INVALID_ACTION'), ['"s3:GetObjekt"']);
});

test('CloudFormation Metadata iam-policy.ignore_checks covers the resource (YAML and JSON)', () => {
  const two = (meta: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  A:
    Type: AWS::IAM::ManagedPolicy
${meta}    Properties:
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: s3:GetObjekt, Resource: "arn:aws:s3:::b/*"}
  B:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: s3:PutObjekt, Resource: "arn:aws:s3:::b/*"}
`;
  assert.deepEqual(codes('file:///t.yaml', two(''), 'INVALID_ACTION'), ['s3:GetObjekt', 's3:PutObjekt']);
  assert.deepEqual(codes('file:///t.yaml', two('    Metadata:\n      iam-policy:\n        ignore_checks: [INVALID_ACTION]\n'), 'INVALID_ACTION'), ['s3:PutObjekt']);
  const json = JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        A: { Type: 'AWS::IAM::ManagedPolicy', Metadata: { 'iam-policy': { ignore_checks: ['INVALID_ACTION'] } }, Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::b/*' }] } } },
        B: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:PutObjekt', Resource: 'arn:aws:s3:::b/*' }] } } },
      },
    },
    null,
    2,
  );
  assert.deepEqual(codes('file:///t.json', json, 'INVALID_ACTION'), ['"s3:PutObjekt"']);
});

test('directive parsing: several codes, a reason, nothing without a code', () => {
  const s = commentSuppressions('a: 1 # iam-policy-ignore A_B, C_D: because\nb: 2 # iam-policy-ignore\n', 'yaml');
  assert.equal(s.length, 1);
  assert.deepEqual([...s[0]!.codes], ['A_B', 'C_D']);
  assert.deepEqual([s[0]!.fromLine, s[0]!.toLine], [0, 0]);
});

test('"Disable RULE for this line / file" code actions write a comment that removes exactly that finding', () => {
  for (const [uri, text] of [
    ['file:///t.yaml', yaml({})],
    ['file:///m.tf', hcl('')],
  ] as const) {
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    const parsed = service.parse(doc);
    const diagnostics = service.validate(doc, parsed, {});
    const target = diagnostics.find((d) => d.code === 'INVALID_ACTION')!;
    const actions = service.codeActions(doc, parsed, target.range, { diagnostics: [target] }, {});
    for (const [title, remaining] of [
      ['Disable INVALID_ACTION for this line', 1],
      ['Disable INVALID_ACTION for this file', 0],
    ] as const) {
      const action = actions.find((a) => a.title === title);
      assert.ok(action, `${uri}: ${actions.map((a) => a.title).join(' | ')}`);
      const edits = action.edit!.changes![uri]!;
      const after = TextDocument.applyEdits(doc, edits);
      const afterDoc = TextDocument.create(uri, 'plaintext', 2, after);
      const left = service.validate(afterDoc, service.parse(afterDoc), {}).filter((d) => d.code === 'INVALID_ACTION');
      assert.equal(left.length, remaining, `${uri} ${title}:\n${after}`);
      // nothing else changed: same other findings
      const others = (ds: typeof diagnostics) => ds.filter((d) => d.code !== 'INVALID_ACTION').map((d) => d.code).sort();
      assert.deepEqual(others(service.validate(afterDoc, service.parse(afterDoc), {})), others(diagnostics));
    }
  }
  // plain JSON has no comments: no such action
  const json = TextDocument.create('file:///p.json', 'json', 1, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}');
  const parsed = service.parse(json);
  const d = service.validate(json, parsed, {}).find((x) => x.code === 'INVALID_ACTION')!;
  assert.ok(!service.codeActions(json, parsed, d.range, { diagnostics: [d] }, {}).some((a) => a.title.startsWith('Disable ')));
});
