// SARIF 2.1.0 output: validated with ajv against the schema in test/fixtures/sarif (the SARIF 2.1.0 objects the
// tool emits, written down from the OASIS schema), over real service findings in a policy file and in CloudFormation
// and Terraform templates, with fixes; plus the mapping details GitHub code scanning relies on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, createIamLanguageService } from '../../../server/src/service';
import { severityName } from '../../../server/src/service/features/toDiagnostic';
import { toSarif, toUriReference, type SarifFile } from '../../../server/src/cli/sarif';
import { sarifFixesFor } from '../../../server/src/cli/sarifFixes';
import { createSarifStream } from '../../../server/src/cli/sarifStream';
import { REPO_ROOT, testCatalog } from '../../support/catalog';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.subset.json'), 'utf8')) as object;
// the official schema's language pattern has a stray "]" that a unicode RegExp rejects: compile as non-unicode
const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: false, strictRequired: false });
ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
ajv.addFormat('uri-reference', /^[^\s]*$/);
ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
const validate = ajv.compile(schema);

function check(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

const service = createIamLanguageService({ catalog: testCatalog() });
const OPTIONS = {
  toolName: 'iam-policy-check',
  version: '0.1.0',
  dataVersion: 'test',
  rules: ALL_RULES,
  helpUri: (code: string) => `https://example.invalid/docs/rules.md#${code.toLowerCase()}`,
};

function sarifFileFor(path: string, languageId: string, text: string): SarifFile {
  const doc = TextDocument.create(`file:///repo/${path}`, languageId, 1, text);
  const parsed = service.parse(doc);
  const findings = service.validate(doc, parsed).map((d) => ({
    code: String(d.code),
    severity: severityName(d.severity),
    message: typeof d.message === 'string' ? d.message : String(d.message),
    range: d.range,
    fixes: sarifFixesFor(service, doc, parsed, d),
  }));
  return { path, findings };
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" },
    { "Effect": "Allow", "Action": ["s3:GetObjekt", "*"], "Resource": "*" }
  ]
}`;
const TEMPLATE = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'containers', 'cloudformation-findings.yaml'), 'utf8');
const TERRAFORM = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'containers', 'terraform-findings.tf'), 'utf8');

test('real findings (policy, CloudFormation YAML, Terraform) give a schema-valid SARIF 2.1.0 log', () => {
  const files = [sarifFileFor('policies/app policy.json', 'json', POLICY), sarifFileFor('infra/stack.yaml', 'yaml', TEMPLATE), sarifFileFor('infra/main.tf', 'terraform', TERRAFORM)];
  assert.ok(files.every((f) => f.findings.length > 0));
  const log = toSarif(files, OPTIONS);
  check(log);
  const run = (log['runs'] as Record<string, unknown>[])[0]!;
  const results = run['results'] as Record<string, any>[];
  assert.equal(results.length, files.reduce((n, f) => n + f.findings.length, 0));
  // a typo fix is offered and carried as a replacement of the action's region
  const typo = results.find((r) => r.ruleId === 'INVALID_ACTION' && r.locations[0].physicalLocation.artifactLocation.uri === 'policies/app%20policy.json');
  assert.ok(typo, 'INVALID_ACTION result in the policy');
  assert.deepEqual(typo.locations[0].physicalLocation.region, { startLine: 5, startColumn: 37, endLine: 5, endColumn: 51 });
  const replacement = typo.fixes?.[0]?.artifactChanges[0].replacements[0];
  assert.deepEqual(replacement, { deletedRegion: { startLine: 5, startColumn: 37, endLine: 5, endColumn: 51 }, insertedContent: { text: '"s3:GetObject"' } });
  // in the YAML template, the typo in the Fn::If branch is located on the template's own line
  const inYaml = results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'infra/stack.yaml' && r.ruleId === 'INVALID_ACTION');
  const lines = TEMPLATE.split('\n');
  for (const r of inYaml) {
    const reg = r.locations[0].physicalLocation.region;
    const fragment = lines[reg.startLine - 1]!.slice(reg.startColumn - 1, reg.endColumn - 1);
    assert.match(fragment, /^"?s3:\w+"?$/, fragment);
  }
  // every result points at a rule descriptor that exists, by id and index
  const rules = ((run['tool'] as any).driver.rules as { id: string }[]).map((r) => r.id);
  for (const r of results) assert.equal(rules[r.ruleIndex], r.ruleId);
});

test('rule metadata: descriptions, help, default level, helpUri, security-severity on security rules', () => {
  const log = toSarif([], OPTIONS) as any;
  check(log);
  const rules = log.runs[0].tool.driver.rules as any[];
  assert.equal(rules.length, ALL_RULES.length);
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of ALL_RULES) {
    const d = byId.get(rule.code);
    assert.equal(d.shortDescription.text, rule.summary);
    assert.ok(d.fullDescription.text.length > 0 && !d.fullDescription.text.includes('\n'));
    assert.equal(d.help.markdown, rule.docs);
    assert.equal(d.helpUri, `https://example.invalid/docs/rules.md#${rule.code.toLowerCase()}`);
    assert.equal(d.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity]);
    assert.equal('security-severity' in d.properties, rule.category === 'security');
  }
  assert.deepEqual(log.runs[0].results, []);
});

