// Terraform discovery: heredoc JSON, jsonencode() and aws_iam_policy_document, their policy types and labels,
// interpolation handling, and the synthetic model of policy-document blocks pointing at HCL tokens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { maskInterpolations } from '../../../server/src/service/parser/containers/terraform';
import { isOpaque, templateOf } from '../../../server/src/service/parser/containers/templateValue';

const tf = (text: string) => parseDocument(text, { uri: 'file:///main.tf' });
const slice = (text: string, s: { offset: number; length: number }) => text.slice(s.offset, s.offset + s.length);
const STMT = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}';
const HCL_STMT = '{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }';

test('policy types and labels from the resource type and attribute', () => {
  const text = [
    'resource "aws_iam_role" "r" {',
    '  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
    '  inline_policy {',
    '    name   = "i"',
    `    policy = jsonencode({ Version = "2012-10-17", Statement = [${HCL_STMT}] })`,
    '  }',
    '}',
    'resource "aws_s3_bucket_policy" "b" {',
    '  policy = <<EOF',
    `{"Version": "2012-10-17", "Statement": [${STMT}]}`,
    'EOF',
    '}',
    'resource "aws_organizations_policy" "scp" {',
    '  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })',
    '}',
    'resource "aws_organizations_policy" "rcp" {',
    '  type    = "RESOURCE_CONTROL_POLICY"',
    '  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*" }] })',
    '}',
    'resource "aws_organizations_policy" "tag" {',
    '  type    = "TAG_POLICY"',
    '  content = jsonencode({ Statement = [] })',
    '}',
    'locals {',
    `  doc = jsonencode({ Version = "2012-10-17", Statement = [${HCL_STMT}] })`,
    '  not_a_policy = jsonencode({ a = 1 })',
    '}',
    '',
  ].join('\n');
  const parsed = tf(text);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.container, 'terraform');
  assert.equal(parsed.syntax, 'hcl');
  assert.deepEqual(
    parsed.policies.map((p) => `${p.label} ${p.policyType}`),
    [
      'aws_iam_role.r.assume_role_policy trust',
      'aws_iam_role.r.inline_policy.policy identity',
      'aws_s3_bucket_policy.b.policy resource',
      'aws_organizations_policy.scp.content scp',
      'aws_organizations_policy.rcp.content rcp',
      'local.doc identity',
    ],
  );
  assert.deepEqual(parsed.policies.map((p) => p.resourceType), ['aws_iam_role', 'aws_iam_role', 'aws_s3_bucket_policy', 'aws_organizations_policy', 'aws_organizations_policy', undefined]);
});

test('heredoc JSON: offsets into the .tf text, ${…} inside strings templated, outside strings opaque', () => {
  const text = [
    'resource "aws_iam_policy" "p" {',
    '  policy = <<-EOT',
    '    {"Version": "2012-10-17", "Statement": [',
    '      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::${var.b}/*", "${aws_s3_bucket.b.arn}", ${jsonencode(var.arns)}]},',
    '      {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b", "Condition": {"StringLike": {"s3:prefix": "home/$${aws:username}/*", "aws:x": "${var.y}"}}}',
    '    ]}',
    '  EOT',
    '}',
    '',
  ].join('\n');
  const parsed = tf(text);
  assert.deepEqual(parsed.syntaxErrors, []);
  const [s1, s2] = parsed.policies[0]!.statements;
  assert.equal(slice(text, s1!.action!.items[0]!.span), '"s3:GetObject"');
  const raw = s1!.resource!.value!.children!;
  assert.deepEqual(raw.map((n) => [templateOf(n)?.kind ?? 'plain', n.value, slice(text, n)]), [
    ['templated', 'arn:aws:s3:::*/*', '"arn:aws:s3:::${var.b}/*"'],
    ['opaque', '${aws_s3_bucket.b.arn}', '"${aws_s3_bucket.b.arn}"'],
    ['opaque', '${jsonencode(var.arns)}', '${jsonencode(var.arns)}'],
  ]);
  const entries = s2!.condition!.operators[0]!.entries;
  assert.deepEqual(entries[0]!.values.map((v) => v.value), ['home/${aws:username}/*']);
  assert.ok(isOpaque(entries[1]!.valueNode));
});

