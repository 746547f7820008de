// Policy-type inference from file names (parser/policyType.ts): the hints must catch the usual names of trust,
// SCP, RCP, boundary and resource policies, and must not catch identity policies whose names merely contain
// "trust" or "key-policy" (a wrong type would turn every statement into a false error).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policyTypeFromFileName } from '../../../server/src/service/parser/policyType';

test('file names that announce a policy type', () => {
  const cases: Array<[string, string]> = [
    ['file:///x/ec2-role-trust-policy.json', 'trust'],
    ['cross-account-trust.json', 'trust'],
    ['TrustPolicy.json', 'trust'],
    ['assume-role-policy.json', 'trust'],
    ['deny-regions.scp.json', 'scp'],
    ['service-control-policy.json', 'scp'],
    ['data-perimeter-rcp.json', 'rcp'],
    ['developer-boundary.json', 'boundary'],
    ['my-bucket-policy.json', 'resource'],
    ['orders-queue-policy.json', 'resource'],
    ['my-key-policy.json', 'resource'],
  ];
  for (const [name, type] of cases) assert.equal(policyTypeFromFileName(name), type, name);
});

test('identity-policy names that only look like a type give no hint', () => {
  for (const name of ['trusted-advisor-readonly.json', 'truststore-admin.json', 'trust-anchor-admin.json', 'access-key-policy.json', 'api-key-policy.json', 'read-only.json']) {
    assert.equal(policyTypeFromFileName(name), undefined, name);
  }
});

test('a stray "%" in a path does not throw', () => {
  assert.equal(policyTypeFromFileName('/tmp/100%-trust-policy.json'), 'trust');
});
