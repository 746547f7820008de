// One problem, one finding (rules/combineFindings.ts) with every rule on: overlapping broad-access findings on
// one token combine, the leader carries the others as related information (LSP) and keeps their quick fixes;
// findings on other tokens and unrelated findings on a shared token stay apart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, ALL_RULES, type ServiceSettings } from '../../../server/src/service';
import { relatedFindingsOf } from '../../../server/src/service/features/toDiagnostic';
import { testCatalog } from '../../support/catalog';

const service = createIamLanguageService({ catalog: testCatalog(), rules: ALL_RULES, rethrow: true });

function docOf(statements: unknown[]): TextDocument {
  return TextDocument.create('file:///p.json', 'json', 1, JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2));
}

function findings(statements: unknown[], settings: ServiceSettings = {}) {
  return service.findings(service.parse(docOf(statements), { policyType: 'identity' }), settings);
}

test('"s3:*" on "*": five findings become two, one on the action (data exfiltration leads), RESOURCE_STAR on the resource', () => {
  const f = findings([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
  assert.deepEqual(f.map((x) => x.code), ['DATA_EXFILTRATION', 'RESOURCE_STAR']);
  assert.deepEqual(f[0]!.related?.map((r) => r.code), ['PERMISSIONS_MANAGEMENT_UNCONSTRAINED', 'SERVICE_WILDCARD', 'WRITE_UNCONSTRAINED']);
});

test('"*" on "*": FULL_ADMIN alone, the rest folded in', () => {
  const f = findings([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  assert.deepEqual(f.map((x) => x.code), ['FULL_ADMIN']);
});

test('turning the leading rule off lets the next one lead; the others still ride along', () => {
  const f = findings([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], { rules: { DATA_EXFILTRATION: 'off' } });
  assert.deepEqual(f.map((x) => x.code), ['PERMISSIONS_MANAGEMENT_UNCONSTRAINED', 'RESOURCE_STAR']);
  assert.deepEqual(f[0]!.related?.map((r) => r.code), ['SERVICE_WILDCARD', 'WRITE_UNCONSTRAINED']);
  const none = findings([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], { rules: { DATA_EXFILTRATION: 'off', PERMISSIONS_MANAGEMENT_UNCONSTRAINED: 'off', WRITE_UNCONSTRAINED: 'off' } });
  assert.deepEqual(none.map((x) => [x.code, x.related]), [['SERVICE_WILDCARD', undefined], ['RESOURCE_STAR', undefined]]);
});

test('findings on different tokens do not combine; a lone finding is unchanged', () => {
  const f = findings([{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }]);
  assert.deepEqual(f.map((x) => x.code), ['PRIVILEGE_ESCALATION', 'WRITE_UNCONSTRAINED', 'RESOURCE_STAR']);
  assert.equal(f[1]!.related, undefined);
  assert.doesNotMatch(f[1]!.message, /Also:/);
});

test('unrelated problems reported on one token stay separate (policy-level findings on the first key)', () => {
  const doc = TextDocument.create('file:///p.json', 'json', 1, '{"name": "x"}');
  const codes = service.findings(service.parse(doc, { policyType: 'identity', forcePolicy: true })).map((x) => x.code).sort();
  assert.deepEqual(codes, ['INVALID_POLICY_ELEMENT', 'MISSING_STATEMENT', 'MISSING_VERSION']);
});

test('the LSP diagnostic carries the folded findings as relatedInformation and data.related, and their quick fixes', () => {
  const doc = docOf([{ Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' }]);
  const parsed = service.parse(doc, { policyType: 'identity' });
  const d = service.validate(doc, parsed).find((x) => x.code === 'PRIVILEGE_ESCALATION');
  assert.ok(d, 'no PRIVILEGE_ESCALATION diagnostic');
  assert.deepEqual(relatedFindingsOf(d).map((r) => r.code), ['PASS_ROLE_WITH_STAR_IN_RESOURCE', 'SENSITIVE_ACTION_WITHOUT_CONDITION', 'WRITE_UNCONSTRAINED']);
  assert.equal(d.relatedInformation?.length, 3);
  assert.deepEqual(d.relatedInformation![0]!.location.range, d.range);
  assert.match(d.relatedInformation![0]!.message, /^PASS_ROLE_WITH_STAR_IN_RESOURCE \(warning\): /);
  const titles = service.codeActions(doc, parsed, d.range, { diagnostics: [d], only: ['quickfix'] }).map((a) => a.title);
  // PassRole's own fix and the sensitive-action condition fixes are still offered on the combined diagnostic
  assert.ok(titles.some((t) => t.startsWith('Allow iam:PassRole only to one service')), titles.join(' | '));
  assert.ok(titles.includes('Add condition: Require MFA (aws:MultiFactorAuthPresent)'), titles.join(' | '));
});