test('the schema rejects what GitHub would reject (so the validation above can fail)', () => {
  const good = toSarif([{ path: 'a.json', findings: [{ code: 'X', severity: 'info', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }], { ...OPTIONS, rules: [] }) as any;
  check(good);
  assert.equal(good.runs[0].results[0].level, 'note');
  const badLevel = structuredClone(good);
  badLevel.runs[0].results[0].level = 'info';
  assert.equal(validate(badLevel), false);
  const zeroLine = structuredClone(good);
  zeroLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(zeroLine), false);
  const extra = structuredClone(good);
  extra.runs[0].results[0].severity = 'error';
  assert.equal(validate(extra), false);
  const noDriverName = structuredClone(good);
  delete noDriverName.runs[0].tool.driver.name;
  assert.equal(validate(noDriverName), false);
});

test('paths become URI references relative to the repository', () => {
  assert.equal(toUriReference('dir\\sub\\my file.json'), 'dir/sub/my%20file.json');
  assert.equal(toUriReference('./a.tf'), 'a.tf');
  assert.equal(toUriReference('/abs/x#1.yaml'), 'file:///abs/x%231.yaml');
  assert.equal(toUriReference('C:\\w\\p.json'), 'file:///C:/w/p.json');
});

test('the streamed log (sarifStream.ts) is byte for byte the printed toSarif log, file by file', () => {
  const real = [sarifFileFor('policies/app policy.json', 'json', POLICY), sarifFileFor('infra/stack.yaml', 'yaml', TEMPLATE), sarifFileFor('infra/main.tf', 'terraform', TERRAFORM)];
  const empty: SarifFile = { path: 'clean.json', findings: [] };
  const notes = [{ path: 'missing.json', message: 'cannot read: no such file' }];
  const cases: Array<{ files: SarifFile[]; notifications?: typeof notes; srcRoot?: string }> = [
    { files: [] },
    { files: [empty, empty] },
    { files: real, srcRoot: '/repo' },
    { files: [empty, real[0]!, empty, real[2]!], notifications: notes, srcRoot: '/repo' },
    { files: [empty], notifications: notes },
    { files: [real[1]!], notifications: [] },
  ];
  for (const [i, c] of cases.entries()) {
    const options = { ...OPTIONS, ...(c.srcRoot ? { srcRoot: c.srcRoot } : {}) };
    const expected = `${JSON.stringify(toSarif(c.files, { ...options, ...(c.notifications ? { notifications: c.notifications } : {}) }), null, 2)}\n`;
    let written = '';
    const stream = createSarifStream(options, () => c.notifications ?? [], (chunk) => (written += chunk));
    for (const f of c.files) {
      stream.file({ path: f.path, policyType: null, diagnostics: [] });
      stream.sarifFile(f);
    }
    // the notifications' absence and an empty list print differently: the CLI always passes its list
    stream.end();
    if (c.notifications === undefined) assert.equal(written, `${JSON.stringify(toSarif(c.files, { ...options, notifications: [] }), null, 2)}\n`, `case ${i}`);
    else assert.equal(written, expected, `case ${i}`);
    assert.equal(typeof JSON.parse(written), 'object');
    assert.equal(stream.tally.files, c.files.length);
  }
});
