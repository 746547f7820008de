// Does one statement apply to the request? Checks Effect, Action/NotAction, Resource/NotResource,
// Principal/NotPrincipal (resource-based policies and RCPs only) and Condition, in that order, and reports the
// first element that does not match. It does not combine statements (decision.ts does).

import type { Statement } from '../parser/policyModel';
import { actionMatches, resourceMatches } from './matchers';
import { evaluateCondition } from './conditions';
import { notPrincipalNames, principalMatch, type CallerInfo, type PrincipalMatch } from './principal';
import type { RequestContext } from './context';
import type { MismatchElement } from './types';

export interface RawMismatch {
  readonly element: MismatchElement;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly operator?: string;
  readonly key?: string;
  readonly value?: string;
}

export interface StatementMatch {
  readonly matched: boolean;
  readonly effect: string;
  readonly mismatch?: RawMismatch;
  /** how the Principal element named the caller (resource policies / RCPs); 'wildcard' for NotPrincipal grants */
  readonly principal?: PrincipalMatch;
  /** absent keys whose presence could change whether this statement matches */
  readonly flipKeys: readonly string[];
}

const NONE: readonly string[] = [];

export interface MatchInput {
  readonly action: string;
  readonly resource: string;
  readonly caller: CallerInfo;
  readonly ctx: RequestContext;
  /** the policy's Version allows policy variables */
  readonly variables: boolean;
  /** the statement's Principal element takes part (resource-based policies, RCPs) */
  readonly checkPrincipal: boolean;
  /**
   * the caller has a permissions boundary: "The NotPrincipal element with a Deny effect will always deny any IAM
   * principal that has a permissions boundary policy attached, regardless of the values specified in the
   * NotPrincipal element" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)
   */
  readonly callerHasBoundary?: boolean;
}

export function matchStatement(s: Statement, input: MatchInput): StatementMatch {
  const effect = s.effect?.value ?? '';
  // Effect is case-sensitive: only "Allow" and "Deny" (reference_policies_elements_effect.html)
  if (effect !== 'Allow' && effect !== 'Deny') {
    const at = s.effect?.span ?? s.node;
    return { matched: false, effect, flipKeys: NONE, mismatch: { element: 'effect', message: `Effect "${effect}" is neither "Allow" nor "Deny": the statement is ignored.`, offset: at.offset, length: at.length } };
  }
  // Action / NotAction
  const act = s.action;
  if (!act) return { matched: false, effect, flipKeys: NONE, mismatch: { element: 'action', message: 'The statement has no Action or NotAction.', offset: s.node.offset, length: s.node.length } };
  let anyAction = false;
  for (const item of act.items) {
    if (actionMatches(item.value, input.action)) {
      anyAction = true;
      break;
    }
  }
  if (anyAction === act.negated) {
    const at = act.value ?? act.property;
    const listed = act.items.map((i) => `"${i.value}"`).join(', ');
    return {
      matched: false,
      effect,
      flipKeys: NONE,
      mismatch: {
        element: 'action',
        message: act.negated ? `NotAction ${listed} excludes "${input.action}".` : `Action ${listed} does not match "${input.action}".`,
        offset: at.offset,
        length: at.length,
      },
    };
  }
  // Resource / NotResource: absent in role trust policies (the role itself is the resource); a statement of any
  // other kind without one is invalid and IAM would reject the policy, so it matches nothing here
  const flip: string[] = [];
  const res = s.resource;
  if (!res && !input.checkPrincipal) {
    return { matched: false, effect, flipKeys: NONE, mismatch: { element: 'resource', message: 'The statement has no Resource or NotResource.', offset: s.node.offset, length: s.node.length } };
  }
  if (res) {
    let anyResource = false;
    let resourceDependsOnAbsent = false;
    for (const item of res.items) {
      const m = resourceMatches(item.value, input.resource, input.variables, input.ctx);
      if (m.absentKeys.length) {
        resourceDependsOnAbsent = true;
        flip.push(...m.absentKeys);
      }
      if (m.matched) {
        anyResource = true;
        break;
      }
    }
    if (anyResource === res.negated) {
      const at = res.value ?? res.property;
      const listed = res.items.map((i) => `"${i.value}"`).join(', ');
      return {
        matched: false,
        effect,
        flipKeys: resourceDependsOnAbsent ? flip : NONE,
        mismatch: {
          element: 'resource',
          message: res.negated ? `NotResource ${listed} excludes "${input.resource}".` : `Resource ${listed} does not match "${input.resource}".`,
          offset: at.offset,
          length: at.length,
        },
      };
    }
  }
  // Principal / NotPrincipal
  let principal: PrincipalMatch | undefined;
  if (input.checkPrincipal) {
    const p = s.principal;
    if (!p) return { matched: false, effect, flipKeys: NONE, mismatch: { element: 'principal', message: 'A resource-based policy statement needs a Principal or NotPrincipal.', offset: s.node.offset, length: s.node.length } };
    const m = p.negated ? undefined : principalMatch(p, input.caller);
    const named = m ? m.match !== 'none' : notPrincipalNames(p, input.caller) && !(effect === 'Deny' && input.callerHasBoundary === true);
    if (named === p.negated) {
      const at = p.value ?? p.property;
      return {
        matched: false,
        effect,
        flipKeys: NONE,
        mismatch: { element: 'principal', message: p.negated ? `NotPrincipal names the caller "${input.caller.arn}".` : `Principal does not name the caller "${input.caller.arn}".`, offset: at.offset, length: at.length },
      };
    }
    // NotPrincipal that does not name the caller applies to it like "*" (everyone else)
    principal = m ? m.match : 'wildcard';
  }
  // Condition
  const c = evaluateCondition(s.condition, input.ctx, input.variables);
  if (!c.matched) {
    const f = c.failure!;
    return {
      matched: false,
      effect,
      flipKeys: c.flipKeys.length ? [...flip, ...c.flipKeys] : NONE,
      mismatch: { element: 'condition', message: f.message, offset: f.span.offset, length: f.span.length, operator: f.operator, key: f.key, value: f.value },
      ...(principal ? { principal } : {}),
    };
  }
  const keys = flip.length || c.flipKeys.length ? [...flip, ...c.flipKeys] : NONE;
  return { matched: true, effect, flipKeys: keys, ...(principal ? { principal } : {}) };
}
