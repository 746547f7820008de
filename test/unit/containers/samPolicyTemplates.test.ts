// SAM policy templates (`Policies: [{S3ReadPolicy: {BucketName: …}}]`): the table against the pinned IAM data,
// expansion into the policy SAM generates (YAML and JSON templates), findings on the template's entry, unknown
// names and parameter problems, no quick fix editing a generated policy, and the example through the built CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { createIamLanguageService } from '../../../server/src/service';
import { SAM_POLICY_TEMPLATES, samTemplateParameters } from '../../../server/src/service/parser/containers/samPolicyTemplateTable';
import { SAM_ACTIONS_NOT_IN_IAM, closeSamTemplateNames } from '../../../server/src/service/parser/containers/samPolicyTemplates';

const catalog = testCatalog();
const service = createIamLanguageService({ catalog, rethrow: true, logger: { error: () => {}, warn: () => {}, info: () => {} } });

function run(uri: string, text: string) {
  const doc = TextDocument.create(uri, uri.endsWith('.json') ? 'json' : 'yaml', 1, text);
  const parsed = service.parse(doc);
  return { doc, parsed, diagnostics: service.validate(doc, parsed, {}) };
}

test('the table: 77 documented templates with unique anchors; every action is in the IAM data except the two SQS batch names', () => {
  const names = Object.keys(SAM_POLICY_TEMPLATES);
  assert.equal(names.length, 77);
  assert.equal(new Set(names.map((n) => SAM_POLICY_TEMPLATES[n]!.anchor)).size, 77);
  assert.equal(names.filter((n) => SAM_POLICY_TEMPLATES[n]!.statements === undefined).length, 2, 'only the two CodeCommit templates are not expanded');
  const unknown: string[] = [];
  for (const n of names) {
    for (const s of SAM_POLICY_TEMPLATES[n]!.statements ?? []) {
      for (const a of s.actions) if (catalog.expandActions(a).length === 0) unknown.push(a);
    }
  }
  assert.deepEqual([...new Set(unknown)].sort(), [...SAM_ACTIONS_NOT_IN_IAM].sort());
});

test('every expanded template, given every parameter as a Ref, gives no error and no parameter finding', () => {
  const entries = Object.entries(SAM_POLICY_TEMPLATES)
    .map(([name, t]) => {
      const params = samTemplateParameters(t);
      return `        - ${name}:${params.length ? params.map((p) => `\n            ${p}: !Ref ${p}Param`).join('') : ' {}'}`;
    })
    .join('\n');
  const text = `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n${entries}\n`;
  const { parsed, diagnostics } = run('file:///all/template.yaml', text);
  assert.equal(parsed.policies.length, 75);
  assert.ok(parsed.policies.every((p) => p.generated?.startsWith('SAM policy template ')));
  const bad = diagnostics.filter((d) => d.severity === 1 || String(d.code).startsWith('SAM_'));
  assert.deepEqual(bad.map((d) => `${String(d.code)} ${d.message}`), []);
});

const YAML = `Transform: AWS::Serverless-2016-10-31
Resources:
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: uploads
        - TextractPolicy: {}
        - DynamoDbCrudPolicy:
            TableName: !Ref Orders
`;

