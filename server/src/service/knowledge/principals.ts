// Classifies Principal values (AWS, Service, Federated, CanonicalUser) from their text alone: what kind of
// principal a value names, its account, and whether its shape is one IAM accepts. It does not decide what to
// report (the principal and security rules do) and knows nothing about spans.

/** The four keys a Principal map may use; IAM matches them case-sensitively. */
export const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
export type PrincipalKey = (typeof PRINCIPAL_KEYS)[number];

/** Identity providers IAM accepts by domain name in `Federated` (IAM User Guide, Principal element). */
export const KNOWN_IDENTITY_PROVIDERS: readonly string[] = ['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com'];

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** Unique-ID prefixes (IAM User Guide, "Unique identifiers") and what they identify. */
export const UNIQUE_ID_PREFIXES: Readonly<Record<string, string>> = {
  AIDA: 'IAM user',
  AROA: 'IAM role',
  AGPA: 'IAM user group',
  ANPA: 'managed policy',
  ANVA: 'managed policy version',
  AIPA: 'instance profile',
  AKIA: 'access key',
  ASIA: 'temporary access key',
  APKA: 'public key',
  ASCA: 'certificate',
  ACCA: 'context-specific credential',
};

export type AwsPrincipalKind =
  | 'any' // "*"
  | 'account' // "111122223333"
  | 'root' // arn:aws:iam::111122223333:root
  | 'user'
  | 'role'
  | 'assumed-role'
  | 'federated-user'
  | 'cloudfront-oai'
  | 'group' // not a valid principal (PR08), but recognisable
  | 'unique-id' // AROA…/AIDA…: IAM shows these when the named principal was deleted (PR04)
  | 'invalid';

export interface AwsPrincipalInfo {
  readonly kind: AwsPrincipalKind;
  /** 12-digit account id, when the value names one */
  readonly account?: string;
  readonly partition?: string;
  /** role/user name without path (roles and assumed roles: the role name) */
  readonly name?: string;
  /** for unique ids: the four-letter prefix */
  readonly uniqueIdPrefix?: string;
  /** why an 'invalid' value is invalid, as a short phrase for messages */
  readonly problem?: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const PARTITION = /^aws(-[a-z0-9]+)*$/;
const UNIQUE_ID = /^(A[A-Z]{3})[A-Z0-9]{12,}$/;
/** IAM user/role names: alphanumerics and +=,.@_- (IAM API reference); paths use the same set plus "/". */
const IAM_NAME = /^[\w+=,.@-]+$/;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

export function isPartition(value: string): boolean {
  return PARTITION.test(value);
}

/** A wildcard that is not the whole value: IAM never expands these in a principal. */
export function hasPartialWildcard(value: string): boolean {
  return value !== '*' && (value.includes('*') || value.includes('?'));
}

/** Unique-id prefix when the value looks like AROA…/AIDA…, else undefined. */
export function uniqueIdPrefix(value: string): string | undefined {
  const m = UNIQUE_ID.exec(value);
  return m && UNIQUE_ID_PREFIXES[m[1]!] ? m[1] : undefined;
}

interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its six fields (the resource keeps any further colons); undefined if not an ARN. */
export function splitArn(value: string): ArnParts | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(':') };
}

