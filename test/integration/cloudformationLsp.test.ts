// The built language server (node dist/server.js --stdio) with a CloudFormation YAML template opened as
// languageId "yaml": diagnostics land on the policy's own text, hover works inside the template, and a
// non-template YAML file (docker-compose) gets no diagnostic. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { startLsp } from '../support/lspClient';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: !Sub "ec2.\${AWS::URLSuffix}" }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObject
                  - !If [IsProd, s3:PutObjekt, !Ref AWS::NoValue]
                Resource: !Sub "\${Bucket.Arn}/*"
`;

function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

test('a CloudFormation YAML template gets diagnostics at the policy positions, hover works, other YAML stays quiet', async () => {
  const lsp = await startLsp();
  try {
    const uri = 'file:///work/stack.yaml';
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEMPLATE } });
    const report = (await lsp.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    const typo = report.items.filter((d) => d.code === 'INVALID_ACTION');
    const start = positionOf(TEMPLATE, 's3:PutObjekt');
    assert.deepEqual(
      typo.map((d) => d.range),
      [{ start, end: { line: start.line, character: start.character + 's3:PutObjekt'.length } }],
      JSON.stringify(report.items, null, 1),
    );
    assert.match(String(typo[0]!.message), /"s3:PutObjekt"/);
    // nothing is reported on the intrinsics themselves (Ref, Sub, If) or outside the policies
    for (const d of report.items) {
      const line = TEMPLATE.split('\n')[d.range.start.line]!;
      assert.ok(d.range.start.line >= 9, `finding outside the policies: ${JSON.stringify(d)}`);
      assert.ok(!/!Ref|!Sub "\$\{Bucket/.test(line.slice(d.range.start.character, d.range.end.character)), `finding on an intrinsic: ${JSON.stringify(d)}`);
    }
    // hover on an action inside the template
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { ...positionOf(TEMPLATE, 's3:GetObject'), character: positionOf(TEMPLATE, 's3:GetObject').character + 4 } })) as Hover | null;
    assert.ok(hover, 'hover inside the template');
    assert.match(JSON.stringify(hover.contents), /GetObject/);

    // Terraform, as editors send it (languageId "terraform"): the finding is on the HCL string
    const tfUri = 'file:///work/main.tf';
    const tf = 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObjekt"]\n    resources = [aws_s3_bucket.b.arn]\n  }\n}\n';
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: tfUri, languageId: 'terraform', version: 1, text: tf } });
    const tfReport = (await lsp.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: tfUri } })) as { items: Diagnostic[] };
    assert.deepEqual(
      tfReport.items.filter((d) => d.code === 'INVALID_ACTION').map((d) => d.range),
      [{ start: { line: 2, character: 17 }, end: { line: 2, character: 31 } }],
      JSON.stringify(tfReport.items),
    );

    const compose = 'file:///work/docker-compose.yml';
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: compose, languageId: 'yaml', version: 1, text: 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n' } });
    const quiet = (await lsp.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: compose } })) as { items: Diagnostic[] };
    assert.deepEqual(quiet.items, []);
  } finally {
    await lsp.stop();
  }
});
