// Confirms diff witnesses with the evaluation engine (service/evaluation): the policy under its type's framing
// (framing.ts): identity as the caller's identity policy; boundary, SCP and RCP next to an identity policy that
// allows everything; resource and trust policies as the resource's policy, called across accounts with an
// allow-everything identity policy, so that the resource policy alone decides.

import type { IamCatalog } from '../knowledge/catalog';
import type { PolicyDocument } from '../parser/policyModel';
import { evaluate } from '../evaluation/evaluate';
import { evalPolicy, policyFromText } from '../evaluation/policyInput';
import type { EvalPolicy, PolicySet } from '../evaluation/types';
import type { WitnessEvaluator } from './diffPolicies';
import { framingFor, WITNESS_ACCOUNT } from './framing';

const ALLOW_ALL_TEXT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
/**
 * For identity-side framings: the resource's own policy delegates to the account (like the default KMS key policy
 * and a trust policy naming the account), so resources whose policy must allow explicitly (KMS keys, role trust)
 * leave the decision to the identity-side policies.
 */
const DELEGATE_TEXT = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${WITNESS_ACCOUNT}:root"},"Action":"*","Resource":"*"}]}`;

/** `textOf` gives the text a document's spans point into (for the engine's ranges); '' is accepted. */
export function engineEvaluator(catalog: IamCatalog, textOf: (doc: PolicyDocument) => string = () => ''): WitnessEvaluator {
  const allowAll = policyFromText('allow-all', ALLOW_ALL_TEXT, 'identity').policy!;
  const delegate = policyFromText('delegate-to-account', DELEGATE_TEXT, 'resource').policy!;
  const prepared = new WeakMap<PolicyDocument, EvalPolicy>();
  const asEval = (doc: PolicyDocument): EvalPolicy => {
    let p = prepared.get(doc);
    if (!p) prepared.set(doc, (p = evalPolicy(doc.label || 'policy', textOf(doc), doc)));
    return p;
  };
  return (doc, type, request) => {
    // a version that does not exist allows nothing; an RCP that does not exist leaves RCPFullAWSAccess
    if (!doc) return type === 'rcp' ? 'allowed' : 'implicitly-denied';
    const p = asEval(doc);
    const principal = request.principal !== undefined ? { type: request.principalType ?? 'AWS', value: request.principal } : undefined;
    const framing = framingFor(type, principal);
    let set: PolicySet;
    switch (type) {
      case 'identity':
        set = { identity: [p], resource: delegate };
        break;
      case 'boundary':
        set = { identity: [allowAll], boundary: p, resource: delegate };
        break;
      case 'scp':
        set = { identity: [allowAll], scp: [[p]], resource: delegate };
        break;
      case 'rcp':
        set = { identity: [allowAll], rcp: [[p]], resource: delegate };
        break;
      default:
        set = { identity: [allowAll], resource: p };
    }
    const r = evaluate(set, { principal: framing.caller, action: request.action, resource: request.resource, resourceAccount: framing.resourceAccount, context: request.context }, { catalog });
    return r.verdict;
  };
}
