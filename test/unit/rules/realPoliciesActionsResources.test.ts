// The action, resource and hygiene rules over real AWS policies (test/fixtures/policies/aws, sources in its
// README): no error-severity finding, except for a name the bundled IAM data does not know (checked against
// the catalog here, so a data update cannot hide a false positive). Warnings and infos are allowed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, ALL_RULES } from '../../../server/src/service';
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
