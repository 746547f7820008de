// "Disable RULE for this resource (Metadata)" in CloudFormation templates, JSON and YAML: the code action writes
// `Metadata: {iam-policy: {ignore_checks: [...]}}` (the form suppress/inlineSuppressions.ts reads), creating what
// is missing and extending a list that exists; the result is still a valid template, the finding is gone from
// that resource only, and nothing else changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { testService } from '../../support/codeActions';

const service = testService();
const TITLE = 'Disable RESOURCE_STAR for this resource (Metadata)';

/** Two managed policies with `Resource: "*"`: the action on the first must leave the second's finding. */
function yamlTemplate(firstMetadata: string): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  First:
    Type: AWS::IAM::ManagedPolicy
${firstMetadata}    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
  Second:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
`;
}

function jsonTemplate(firstMetadata: Record<string, unknown> | undefined): string {
  const statement = [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }];
  const resource = (metadata?: Record<string, unknown>) => ({ Type: 'AWS::IAM::ManagedPolicy', ...(metadata ? { Metadata: metadata } : {}), Properties: { PolicyDocument: { Version: '2012-10-17', Statement: statement } } });
  return `${JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { First: resource(firstMetadata), Second: resource() } }, null, 2)}\n`;
}

function apply(uri: string, languageId: string, text: string): { action: CodeAction | undefined; after: string; before: Diagnostic[]; remaining: Diagnostic[] } {
  const doc = TextDocument.create(uri, languageId, 1, text);
  const parsed = service.parse(doc);
  const before = service.validate(doc, parsed, {});
  const first = before.filter((d) => d.code === 'RESOURCE_STAR').sort((a, b) => a.range.start.line - b.range.start.line)[0];
  assert.ok(first, `a RESOURCE_STAR finding in ${uri}`);
  const action = service.codeActions(doc, parsed, first.range, { diagnostics: [first] }, {}).find((a) => a.title === TITLE);
  if (!action) return { action, after: text, before, remaining: before };
  const after = TextDocument.applyEdits(doc, action.edit!.changes![uri]!);
  const afterDoc = TextDocument.create(uri, languageId, 2, after);
  return { action, after, before, remaining: service.validate(afterDoc, service.parse(afterDoc), {}) };
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

function assertSuppressedOnce(before: Diagnostic[], remaining: Diagnostic[]): void {
  assert.equal(before.filter((d) => d.code === 'RESOURCE_STAR').length, 2);
  assert.equal(remaining.filter((d) => d.code === 'RESOURCE_STAR').length, 1, 'the other resource keeps its finding');
  const others = (ds: Diagnostic[]) => codes(ds.filter((d) => d.code !== 'RESOURCE_STAR'));
  assert.deepEqual(others(remaining), others(before), 'nothing else changes');
}

for (const [name, metadata, expected] of [
  ['no Metadata', '', { 'iam-policy': { ignore_checks: ['RESOURCE_STAR'] } }],
  ['Metadata of another tool', '    Metadata:\n      cfn-lint:\n        config:\n          ignore_checks: [W3005]\n', { 'cfn-lint': { config: { ignore_checks: ['W3005'] } }, 'iam-policy': { ignore_checks: ['RESOURCE_STAR'] } }],
  ['iam-policy without ignore_checks', '    Metadata:\n      iam-policy:\n        note: x\n', { 'iam-policy': { note: 'x', ignore_checks: ['RESOURCE_STAR'] } }],
  ['a block list', '    Metadata:\n      iam-policy:\n        ignore_checks:\n          - WRITE_UNCONSTRAINED\n', { 'iam-policy': { ignore_checks: ['RESOURCE_STAR', 'WRITE_UNCONSTRAINED'] } }],
  ['a flow list', '    Metadata:\n      iam-policy:\n        ignore_checks: [WRITE_UNCONSTRAINED]\n', { 'iam-policy': { ignore_checks: ['RESOURCE_STAR', 'WRITE_UNCONSTRAINED'] } }],
  ['one code as a string', '    Metadata:\n      iam-policy:\n        ignore_checks: WRITE_UNCONSTRAINED\n', { 'iam-policy': { ignore_checks: ['WRITE_UNCONSTRAINED', 'RESOURCE_STAR'] } }],
] as const) {
  test(`YAML template, ${name}: Metadata suppresses the finding of that resource only`, () => {
    const { action, after, before, remaining } = apply('file:///stack.yaml', 'yaml', yamlTemplate(metadata));
    assert.ok(action, 'the action is offered');
    const template = parseYaml(after) as { Resources: Record<string, { Metadata?: unknown; Type: string }> };
    assert.deepEqual(template.Resources['First']!.Metadata, expected, after);
    assert.equal(template.Resources['First']!.Type, 'AWS::IAM::ManagedPolicy');
    assertSuppressedOnce(before, remaining);
  });
}

for (const [name, metadata, expected] of [
  ['no Metadata', undefined, { 'iam-policy': { ignore_checks: ['RESOURCE_STAR'] } }],
  ['Metadata of another tool', { 'AWS::CloudFormation::Designer': { id: 'x' } }, { 'AWS::CloudFormation::Designer': { id: 'x' }, 'iam-policy': { ignore_checks: ['RESOURCE_STAR'] } }],
  ['an existing list', { 'iam-policy': { ignore_checks: ['WRITE_UNCONSTRAINED'] } }, { 'iam-policy': { ignore_checks: ['WRITE_UNCONSTRAINED', 'RESOURCE_STAR'] } }],
  ['one code as a string', { 'iam-policy': { ignore_checks: 'WRITE_UNCONSTRAINED' } }, { 'iam-policy': { ignore_checks: ['WRITE_UNCONSTRAINED', 'RESOURCE_STAR'] } }],
] as const) {
  test(`JSON template, ${name}: Metadata suppresses the finding of that resource only, the JSON stays valid`, () => {
    const { action, after, before, remaining } = apply('file:///stack.json', 'json', jsonTemplate(metadata as Record<string, unknown> | undefined));
    assert.ok(action, 'the action is offered');
    const template = JSON.parse(after) as { Resources: Record<string, { Metadata?: unknown }> };
    assert.deepEqual(template.Resources['First']!.Metadata, expected);
    assertSuppressedOnce(before, remaining);
  });
}

test('no Metadata action where the layout cannot be extended safely, or outside a template', () => {
  // Metadata given by a flow mapping on the resource line is left alone (the comment forms remain)
  const flow = yamlTemplate('').replace('  First:\n    Type: AWS::IAM::ManagedPolicy\n', '  First:\n    Type: AWS::IAM::ManagedPolicy\n    Metadata: {iam-policy: {note: x}}\n');
  const { action } = apply('file:///flow.yaml', 'yaml', flow);
  assert.equal(action, undefined);
  const policy = TextDocument.create('file:///p.json', 'json', 1, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}');
  const parsed = service.parse(policy);
  const d = service.validate(policy, parsed, {}).find((x) => x.code === 'RESOURCE_STAR')!;
  assert.ok(!service.codeActions(policy, parsed, d.range, { diagnostics: [d] }, {}).some((a) => a.title.startsWith('Disable ')));
});

test('the CLI report lists the Metadata form where the editor offers it', () => {
  const text = yamlTemplate('');
  const doc = TextDocument.create('file:///stack.yaml', 'yaml', 1, text);
  const parsed = service.parse(doc);
  const d = service.validate(doc, parsed, {}).find((x) => x.code === 'RESOURCE_STAR')!;
  const offered = service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, {}).map((a) => a.title);
  assert.deepEqual(service.fixTitles(doc, parsed, d, {}), offered);
  assert.ok(offered.includes(TITLE));
});

test('no line comment inside a policy written as a YAML block scalar or an HCL heredoc (it would break that JSON)', () => {
  const cases = [
    [
      'file:///block.yaml',
      'yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: |\n        {\n          "Version": "2012-10-17",\n          "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}]\n        }\n',
      ['Disable INVALID_ACTION for this resource (Metadata)', 'Disable INVALID_ACTION for this file'],
    ],
    [
      'file:///heredoc.tf',
      'terraform',
      'resource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = <<EOT\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}]\n}\nEOT\n}\n',
      ['Disable INVALID_ACTION for this file'],
    ],
  ] as const;
  for (const [uri, languageId, text, expected] of cases) {
    const doc = TextDocument.create(uri, languageId, 1, text);
    const parsed = service.parse(doc);
    const d = service.validate(doc, parsed, {}).find((x) => x.code === 'INVALID_ACTION');
    assert.ok(d, `${uri}: the typo is found`);
    const offered = service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, {}).map((a) => a.title).filter((t) => t.startsWith('Disable'));
    assert.deepEqual(offered, expected, uri);
    assert.deepEqual(service.fixTitles(doc, parsed, d, {}).filter((t) => t.startsWith('Disable')), offered, `${uri}: the CLI report lists the same`);
    // each offered form really removes the finding and keeps the policy
    for (const action of service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }, {}).filter((a) => a.title.startsWith('Disable'))) {
      const afterDoc = TextDocument.create(uri, languageId, 2, TextDocument.applyEdits(doc, action.edit!.changes![uri]!));
      const afterParsed = service.parse(afterDoc);
      assert.equal(afterParsed.policies.length, 1, `${uri} ${action.title}: the policy is still there`);
      assert.ok(!service.validate(afterDoc, afterParsed, {}).some((x) => x.code === 'INVALID_ACTION'), `${uri} ${action.title}`);
    }
  }
});
