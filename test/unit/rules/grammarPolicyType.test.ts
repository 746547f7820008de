// Policy-type inference from file names (parser/policyType.ts): the hints must catch the usual names of trust,
// SCP, RCP, boundary and resource policies, and must not catch identity policies whose names merely contain
// "trust" or "key-policy" (a wrong type would turn every statement into a false error).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policyTypeFromFileName } from '../../../server/src/service/parser/policyType';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';

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

test('the folder right above the file names the type when the file name does not', () => {
  const cases: Array<[string, string | undefined]> = [
    ['file:///repo/service_control_policies/data_perimeter_governance_policy_1.json', 'scp'],
    ['/repo/scps/deny-leave.json', 'scp'],
    ['/repo/resource_control_policies/enforce-tls.json', 'rcp'],
    ['C:\\repo\\trust-policies\\ec2.json', 'trust'],
    ['/repo/permission-boundaries/developers.json', 'boundary'],
    ['/repo/resource_control_policies/resource_based_policies/ecr_repository_policy.json', 'resource'],
    ['/repo/vpc_endpoint_policies/s3.json', 'resource'],
    // only whole folder names, and only the nearest folder
    ['/repo/my-scp-tools/read-only.json', undefined],
    ['/scps/identity/read-only.json', undefined],
  ];
  for (const [path, type] of cases) assert.equal(policyTypeFromFileName(path), type, path);
});

test('a file named like a trust policy that has a Resource and no Principal is read as an identity policy', () => {
  const identity = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deploy"}]}';
  assert.equal(parseDocument(identity, { uri: 'file:///policies/allow-assume-role.json' }).policies[0]!.policyType, 'identity');
  // a trust policy still being written (no Principal yet, no Resource) keeps its name's type
  const draft = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}';
  assert.equal(parseDocument(draft, { uri: 'file:///roles/app-trust.json' }).policies[0]!.policyType, 'trust');
});
