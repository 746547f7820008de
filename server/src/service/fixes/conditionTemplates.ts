// The condition blocks our fixes add (MFA, source IP, VPC endpoint, ExternalId, SourceAccount/SourceArn,
// GitHub OIDC sub/aud) with their placeholders. Adding a condition to an Allow can only narrow it.

import type { FixContext } from './fixTypes';

export interface ConditionTemplate {
  readonly id: string;
  readonly title: string;
  readonly entries: ReadonlyArray<{ operator: string; key: string; value: string | string[]; placeholder?: string }>;
}

/** A placeholder value: a tab stop when the client takes snippet edits, the example value otherwise. */
export function placeholder(ctx: FixContext, index: number, example: string): string {
  return ctx.snippetEdits ? `\${${index}:${example.replace(/[$}\\]/g, (c) => `\\${c}`)}}` : example;
}

export function accountPlaceholder(ctx: FixContext): string {
  return ctx.settings.accountIds?.[0] ?? '111122223333';
}

export const REQUIRE_MFA: ConditionTemplate = {
  id: 'mfa',
  title: 'Require MFA (aws:MultiFactorAuthPresent)',
  entries: [{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', value: 'true' }],
};

export const SOURCE_IP: ConditionTemplate = {
  id: 'sourceIp',
  title: 'Restrict to a source IP range (aws:SourceIp)',
  entries: [{ operator: 'IpAddress', key: 'aws:SourceIp', value: ['203.0.113.0/24'], placeholder: '203.0.113.0/24' }],
};

export const SOURCE_VPCE: ConditionTemplate = {
  id: 'sourceVpce',
  title: 'Restrict to a VPC endpoint (aws:SourceVpce)',
  entries: [{ operator: 'StringEquals', key: 'aws:SourceVpce', value: 'vpce-0123456789abcdef0', placeholder: 'vpce-0123456789abcdef0' }],
};

export function externalId(): ConditionTemplate {
  return {
    id: 'externalId',
    title: 'Require an external ID (sts:ExternalId)',
    entries: [{ operator: 'StringEquals', key: 'sts:ExternalId', value: 'REPLACE-WITH-EXTERNAL-ID', placeholder: 'REPLACE-WITH-EXTERNAL-ID' }],
  };
}

export function sourceAccount(ctx: FixContext): ConditionTemplate {
  const acct = accountPlaceholder(ctx);
  return { id: 'sourceAccount', title: 'Restrict the service to your account (aws:SourceAccount)', entries: [{ operator: 'StringEquals', key: 'aws:SourceAccount', value: acct, placeholder: acct }] };
}

export function sourceArn(ctx: FixContext, service: string): ConditionTemplate {
  const svc = service.replace(/\.amazonaws\.com(\.cn)?$/, '');
  const example = `arn:aws:${svc}:us-east-1:${accountPlaceholder(ctx)}:REPLACE-WITH-RESOURCE`;
  return { id: 'sourceArn', title: 'Restrict the service to one source resource (aws:SourceArn)', entries: [{ operator: 'ArnLike', key: 'aws:SourceArn', value: example, placeholder: example }] };
}

/** "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" -> the provider host/path. */
export function oidcHost(provider: string): string {
  return provider.replace(/^arn:[^:]*:iam::\d*:oidc-provider\//, '');
}

/** Any other OIDC provider: audience and subject claims, with EKS service-account subjects recognised. */
export function oidcClaims(provider: string): ConditionTemplate {
  const host = oidcHost(provider);
  const sub = /^oidc\.eks\./.test(host) ? 'system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT' : 'REPLACE-WITH-SUBJECT';
  return {
    id: 'oidcClaims',
    title: 'Require the audience (aud) and subject (sub) claims of this identity provider',
    entries: [
      { operator: 'StringEquals', key: `${host}:aud`, value: 'sts.amazonaws.com', placeholder: 'sts.amazonaws.com' },
      { operator: 'StringEquals', key: `${host}:sub`, value: sub, placeholder: sub },
    ],
  };
}

export function githubOidc(provider: string): ConditionTemplate {
  const host = oidcHost(provider);
  return {
    id: 'githubOidc',
    title: 'Bind to one GitHub repository and branch (sub) and STS audience (aud)',
    entries: [
      { operator: 'StringEquals', key: `${host}:aud`, value: 'sts.amazonaws.com' },
      { operator: 'StringEquals', key: `${host}:sub`, value: 'repo:OWNER/REPO:ref:refs/heads/main', placeholder: 'repo:OWNER/REPO:ref:refs/heads/main' },
    ],
  };
}
