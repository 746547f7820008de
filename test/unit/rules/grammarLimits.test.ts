// Size measurement for the limit rules: IAM counts characters without whitespace, Organizations every
// character, resource-policy services bytes; all on the policy's own span (template policies: compact JSON).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService } from '../../../server/src/service';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { formatCount, policyBytes, policyCharacters, policyNonWhitespace } from '../../../server/src/service/rules/limits/policySize';
import { limitsRules } from '../../../server/src/service/rules/limits';
import { testCatalog } from '../../support/catalog';
import { corpusTexts } from '../../support/corpus';

test('counts on the policy span: non-whitespace, all characters, UTF-8 bytes', () => {
  const text = '{ "Statement" : [ { "Sid": "caf\u00e9" } ] }\n';
  const doc = parseDocument(text, { forcePolicy: true });
  const policy = doc.policies[0]!;
  const own = text.trimEnd();
  assert.equal(policyCharacters(policy, text), own.length);
  assert.equal(policyNonWhitespace({ document: doc, policy, text }), own.replace(/[ \t\r\n]/g, '').length);
  assert.equal(policyBytes(policy, text), Buffer.byteLength(own, 'utf8'));
});

test('whitespace counted from the tree equals a count over every character, spaces inside strings included', () => {
  const texts = [
    '{"Statement":[]}',
    '{ "Statement" : [ { } , [ ] , "a b  c" , "\\u0020x" , 1.5e3 , true , null , { "k k" : [ "v\\t v" ] } ] }',
    '\r\n\t{\n\t"Version":"2012-10-17",\r\n "Statement":[{"Effect":"Allow","Action":["s3:Get*" , "s3:List*"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["a team", " x "]}}}]}  \n',
    ...corpusTexts(),
  ];
  let compared = 0;
  for (const text of texts) {
    const doc = parseDocument(text, { forcePolicy: true });
    for (const policy of doc.policies) {
      const own = text.slice(policy.span.offset, policy.span.offset + policy.span.length);
      assert.equal(policyNonWhitespace({ document: doc, policy, text }), own.replace(/[ \t\r\n]/g, '').length, own.slice(0, 80));
      compared++;
    }
  }
  assert.ok(compared > 10, `compared ${compared} policies`);
});

test('a policy with a syntax error inside is still measured character by character', () => {
  const text = '{ "Statement": [ { "Sid": "a" "Effect": "Allow" } ] }';
  const doc = parseDocument(text, { forcePolicy: true });
  assert.ok(doc.syntaxErrors.length > 0);
  const policy = doc.policies[0]!;
  const own = text.slice(policy.span.offset, policy.span.offset + policy.span.length);
  assert.equal(policyNonWhitespace({ document: doc, policy, text }), own.replace(/[ \t\r\n]/g, '').length);
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
  assert.equal(policyCharacters(policy, tf), json.length);
  assert.equal(policyNonWhitespace({ document: parsed, policy, text: tf }), json.replace(/[ \t\r\n]/g, '').length);
  // both size findings are about the one fact, so they combine on the policy's first key (rules/combineFindings.ts)
  const findings = service.findings(parsed);
  assert.deepEqual(findings.map((f) => f.code), ['POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA']);
  assert.deepEqual(findings[0]!.related?.map((r) => r.code), ['INLINE_POLICY_SIZE']);
});
