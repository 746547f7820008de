// Hover for Principal values: what an AWS account / role / session ARN, a service principal, a federated
// provider or a canonical user id means. Classification comes from knowledge/principals.ts; this only words it.

import { classifyAwsPrincipal, classifyFederatedPrincipal, isCanonicalUserId, isServicePrincipalFormat } from '../../knowledge/principals';
import { getServicePrincipal } from '../../knowledge/servicePrincipals';
import { code, escapeMarkdown } from './markdown';

export function principalValueHover(type: string | undefined, value: string): string {
  if (type === undefined) {
    return value === '*'
      ? '**`*`**: every principal, including anonymous (unauthenticated) callers, in every account. Limit it with a Condition such as `aws:PrincipalOrgID` or `aws:SourceAccount`.'
      : `${code(value)}: a Principal must be ${code('"*"')} or an object with ${code('AWS')}, ${code('Service')}, ${code('Federated')} or ${code('CanonicalUser')}.`;
  }
  switch (type) {
    case 'AWS':
      return awsPrincipal(value);
    case 'Service':
      return servicePrincipal(value);
    case 'Federated':
      return federatedPrincipal(value);
    case 'CanonicalUser':
      return isCanonicalUserId(value)
        ? `**Canonical user** ${code(value)}: an account identified by its Amazon S3 canonical user ID (used by S3 ACLs and bucket policies).`
        : `${code(value)} is not a canonical user ID (64 hexadecimal characters).`;
    default:
      return `${code(type)} is not a principal type: use ${code('AWS')}, ${code('Service')}, ${code('Federated')} or ${code('CanonicalUser')}.`;
  }
}

function awsPrincipal(value: string): string {
  const p = classifyAwsPrincipal(value);
  switch (p.kind) {
    case 'any':
      return '**`*`** (AWS): any AWS principal in any account, and anonymous callers. Restrict it with conditions.';
    case 'account':
    case 'root':
      return `**AWS account ${p.account}**: the whole account. Any user or role of that account gets access if the account's own identity policies also allow it; it does not mean only the root user.`;
    case 'user':
      return `**IAM user** ${code(p.name ?? '')} in account ${p.account}.`;
    case 'role':
      return `**IAM role** ${code(p.name ?? '')} in account ${p.account}: every session of the role (whoever assumed it).`;
    case 'assumed-role':
      return `**Assumed-role session** of role ${code(p.name ?? '')} in account ${p.account}: one session name only.`;
    case 'federated-user':
      return `**Federated user** ${code(p.name ?? '')} in account ${p.account} (a session from sts:GetFederationToken).`;
    case 'cloudfront-oai':
      return '**CloudFront origin access identity**: a legacy identity CloudFront uses to read S3 (origin access control with the cloudfront.amazonaws.com service principal replaces it).';
    case 'group':
      return `${code(value)}: IAM groups cannot be principals; name the users or roles instead.`;
    case 'unique-id':
      return `${code(value)}: a unique ID (${p.uniqueIdPrefix}). IAM shows these when the principal the policy named was deleted; the policy no longer matches a recreated principal of the same name.`;
    default:
      return `${code(value)} is not a valid AWS principal: ${escapeMarkdown(p.problem ?? 'unknown form')}.`;
  }
}

function servicePrincipal(value: string): string {
  const known = getServicePrincipal(value);
  if (known) return `**Service principal** ${code(known.principal)} — ${escapeMarkdown(known.service)}, typically for ${escapeMarkdown(known.use)}. Consider ${code('aws:SourceAccount')} / ${code('aws:SourceArn')} conditions against the confused-deputy problem.`;
  if (isServicePrincipalFormat(value)) return `**Service principal** ${code(value)}: an AWS service acting on your behalf.`;
  return `${code(value)} does not look like a service principal (e.g. ${code('lambda.amazonaws.com')}).`;
}

function federatedPrincipal(value: string): string {
  const f = classifyFederatedPrincipal(value);
  switch (f.kind) {
    case 'saml-provider':
      return `**SAML identity provider** in account ${f.account}: users signed in through it assume the role with sts:AssumeRoleWithSAML. Check ${code('SAML:aud')} in the condition.`;
    case 'oidc-provider':
      return `**OIDC identity provider** ${code(f.keyPrefix ?? '')} in account ${f.account}: callers assume the role with sts:AssumeRoleWithWebIdentity. Restrict ${code(`${f.keyPrefix}:sub`)} and ${code(`${f.keyPrefix}:aud`)} in the condition.`;
    case 'known-idp':
      return `**Web identity provider** ${code(value)}: callers assume the role with sts:AssumeRoleWithWebIdentity.`;
    case 'domain':
      return `**Identity provider** ${code(value)}.`;
    default:
      return `${code(value)} is not a valid federated principal: ${escapeMarkdown(f.problem ?? 'unknown form')}.`;
  }
}