/** What an `AWS` principal value names. Values with wildcards or variables are classified as far as possible. */
export function classifyAwsPrincipal(value: string): AwsPrincipalInfo {
  if (value === '*') return { kind: 'any' };
  if (isAccountId(value)) return { kind: 'account', account: value };
  const uid = uniqueIdPrefix(value);
  if (uid) return { kind: 'unique-id', uniqueIdPrefix: uid };
  const arn = splitArn(value);
  if (!arn) {
    if (/^\d+$/.test(value)) return { kind: 'invalid', problem: 'an account ID must have exactly 12 digits' };
    return { kind: 'invalid', problem: 'it is neither "*", a 12-digit account ID nor an IAM or STS ARN' };
  }
  if (!isPartition(arn.partition)) return { kind: 'invalid', partition: arn.partition, problem: `"${arn.partition}" is not an AWS partition` };
  if (arn.service !== 'iam' && arn.service !== 'sts') return { kind: 'invalid', problem: `principal ARNs are IAM or STS ARNs, not "${arn.service}" ARNs` };
  if (arn.region !== '') return { kind: 'invalid', problem: 'IAM and STS ARNs have an empty Region field' };
  const base = { partition: arn.partition };
  if (arn.service === 'iam' && arn.account === 'cloudfront') {
    return arn.resource.startsWith('user/CloudFront Origin Access Identity ')
      ? { ...base, kind: 'cloudfront-oai' }
      : { ...base, kind: 'invalid', problem: 'the only "cloudfront" principal is an origin access identity (user/CloudFront Origin Access Identity ID)' };
  }
  if (!isAccountId(arn.account)) return { ...base, kind: 'invalid', problem: 'the account field must be a 12-digit account ID' };
  const withAccount = { ...base, account: arn.account };
  const slash = arn.resource.indexOf('/');
  const type = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  const rest = slash < 0 ? '' : arn.resource.slice(slash + 1);
  const segments = rest.split('/');
  const lastName = segments[segments.length - 1] ?? '';
  const namesOk = rest !== '' && segments.every((s) => s === '' || IAM_NAME.test(s)) && lastName !== '';
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { ...withAccount, kind: 'root' };
    if (type === 'user' || type === 'role' || type === 'group') {
      return namesOk ? { ...withAccount, kind: type, name: lastName } : { ...withAccount, kind: 'invalid', problem: `the ${type} name is missing or has characters IAM names cannot contain` };
    }
    // STS documents federated-user ARNs under sts; accept the iam spelling too rather than risk a false error
    if (type === 'federated-user' && namesOk) return { ...withAccount, kind: 'federated-user', name: lastName };
    return { ...withAccount, kind: 'invalid', problem: `"${type}" is not a principal type (use root, user/…, role/…)` };
  }
  if (type === 'assumed-role') {
    // assumed-role/ROLE/SESSION: exactly a role name and a session name (session names may also hold "@" and "=")
    return segments.length === 2 && segments[0] !== '' && segments[1] !== '' && IAM_NAME.test(segments[0]!)
      ? { ...withAccount, kind: 'assumed-role', name: segments[0] }
      : { ...withAccount, kind: 'invalid', problem: 'an assumed-role ARN is assumed-role/ROLE-NAME/SESSION-NAME' };
  }
  if (type === 'federated-user' && namesOk) return { ...withAccount, kind: 'federated-user', name: lastName };
  return { ...withAccount, kind: 'invalid', problem: `"${type}" is not an STS principal type (use assumed-role/… or federated-user/…)` };
}

/** The account a principal value belongs to (bare id or ARN account field), if it names one. */
export function principalAccount(value: string): string | undefined {
  if (isAccountId(value)) return value;
  const arn = splitArn(value);
  return arn && isAccountId(arn.account) ? arn.account : undefined;
}

/** Whole-account principals: the bare id and the :root ARN mean "every principal the account allows". */
export function isWholeAccountPrincipal(value: string): boolean {
  const k = classifyAwsPrincipal(value).kind;
  return k === 'account' || k === 'root';
}

/**
 * Service principal suffixes: commercial and GovCloud (amazonaws.com), China (amazonaws.com.cn), the older
 * "*.amazon.com" names (e.g. alexa-appkit.amazon.com), the ISO partitions (aws-iso, -iso-b, -iso-e, -iso-f DNS
 * suffixes) and the European Sovereign Cloud. An unknown suffix is reported, so err on the side of listing.
 */
const SERVICE_SUFFIXES: readonly string[] = ['.amazonaws.com', '.amazonaws.com.cn', '.amazon.com', '.c2s.ic.gov', '.sc2s.sgov.gov', '.cloud.adc-e.uk', '.csp.hci.ic.gov', '.amazonaws.eu'];
const DNS_LABELS = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** True when a `Service` value has the shape of a service principal ("ec2.amazonaws.com", "logs.eu-west-1.amazonaws.com"). */
export function isServicePrincipalFormat(value: string): boolean {
  const lower = value.toLowerCase();
  if (!DNS_LABELS.test(lower)) return false;
  return SERVICE_SUFFIXES.some((s) => lower.endsWith(s) && lower.length > s.length);
}