test('YAML: a template expands into the policy SAM writes, labelled, and findings point at its entry', () => {
  const { parsed, diagnostics, doc } = run('file:///app/template.yaml', YAML);
  const s3 = parsed.policies.find((p) => p.label === 'Reader.Policies[1] (SAM policy template S3ReadPolicy)');
  assert.ok(s3, parsed.policies.map((p) => p.label).join(', '));
  assert.deepEqual(s3.statements[0]!.action!.items.map((i) => i.value), ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration']);
  assert.deepEqual(s3.statements[0]!.resource!.items.map((i) => i.value), ['arn:aws:s3:::uploads', 'arn:aws:s3:::uploads/*']);
  // the resources point at the parameter's value, the rest at the template's name
  assert.equal(doc.getText().slice(s3.statements[0]!.resource!.items[0]!.span.offset).split('\n')[0], 'uploads');
  const wildcard = diagnostics.find((d) => d.code === 'SERVICE_WILDCARD');
  assert.ok(wildcard, diagnostics.map((d) => String(d.code)).join(', '));
  assert.deepEqual(wildcard.range.start, { line: 9, character: 10 });
  assert.equal(doc.getText(wildcard.range), 'TextractPolicy');
  const unknown = diagnostics.filter((d) => d.code === 'SAM_POLICY_TEMPLATE_UNKNOWN');
  assert.deepEqual(unknown.map((d) => [d.range.start.line, d.severity, String(d.message).includes('Did you mean "DynamoDBCrudPolicy"?')]), [[10, 2, true]]);
  assert.ok(!diagnostics.some((d) => d.severity === 1), 'no error on SAM\'s own templates');
});

// the fixes a generated finding would get mostly fail the JSON vetting already (the name is no action); the guard
// in codeActions.ts (no edit inside a generated policy) holds for the rest, and this test holds both
test('JSON: the same expansion; no quick fix edits the generated text, while the same statement written inline gets one', () => {
  const json = JSON.stringify({ Transform: 'AWS::Serverless-2016-10-31', Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { Policies: [{ TextractPolicy: {} }, { DynamoDBReadPolicy: { TableName: 'orders' } }] } } } }, null, 2);
  const { doc, parsed, diagnostics } = run('file:///app/template.json', json);
  assert.equal(parsed.policies.length, 2);
  const d = diagnostics.find((x) => x.code === 'SERVICE_WILDCARD');
  assert.ok(d);
  assert.equal(doc.getText(d.range), '"TextractPolicy"');
  const entry = parsed.policies[0]!.span;
  const actions = service.codeActions(doc, parsed, d.range, { diagnostics: [d] }, {});
  for (const a of actions) {
    for (const edits of Object.values(a.edit?.changes ?? {})) {
      for (const e of edits) {
        const start = doc.offsetAt(e.range.start);
        const end = doc.offsetAt(e.range.end);
        assert.ok(end <= entry.offset || start >= entry.offset + entry.length, `"${a.title}" edits the generated policy`);
      }
    }
  }
  const inline = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['textract:*'], Resource: '*' }] }, null, 2);
  const plain = run('file:///p.json', inline);
  const pd = plain.diagnostics.find((x) => x.code === 'SERVICE_WILDCARD')!;
  const inlineFixes = service.codeActions(plain.doc, plain.parsed, pd.range, { diagnostics: [pd] }, {}).filter((a) => a.edit);
  assert.ok(inlineFixes.length > 0, 'the comparison case has a fix to drop');
});

test('close names: a case slip first, then the nearest names', () => {
  assert.deepEqual(closeSamTemplateNames('dynamodbcrudpolicy')[0], 'DynamoDBCrudPolicy');
  assert.ok(closeSamTemplateNames('SQSPolerPolicy').includes('SQSPollerPolicy'));
  assert.deepEqual(closeSamTemplateNames('MyCompanyPolicy'), []);
});

test('examples/inputs/sam-template.yaml through the built CLI', () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', join('examples', 'inputs', 'sam-template.yaml')], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const f = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[] }).files[0]!;
  assert.deepEqual(
    f.diagnostics.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`),
    ['20 warning SAM_POLICY_TEMPLATE_UNKNOWN', '23 warning SAM_POLICY_TEMPLATE_PARAMETER', '24 warning MISSING_VERSION', '26 error INVALID_ACTION', '38 warning SERVICE_WILDCARD'],
  );
});

test('hover on a template entry shows what SAM replaces it with and links the AWS page', () => {
  const { doc, parsed } = run('file:///app/template.yaml', YAML);
  const hover = service.hover(doc, parsed, { line: 7, character: 12 }, {});
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  const value = hover.contents.value;
  assert.match(value, /\*\*SAM policy template `S3ReadPolicy`\*\* \(\[AWS SAM policy template list\]\(https:\/\/docs\.aws\.amazon\.com\/serverless-application-model\/latest\/developerguide\/serverless-policy-template-list\.html#s3-read-policy\)\)/);
  assert.match(value, /- Allow `s3:GetObject`, `s3:ListBucket`, `s3:GetBucketLocation`, `s3:GetObjectVersion`, `s3:GetLifecycleConfiguration` on `arn:aws:s3:::uploads`, `arn:aws:s3:::uploads\/\*`/);
  assert.deepEqual(hover.range?.start, { line: 7, character: 10 });
  // a managed policy name in the same list is no template: no hover
  assert.equal(service.hover(doc, parsed, { line: 6, character: 12 }, {}), null);
});
