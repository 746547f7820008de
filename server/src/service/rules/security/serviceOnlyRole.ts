// Whether an identity policy in a template belongs to a role that only AWS services assume (a Lambda execution
// role, a SAM function's or state machine's role): no person signs in to it, so MFA advice cannot be followed.
// Templates only: a plain policy file does not say which role it is attached to.

import type { ParsedDocument } from '../../parser/parseDocument';
import type { PolicyDocument } from '../../parser/policyModel';

/** SAM creates these resources' roles trusted by the service itself when no AssumeRolePolicyDocument is given. */
const SAM_SERVICE_ROLES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);
const ROLE_OWNERS = new Set(['AWS::IAM::Role', ...SAM_SERVICE_ROLES]);

export function inServiceOnlyRole(document: ParsedDocument, policy: PolicyDocument): boolean {
  if (!policy.resourceType || !ROLE_OWNERS.has(policy.resourceType) || policy.policyType !== 'identity') return false;
  const dot = policy.label.indexOf('.');
  if (dot <= 0) return false;
  const trustLabel = `${policy.label.slice(0, dot)}.AssumeRolePolicyDocument`;
  const trust = document.policies.find((p) => p.label === trustLabel);
  if (!trust) return SAM_SERVICE_ROLES.has(policy.resourceType);
  const allows = trust.statements.filter((s) => s.effect?.value === 'Allow');
  return (
    allows.length > 0 &&
    allows.every((s) => {
      const p = s.principal;
      return p !== undefined && !p.negated && p.entries.length > 0 && p.entries.every((e) => e.type.value === 'Service');
    })
  );
}
