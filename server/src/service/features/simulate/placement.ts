// Where one open policy goes in a policy set when it is simulated on its own: an identity policy as the
// principal's only identity policy; a resource or trust policy as the resource's policy (no identity policy:
// enough for same-account grants, and the verdict says when the caller's side would also need an Allow); an
// SCP, RCP or permissions boundary under an identity policy that allows everything, so the verdict is the
// limit's own (a deny-list SCP, one without any Allow, next to FullAWSAccess as AWS attaches it by default). Says in words what it did, for the result view.

import type { PolicyDocument } from '../../parser/policyModel';
import { evalPolicy, policyFromText } from '../../evaluation/policyInput';
import type { EvalPolicy, PolicySet } from '../../evaluation/types';

export const ALLOW_ALL_NAME = '(identity policy allowing everything)';
const ALLOW_ALL_TEXT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

let allowAll: EvalPolicy | undefined;
export function allowAllIdentity(): EvalPolicy {
  return (allowAll ??= policyFromText(ALLOW_ALL_NAME, ALLOW_ALL_TEXT, 'identity').policy!);
}

export const FULL_AWS_ACCESS_NAME = 'FullAWSAccess';
let fullAccess: EvalPolicy | undefined;
function fullAwsAccess(): EvalPolicy {
  return (fullAccess ??= policyFromText(FULL_AWS_ACCESS_NAME, ALLOW_ALL_TEXT, 'scp').policy!);
}

export interface Placement {
  readonly set: PolicySet;
  readonly setting: string;
}

/** `name`: how the policy is named in the verdict (a path); `text`: the whole document holding it. */
export function placeAlone(name: string, text: string, doc: PolicyDocument): Placement {
  const policy = evalPolicy(name, text, doc);
  switch (doc.policyType) {
    case 'identity':
      return { set: { identity: [policy] }, setting: `${name} as the principal's only identity policy` };
    case 'resource':
      return { set: { resource: policy }, setting: `${name} as the resource-based policy, with no identity policy (a cross-account caller would also need an Allow in its own account)` };
    case 'trust':
      return { set: { resource: policy }, setting: `${name} as the role's trust policy` };
    case 'scp':
      // a deny-list SCP is attached next to FullAWSAccess (AWS attaches it by default); an allow-list SCP stands alone
      if (!doc.statements.some((s) => s.effect?.value === 'Allow')) {
        return { set: { identity: [allowAllIdentity()], scp: [[fullAwsAccess(), policy]] }, setting: `${name} next to FullAWSAccess as the only SCP level, over an identity policy that allows everything` };
      }
      return { set: { identity: [allowAllIdentity()], scp: [[policy]] }, setting: `${name} as the only SCP, over an identity policy that allows everything` };
    case 'rcp':
      return { set: { identity: [allowAllIdentity()], rcp: [[policy]] }, setting: `${name} as the only RCP, over an identity policy that allows everything` };
    case 'boundary':
      return { set: { identity: [allowAllIdentity()], boundary: policy }, setting: `${name} as the permissions boundary of an identity policy that allows everything` };
  }
}
