// Size measurement for the limit rules: IAM counts characters without whitespace, Organizations every
// character, resource-policy services bytes; all on the policy's own span (template policies: compact JSON).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { formatCount, policySize } from '../../../server/src/service/rules/limits/policySize';
import { limitsRules } from '../../../server/src/service/rules/limits';
import { testCatalog } from '../../support/catalog';

test('counts on the policy span: non-whitespace, all characters, UTF-8 bytes', () => {
  const text = '{ "Statement" : [ { "Sid": "caf\u00e9" } ] }\n';
  const doc = parseDocument(text, { forcePolicy: true });
  const size = policySize(doc.policies[0]!, text);
  const own = text.trimEnd();
  assert.equal(size.characters, own.length);
  assert.equal(size.nonWhitespace, own.replace(/[ \t\r\n]/g, '').length);
  assert.equal(size.bytes, Buffer.byteLength(own, 'utf8'));
});

test('numbers are printed with thousands separators', () => {
  assert.equal(formatCount(6144), '6,144');
  assert.equal(formatCount(20480), '20,480');
  assert.equal(formatCount(512), '512');
  assert.equal(formatCount(1234567), '1,234,567');
});

test('a policy inside a Terraform file is measured on its JSON form, not on the HCL text around it', () => {
  const statements = Array.from({ length: 60 }, (_, i) => `    { Sid = "ReadWriteBucket${i}", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::example-bucket-${String(i).padStart(3, '0')}/*" },`);
  const tf = ['resource "aws_iam_policy" "p" {', '  policy = jsonencode({', '    Version = "2012-10-17"', '    Statement = [', ...statements, '    ]', '  })', '}'].join('\n');
  const service = createIamLanguageService({ catalog: testCatalog(), rules: limitsRules, rethrow: true });
  const parsed = service.parse(TextDocument.create('file:///main.tf', 'terraform', 1, tf));
  const policy = parsed.policies[0]!;
  const json = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 60 }, (_, i) => ({ Sid: `ReadWriteBucket${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::example-bucket-${String(i).padStart(3, '0')}/*` })) });
  assert.equal(policySize(policy, tf).characters, json.length);
  const codes = service.findings(parsed).map((f) => f.code).sort();
  assert.deepEqual(codes, ['INLINE_POLICY_SIZE', 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA']);
});