/** A best guess at the intended service principal for a malformed value ("ec2" -> "ec2.amazonaws.com"), or undefined. */
export function suggestServicePrincipal(value: string): string | undefined {
  const trimmed = value.trim().toLowerCase();
  // only a bare service name ("ec2", "ecs-tasks"): a dotted value is some other domain, not a typo of one
  if (/^[a-z0-9-]+$/.test(trimmed)) {
    const candidate = `${trimmed}.amazonaws.com`;
    if (isServicePrincipalFormat(candidate)) return candidate;
  }
  if (trimmed !== value && isServicePrincipalFormat(trimmed)) return trimmed;
  return undefined;
}

export type FederatedKind = 'saml-provider' | 'oidc-provider' | 'known-idp' | 'domain' | 'invalid';

export interface FederatedInfo {
  readonly kind: FederatedKind;
  readonly account?: string;
  /** OIDC: the provider URL without scheme ("token.actions.githubusercontent.com"); IdP domains: the domain.
   *  Condition keys of the provider are "<this>:sub", "<this>:aud", … */
  readonly keyPrefix?: string;
  readonly problem?: string;
}

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/** What a `Federated` value names: a SAML or OIDC provider ARN, a known web identity provider, or another domain. */
export function classifyFederatedPrincipal(value: string): FederatedInfo {
  if (KNOWN_IDENTITY_PROVIDERS.includes(value.toLowerCase())) return { kind: 'known-idp', keyPrefix: value.toLowerCase() };
  const arn = splitArn(value);
  if (arn) {
    if (!isPartition(arn.partition) || arn.service !== 'iam' || arn.region !== '' || !isAccountId(arn.account)) {
      return { kind: 'invalid', problem: 'a provider ARN is arn:aws:iam::ACCOUNT-ID:saml-provider/NAME or …:oidc-provider/HOST' };
    }
    const slash = arn.resource.indexOf('/');
    const type = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
    const rest = slash < 0 ? '' : arn.resource.slice(slash + 1);
    if (type === 'saml-provider' && rest !== '') return { kind: 'saml-provider', account: arn.account };
    if (type === 'oidc-provider' && rest !== '') return { kind: 'oidc-provider', account: arn.account, keyPrefix: rest };
    if (type === 'saml-provider' || type === 'oidc-provider') return { kind: 'invalid', account: arn.account, problem: `the ${type} name is missing` };
    return { kind: 'invalid', account: arn.account, problem: `"${type}" is not an identity provider (use saml-provider/… or oidc-provider/…)` };
  }
  if (DOMAIN.test(value)) return { kind: 'domain', keyPrefix: value.toLowerCase() };
  return { kind: 'invalid', problem: 'it is neither a SAML or OIDC provider ARN nor an identity provider domain' };
}

/** Canonical user ids (S3) are 64 hexadecimal characters. */
export function isCanonicalUserId(value: string): boolean {
  return /^[0-9a-f]{64}$/i.test(value);
}

/** Compute services whose code runs with the role's credentials (cloudsplaining "AssumableByComputeService"). */
export const COMPUTE_SERVICE_PRINCIPALS: readonly string[] = ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'eks.amazonaws.com', 'lambda.amazonaws.com'];

/**
 * Global condition keys that are absent from the request context when the caller is an AWS service principal
 * (IAM User Guide, global condition keys, "Availability"): aws:PrincipalOrgID/OrgPaths are present "only if the
 * principal is a member of an organization", aws:PrincipalTag/* only for IAM users and roles with tags.
 * Keys ending in "/" are prefixes.
 */
export const KEYS_ABSENT_FOR_SERVICE_PRINCIPALS: readonly string[] = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalTag/'];

export function isKeyAbsentForServicePrincipals(key: string): boolean {
  const lower = key.toLowerCase();
  return KEYS_ABSENT_FOR_SERVICE_PRINCIPALS.some((k) => (k.endsWith('/') ? lower.startsWith(k.toLowerCase()) && lower.length > k.length : lower === k.toLowerCase()));
}

/**
 * Principal tags a service principal does carry: IAM Roles Anywhere maps the client certificate's subject, issuer
 * and subject alternative names to aws:PrincipalTag/x509Subject/…, x509Issuer/…, x509SAN/… for the trust policy
 * (IAM Roles Anywhere User Guide, trust-model, "Role trust policy").
 */
export function isKeySetByServicePrincipal(service: string, key: string): boolean {
  return service.toLowerCase() === 'rolesanywhere.amazonaws.com' && /^aws:principaltag\/x509(subject|issuer|san)\/./i.test(key);
}
