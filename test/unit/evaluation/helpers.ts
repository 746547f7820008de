// Test helpers for the evaluation engine: policies from plain objects, one-call evaluation.

import { evaluate, policyFromText, type EvalPolicy, type EvalRequest, type EvaluationResult, type PolicyKind, type PolicySet } from '../../../server/src/service/evaluation';

let counter = 0;

/** A policy (Version 2012-10-17 unless given) from statements. */
export function pol(statements: object[] | object, kind: PolicyKind = 'identity', extra: Record<string, unknown> = { Version: '2012-10-17' }, name?: string): EvalPolicy {
  const doc = { ...extra, Statement: statements };
  const r = policyFromText(name ?? `${kind}-${++counter}.json`, JSON.stringify(doc, null, 2), kind);
  if (!r.policy) throw new Error(r.error);
  return r.policy;
}

export const ALLOW_ALL = { Effect: 'Allow', Action: '*', Resource: '*' };

export const USER = 'arn:aws:iam::111122223333:user/alice';
export const ROLE = 'arn:aws:iam::111122223333:role/app';
export const SESSION = 'arn:aws:sts::111122223333:assumed-role/app/s1';
export const OTHER_USER = 'arn:aws:iam::444455556666:user/bob';

export function req(action: string, resource: string, context: EvalRequest['context'] = {}, principal = USER, more: Partial<EvalRequest> = {}): EvalRequest {
  return { principal, action, resource, context, ...more };
}

export function verdictOf(set: PolicySet, r: EvalRequest): EvaluationResult['verdict'] {
  return evaluate(set, r).verdict;
}

/** Verdict of one identity statement with a condition against a context (the common condition-table shape). */
export function cond(condition: object, context: EvalRequest['context'], effect: 'Allow' | 'Deny' = 'Allow'): boolean {
  const statements = effect === 'Allow' ? [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }] : [ALLOW_ALL, { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: condition }];
  const v = evaluate({ identity: [pol(statements)] }, req('s3:GetObject', 'arn:aws:s3:::b/k', context)).verdict;
  return effect === 'Allow' ? v === 'allowed' : v === 'explicitly-denied';
}