test('maskInterpolations keeps length and blanks quotes inside placeholders', () => {
  const body = '{"a": ${x}, "b": "${f("q")}"}';
  const m = maskInterpolations(body);
  assert.equal(m.text.length, body.length);
  assert.equal(m.text, '{"a": "  ", "b": "${f(_q_)}"}');
  assert.deepEqual(m.opaque, [6]);
});

test('aws_iam_policy_document: statements, defaults, principals merged by type, "*" principal, conditions by test', () => {
  const text = [
    'data "aws_iam_policy_document" "d" {',
    '  statement {',
    '    actions   = ["s3:GetObject"]',
    '    resources = ["arn:aws:s3:::${var.b}/*", aws_s3_bucket.b.arn]',
    '    principals {',
    '      type        = "AWS"',
    '      identifiers = ["arn:aws:iam::111122223333:root"]',
    '    }',
    '    principals {',
    '      type        = "AWS"',
    '      identifiers = ["arn:aws:iam::444455556666:root"]',
    '    }',
    '    principals {',
    '      type        = "Service"',
    '      identifiers = ["ec2.amazonaws.com"]',
    '    }',
    '    condition {',
    '      test     = "StringEquals"',
    '      variable = "aws:PrincipalOrgID"',
    '      values   = ["o-abc"]',
    '    }',
    '    condition {',
    '      test     = "StringEquals"',
    '      variable = "aws:SourceAccount"',
    '      values   = [var.account]',
    '    }',
    '    condition {',
    '      test     = var.operator',
    '      variable = "aws:SourceVpc"',
    '      values   = ["vpc-1"]',
    '    }',
    '    condition {',
    '      test     = "StringLike"',
    '      variable = "aws:PrincipalTag/${var.k}"',
    '      values   = ["x"]',
    '    }',
    '    principals {',
    '      type        = var.principal_type',
    '      identifiers = ["x"]',
    '    }',
    '  }',
    '  statement {',
    '    sid     = "Deny"',
    '    effect  = "Deny"',
    '    not_actions = ["iam:*"]',
    '    not_resources = ["*"]',
    '    not_principals {',
    '      type        = "*"',
    '      identifiers = ["*"]',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const parsed = tf(text);
  assert.deepEqual(parsed.syntaxErrors, []);
  const p = parsed.policies[0]!;
  assert.equal(p.label, 'data.aws_iam_policy_document.d');
  assert.equal(p.version?.value, '2012-10-17');
  const [s1, s2] = p.statements;
  assert.equal(s1!.effect?.value, 'Allow');
  assert.equal(slice(text, s1!.effect!.span), 'statement');
  assert.equal(slice(text, s1!.action!.keySpan), 'actions');
  assert.deepEqual(s1!.resource!.items.map((i) => i.value), ['arn:aws:s3:::*/*']);
  assert.deepEqual(s1!.principal!.entries.map((e) => [e.type.value, slice(text, e.type.span), e.values.map((v) => v.value)]), [
    ['AWS', '"AWS"', ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root']],
    ['Service', '"Service"', ['ec2.amazonaws.com']],
  ]);
  const ops = s1!.condition!.operators;
  assert.deepEqual(ops.map((o) => [o.operator.value, o.entries.map((e) => [e.key.value, e.values.map((v) => v.value)])]), [
    ['StringEquals', [['aws:PrincipalOrgID', ['o-abc']], ['aws:SourceAccount', []]]],
  ]);
  assert.equal(slice(text, ops[0]!.entries[0]!.key.span), '"aws:PrincipalOrgID"');
  assert.equal(s2!.sid?.value, 'Deny');
  assert.equal(s2!.action?.negated, true);
  assert.equal(s2!.resource?.negated, true);
  assert.equal(s2!.principal?.negated, true);
  assert.equal(s2!.principal?.wildcard?.value, '*');
  assert.deepEqual(parsed.duplicateKeys, []);
});

test('files without policies are not ours; broken HCL next to a policy reports syntax errors', () => {
  const none = tf('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
  assert.equal(none.isPolicy, false);
  const broken = tf('resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [] })\n  bad = [1 2]\n}\n');
  assert.equal(broken.isPolicy, true);
  assert.ok(broken.syntaxErrors.some((e) => /Comma expected/.test(e.message)));
});
