// The action, resource and hygiene rules over real AWS policies (test/fixtures/policies/aws, sources in its
// README): no error-severity finding, except for a name the bundled IAM data does not know (checked against
// the catalog here, so a data update cannot hide a false positive). Warnings and infos are allowed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, ALL_RULES, getRule, type ResourceTypeInfo } from '../../../server/src/service';
import { analyseArn } from '../../../server/src/service/rules/resource/arnAnalysis';
import { arnMatchesTemplate } from '../../../server/src/service/knowledge/arnMatch';
import { REPO_ROOT, testCatalog } from '../../support/catalog';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'policies', 'aws');
const MINE = ALL_RULES.filter((r) => r.category === 'action' || r.category === 'resource' || r.category === 'hygiene');

function findingsOf(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const service = createIamLanguageService({ catalog: testCatalog(), rules: MINE, rethrow: true });
  const doc = TextDocument.create(`file:///${file}`, 'json', 1, text);
  return { text, findings: service.findings(service.parse(doc)) };
}

/** An error is acceptable only when it is about a name absent from the bundled data. */
function absentFromData(code: string, value: string): boolean {
  const catalog = testCatalog();
  if (code === 'INVALID_SERVICE_IN_ACTION') return !catalog.getService(value.split(':')[0]!);
  if (code === 'INVALID_ACTION') return catalog.expandActions(value).length === 0;
  return false;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

test('the real-policy corpus is there', () => {
  assert.ok(files.length >= 20, `expected at least 20 real policies, found ${files.length}`);
});

for (const file of files) {
  test(`no error finding on ${file}`, () => {
    const { text, findings } = findingsOf(file);
    const errors = findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ code: f.code, value: JSON.parse(text.slice(f.span.offset, f.span.offset + f.span.length)) as string, message: f.message }))
      .filter((e) => !absentFromData(e.code, e.value));
    assert.deepEqual(errors, []);
  });
}

test('the ARN-shape rules accept every ARN of the corpus (no error, no warning)', () => {
  const shape = new Set(['INVALID_ARN_PREFIX', 'MISSING_ARN_FIELD', 'INVALID_PARTITION', 'INVALID_ARN_SERVICE_CASE', 'WILDCARD_IN_ARN_SERVICE', 'UNKNOWN_ARN_SERVICE', 'ARN_REGION_NOT_ALLOWED', 'MISSING_ARN_REGION', 'INVALID_ARN_REGION', 'ARN_ACCOUNT_NOT_ALLOWED', 'INVALID_ARN_ACCOUNT', 'INVALID_ARN_RESOURCE', 'ARN_VARIABLE_BEFORE_RESOURCE', 'WILDCARD_IN_IAM_RESOURCE_TYPE', 'RESOURCE_MISMATCH']);
  const found: string[] = [];
  for (const file of files) {
    const { text, findings } = findingsOf(file);
    for (const f of findings) if (shape.has(f.code)) found.push(`${file}: ${f.code} ${text.slice(f.span.offset, f.span.offset + f.span.length)}`);
  }
  assert.deepEqual(found, []);
});

test('the corpus does exercise the rules (RESOURCE_STAR fires on the managed read-only policies)', () => {
  const { findings } = findingsOf('AmazonEC2ContainerRegistryReadOnly.json');
  assert.ok(findings.some((f) => f.code === 'RESOURCE_STAR'));
});

/** Every ARN template of the catalog filled in (plain values, then wildcards), as a policy would write it. */
function instantiatedTemplates(): Array<{ where: string; arn: string; template: ResourceTypeInfo }> {
  const out: Array<{ where: string; arn: string; template: ResourceTypeInfo }> = [];
  for (const svc of testCatalog().services.values()) {
    for (const rt of svc.resourceTypes.values()) {
      const t = rt.template;
      if (t.service.includes('${')) continue; // backup's "${Vendor}" names no service of its own
      for (const star of [false, true]) {
        const fill = (text: string, value: string): string => text.replace(/\$\{[^}]*\}/g, star ? '*' : value);
        const arn = ['arn', 'aws', t.service, fill(t.region, 'us-east-1'), fill(t.account, '123456789012'), fill(t.resource, 'x1')].join(':');
        out.push({ where: `${svc.prefix}/${rt.name}`, arn, template: rt });
      }
    }
  }
  return out;
}

test('every catalog ARN template, filled in, passes the ARN-shape checks without an error', () => {
  const errors: string[] = [];
  const all = instantiatedTemplates();
  for (const { where, arn } of all) {
    for (const p of analyseArn(testCatalog(), arn)) if ((p.severity ?? getRule(p.code)?.defaultSeverity) === 'error') errors.push(`${where}: ${arn} ${p.code}`);
  }
  assert.ok(all.length > 4000, `only ${all.length} templates`);
  assert.deepEqual(errors, []);
});

test('every catalog ARN template, filled in, matches its own template', () => {
  const misses = instantiatedTemplates().filter(({ arn, template }) => !arnMatchesTemplate(arn, template.template)).map((x) => `${x.where}: ${x.arn}`);
  assert.deepEqual(misses, []);
});
