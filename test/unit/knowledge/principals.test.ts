// Principal value classification (knowledge/principals.ts): AWS, Service and Federated shapes IAM accepts,
// and the ones it does not, including the real-world forms (paths, partitions, CloudFront OAI, sessions).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyAwsPrincipal,
  classifyFederatedPrincipal,
  hasPartialWildcard,
  isCanonicalUserId,
  isServicePrincipalFormat,
  isWholeAccountPrincipal,
  principalAccount,
  suggestServicePrincipal,
  uniqueIdPrefix,
} from '../../../server/src/service/knowledge/principals';

test('valid AWS principals are classified by kind, with account and name', () => {
  const cases: Array<[string, string, string | undefined, string | undefined]> = [
    ['*', 'any', undefined, undefined],
    ['111122223333', 'account', '111122223333', undefined],
    ['arn:aws:iam::111122223333:root', 'root', '111122223333', undefined],
    ['arn:aws:iam::111122223333:user/division/alice', 'user', '111122223333', 'alice'],
    ['arn:aws:iam::111122223333:role/service-role/my-role', 'role', '111122223333', 'my-role'],
    ['arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123', 'role', '111122223333', 'AWSReservedSSO_Admin_0123'],
    ['arn:aws:sts::111122223333:assumed-role/my-role/bob@example.com', 'assumed-role', '111122223333', 'my-role'],
    ['arn:aws:sts::111122223333:federated-user/bob', 'federated-user', '111122223333', 'bob'],
    ['arn:aws-cn:iam::111122223333:root', 'root', '111122223333', undefined],
    ['arn:aws-us-gov:iam::111122223333:role/x', 'role', '111122223333', 'x'],
    ['arn:aws-iso-b:iam::111122223333:user/x', 'user', '111122223333', 'x'],
    ['arn:aws:iam::111122223333:group/admins', 'group', '111122223333', 'admins'],
  ];
  for (const [value, kind, account, name] of cases) {
    const info = classifyAwsPrincipal(value);
    assert.equal(info.kind, kind, value);
    assert.equal(info.account, account, value);
    assert.equal(info.name, name, value);
  }
  assert.equal(classifyAwsPrincipal('arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C').kind, 'cloudfront-oai');
});

test('invalid AWS principals say why', () => {
  const bad: Array<[string, RegExp]> = [
    ['11112222333', /12 digits/],
    ['arn:aws:s3:::bucket', /IAM or STS/],
    ['arn:aws:iam:us-east-1:111122223333:role/x', /empty Region/],
    ['arn:aws:iam::abc:root', /12-digit/],
    ['arn:aws:iam::111122223333:instance-profile/web', /not a principal type/],
    ['arn:aws:sts::111122223333:assumed-role/OnlyRole', /assumed-role\/ROLE-NAME\/SESSION-NAME/],
    ['arn:aws:iam::111122223333:role/', /name is missing/],
    ['arn:azure:iam::111122223333:root', /not an AWS partition/],
    ['arn:aws:iam::cloudfront:user/someone', /origin access identity/],
    ['everyone', /neither/],
    ['arn:aws:iam', /neither/],
  ];
  for (const [value, why] of bad) {
    const info = classifyAwsPrincipal(value);
    assert.equal(info.kind, 'invalid', value);
    assert.match(info.problem ?? '', why, value);
  }
});

test('unique IDs are recognised by their documented prefixes only', () => {
  assert.equal(uniqueIdPrefix('AROA1234567890EXAMPLE'), 'AROA');
  assert.equal(uniqueIdPrefix('AIDACKCEVSQ6C2EXAMPLE'), 'AIDA');
  assert.equal(classifyAwsPrincipal('AROA1234567890EXAMPLE').kind, 'unique-id');
  assert.equal(uniqueIdPrefix('ABCD1234567890EXAMPLE'), undefined);
  assert.equal(uniqueIdPrefix('AROA12'), undefined);
});

test('partial wildcards, whole-account principals and accounts', () => {
  assert.equal(hasPartialWildcard('*'), false);
  assert.equal(hasPartialWildcard('arn:aws:iam::*:root'), true);
  assert.equal(hasPartialWildcard('arn:aws:iam::111122223333:role/a?'), true);
  assert.equal(isWholeAccountPrincipal('111122223333'), true);
  assert.equal(isWholeAccountPrincipal('arn:aws:iam::111122223333:root'), true);
  assert.equal(isWholeAccountPrincipal('arn:aws:iam::111122223333:role/x'), false);
  assert.equal(principalAccount('arn:aws:sts::444455556666:assumed-role/r/s'), '444455556666');
  assert.equal(principalAccount('*'), undefined);
});

test('service principal format: DNS names under AWS suffixes', () => {
  for (const ok of ['ec2.amazonaws.com', 'logs.eu-west-1.amazonaws.com', 'delivery.logs.amazonaws.com', 'ec2.amazonaws.com.cn', 'alexa-appkit.amazon.com', 'EC2.amazonaws.com']) {
    assert.equal(isServicePrincipalFormat(ok), true, ok);
  }
  for (const bad of ['ec2', 'amazonaws.com', 'example.com', 'arn:aws:iam::111122223333:role/x', 'ec2.amazonaws.com ', '-ec2.amazonaws.com', '111122223333']) {
    assert.equal(isServicePrincipalFormat(bad), false, bad);
  }
  assert.equal(suggestServicePrincipal('ec2'), 'ec2.amazonaws.com');
  assert.equal(suggestServicePrincipal(' lambda.amazonaws.com'), 'lambda.amazonaws.com');
  assert.equal(suggestServicePrincipal('example.com'), undefined);
});

test('federated principals: provider ARNs, known IdPs, other domains, invalid values', () => {
  assert.deepEqual(classifyFederatedPrincipal('arn:aws:iam::111122223333:saml-provider/ADFS'), { kind: 'saml-provider', account: '111122223333' });
  assert.deepEqual(classifyFederatedPrincipal('arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'), {
    kind: 'oidc-provider',
    account: '111122223333',
    keyPrefix: 'token.actions.githubusercontent.com',
  });
  assert.equal(classifyFederatedPrincipal('arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC').keyPrefix, 'oidc.eks.us-east-1.amazonaws.com/id/ABC');
  for (const idp of ['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']) assert.equal(classifyFederatedPrincipal(idp).kind, 'known-idp', idp);
  assert.equal(classifyFederatedPrincipal('login.example.com').kind, 'domain');
  assert.equal(classifyFederatedPrincipal('okta').kind, 'invalid');
  assert.match(classifyFederatedPrincipal('arn:aws:iam::111122223333:role/okta').problem ?? '', /not an identity provider/);
  assert.match(classifyFederatedPrincipal('arn:aws:iam::111122223333:saml-provider/').problem ?? '', /name is missing/);
});

test('canonical user ids are 64 hex characters', () => {
  assert.equal(isCanonicalUserId('79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'), true);
  assert.equal(isCanonicalUserId('79a59df9'), false);
});
