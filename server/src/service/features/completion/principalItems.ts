// Completion of Principal values by principal type: common service principals, account / role / user ARN
// snippets for AWS, identity providers for Federated, "*" for the bare Principal. No validation here.

import { CompletionItemKind } from 'vscode-languageserver-types';
import { GITHUB_OIDC_HOST, KNOWN_IDENTITY_PROVIDERS } from '../../knowledge/principals';
import { COMMON_SERVICE_PRINCIPALS } from '../../knowledge/servicePrincipals';
import type { ItemSpec } from './edits';

const snippet = (label: string, insert: string, documentation: string, sortText: string): ItemSpec => ({
  label,
  kind: CompletionItemKind.Reference,
  insert,
  snippet: true,
  documentation,
  sortText,
  filterText: label,
});

const SERVICE: readonly ItemSpec[] = COMMON_SERVICE_PRINCIPALS.map((p) => ({
  label: p.principal,
  kind: CompletionItemKind.Value,
  insert: p.principal,
  detail: p.service,
  documentation: `${p.service}: ${p.use}.`,
}));

const AWS: readonly ItemSpec[] = [
  snippet('arn:aws:iam::ACCOUNT:root', 'arn:aws:iam::${1:111122223333}:root', 'The whole account: any principal that the account\'s own policies allow.', '1'),
  snippet('arn:aws:iam::ACCOUNT:role/NAME', 'arn:aws:iam::${1:111122223333}:role/${2:RoleName}', 'An IAM role (every session of it).', '2'),
  snippet('arn:aws:iam::ACCOUNT:user/NAME', 'arn:aws:iam::${1:111122223333}:user/${2:UserName}', 'An IAM user.', '3'),
  snippet('arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION', 'arn:aws:sts::${1:111122223333}:assumed-role/${2:RoleName}/${3:SessionName}', 'One session of a role.', '4'),
  { label: '*', kind: CompletionItemKind.Constant, insert: '*', documentation: 'Any principal, including anonymous callers.', sortText: '9' },
];

const FEDERATED: readonly ItemSpec[] = [
  snippet('arn:aws:iam::ACCOUNT:saml-provider/NAME', 'arn:aws:iam::${1:111122223333}:saml-provider/${2:ProviderName}', 'A SAML 2.0 identity provider.', '1'),
  snippet('arn:aws:iam::ACCOUNT:oidc-provider/HOST', 'arn:aws:iam::${1:111122223333}:oidc-provider/${2:host}', 'An OpenID Connect identity provider.', '2'),
  snippet(`arn:aws:iam::ACCOUNT:oidc-provider/${GITHUB_OIDC_HOST}`, `arn:aws:iam::\${1:111122223333}:oidc-provider/${GITHUB_OIDC_HOST}`, 'GitHub Actions OIDC: restrict token.actions.githubusercontent.com:sub.', '3'),
  ...KNOWN_IDENTITY_PROVIDERS.map((d, i): ItemSpec => ({ label: d, kind: CompletionItemKind.Value, insert: d, documentation: 'Web identity provider.', sortText: `5${i}` })),
];

const WILDCARD: readonly ItemSpec[] = [{ label: '*', kind: CompletionItemKind.Constant, insert: '*', documentation: 'Every principal, including anonymous callers.' }];

export function principalValueItems(type: string | undefined): readonly ItemSpec[] {
  switch (type) {
    case undefined:
      return WILDCARD;
    case 'Service':
      return SERVICE;
    case 'AWS':
      return AWS;
    case 'Federated':
      return FEDERATED;
    default:
      return [];
  }
}
