// RCP helpers: recognising the AWS-managed RCPFullAWSAccess statement, the one place where an RCP uses
// Allow and a bare "*" action, so that the RCP rules never flag AWS's own policy.

import type { Statement } from '../../parser/policyModel';

/** `{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}` with nothing else but a Sid. */
export function isRcpFullAwsAccess(s: Statement): boolean {
  const only = (el: { items: readonly { value: string }[]; negated: boolean } | undefined): boolean =>
    !!el && !el.negated && el.items.length === 1 && el.items[0]!.value === '*';
  return (
    s.effect?.value === 'Allow' &&
    s.principal?.wildcard?.value === '*' &&
    !s.principal.negated &&
    only(s.action) &&
    only(s.resource) &&
    s.elements.every((e) => ['Sid', 'Effect', 'Principal', 'Action', 'Resource'].includes(e.key))
  );
}
