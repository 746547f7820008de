// The decision: combines the statement matches of every policy kind into allowed / explicitly-denied /
// implicitly-denied, names the deciding statements and the absent context keys that could change the decision.
// Documented logic followed here:
// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
//   (default implicit deny except the root user; an explicit Deny in any policy wins; then RCPs, SCPs,
//   resource-based policy, identity policies, permissions boundary, session policy);
// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
//   (cross-account: the requester's account and the resource's account must both allow);
// - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html and
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session (same-account
//   resource-policy grants by principal type: to the IAM user or the role session ARN they are not limited by
//   an implicit deny in the boundary or session policy; to the role ARN, or the IAM user behind a federated
//   user session, they are);
// - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
//   (an Allow at every level, root → OUs → account; FullAWSAccess when no SCP is given);
// - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
//   (RCPFullAWSAccess at every level: RCPs only deny; they apply to the services in iam-data's
//   rcpSupportedServices list, not to service-linked roles, not to the management account's resources).

import type { IamCatalog } from '../knowledge/catalog';
import type { Statement } from '../parser/policyModel';
import { RequestContext } from './context';
import { linesOf } from './policyInput';
import { parseCaller, type CallerInfo, type PrincipalMatch } from './principal';
import { matchStatement, type StatementMatch } from './statementMatch';
import { splitText } from './matchers';
import type { EvalPolicy, EvalRequest, EvaluationResult, PolicyKind, PolicySet, StatementRef, StatementTrace, Verdict } from './types';

export interface EvaluateOptions {
  /** the IAM catalog: gives the RCP-supported services (without it, RCPs apply to every service) */
  readonly catalog?: IamCatalog;
}

interface Evaluated {
  readonly policy: EvalPolicy;
  readonly kind: PolicyKind;
  readonly level: number | undefined;
  readonly stmt: Statement;
  readonly m: StatementMatch;
  readonly applies: boolean;
}

type Blocked = { readonly kind: PolicyKind | 'trust'; readonly level?: number };

const IAM_CALLERS = new Set(['user', 'role', 'session', 'federated-user']);

export function evaluate(policies: PolicySet, request: EvalRequest, options: EvaluateOptions = {}): EvaluationResult {
  const caller = parseCaller(request.principal);
  const action = request.action.trim();
  const resource = request.resource.trim();
  const arnAccount = resource.startsWith('arn:') ? splitText(resource)[4] : undefined;
  const resourceAccount = request.resourceAccount || arnAccount || caller.account;
  const ctx = new RequestContext(request.context, caller, resourceAccount);
  const notes: string[] = [];

  const iamCaller = IAM_CALLERS.has(caller.type);
  const principalInManagement = request.principalInManagementAccount === true || (request.managementAccount !== undefined && request.managementAccount === caller.account);
  const resourceInManagement = request.resourceInManagementAccount === true || (request.managementAccount !== undefined && request.managementAccount === resourceAccount);
  // SCPs limit the IAM users, roles and root user of member accounts; not the management account, not
  // service-linked roles, not service principals or anonymous callers.
  const scpApplies = (iamCaller || caller.type === 'root') && !caller.serviceLinked && !principalInManagement;
  if (policies.scp && !scpApplies) notes.push(`SCPs do not apply to this caller (${caller.serviceLinked ? 'a service-linked role' : principalInManagement ? 'the management account' : caller.type}).`);
  const service = action.includes(':') ? action.slice(0, action.indexOf(':')).toLowerCase() : '';
  const rcpServices = options.catalog?.rcpServices;
  const rcpServiceOk = !rcpServices || rcpServices.size === 0 || rcpServices.has(service);
  // kms:RetireGrant is not governed by RCPs (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html)
  const rcpApplies = rcpServiceOk && !caller.serviceLinked && !resourceInManagement && action.toLowerCase() !== 'kms:retiregrant';
  if (policies.rcp && !rcpApplies) notes.push(rcpServiceOk ? 'RCPs do not apply to this request.' : `RCPs do not apply to "${service}": not an RCP-supported service.`);

  const crossAccount = iamCaller || caller.type === 'root' ? resourceAccount !== undefined && caller.account !== undefined && resourceAccount !== caller.account : false;
  const callerHasBoundary = policies.boundary !== undefined && iamCaller;
  const all: Evaluated[] = [];
  const run = (policy: EvalPolicy, kind: PolicyKind, level: number | undefined, applies: boolean): void => {
    const variables = policy.doc.version?.value === '2012-10-17';
    for (const stmt of policy.doc.statements) {
      const m = matchStatement(stmt, { action, resource, caller, ctx, variables, checkPrincipal: kind === 'resource' || kind === 'rcp', callerHasBoundary });
      all.push({ policy, kind, level, stmt, m, applies });
    }
  };
  const identityApplies = iamCaller;
  for (const p of policies.identity ?? []) run(p, 'identity', undefined, identityApplies);
  if (policies.boundary) run(policies.boundary, 'boundary', undefined, iamCaller);
  const sessionCaller = caller.type === 'session' || caller.type === 'role' || caller.type === 'federated-user';
  if (policies.session) run(policies.session, 'session', undefined, sessionCaller);
  policies.scp?.forEach((lvl, i) => lvl.forEach((p) => run(p, 'scp', i, scpApplies)));
  policies.rcp?.forEach((lvl, i) => lvl.forEach((p) => run(p, 'rcp', i, rcpApplies)));
  if (policies.resource) run(policies.resource, 'resource', undefined, true);
  if (!identityApplies && policies.identity?.length) notes.push(`Identity policies do not apply to a ${caller.type} caller.`);

  const applying = all.filter((e) => e.applies);
  const allows = (kind: PolicyKind, level?: number): Evaluated[] => applying.filter((e) => e.kind === kind && (level === undefined || e.level === level) && e.m.effect === 'Allow');
  const matchedAllows = (kind: PolicyKind, level?: number): Evaluated[] => allows(kind, level).filter((e) => e.m.matched);

  const finish = (verdict: Verdict, decided: Evaluated[], reason: string, blockedBy: Blocked | undefined, missing: readonly string[]): EvaluationResult => ({
    verdict,
    decidedBy: decided.map(ref),
    ...(blockedBy ? { blockedBy } : {}),
    reason,
    statements: all.map(trace),
    missingContextKeys: dedupe(missing),
    notes,
  });

  // 1. explicit deny in any applying policy
  const denies = applying.filter((e) => e.m.effect === 'Deny' && e.m.matched);
  const unmatchedDenyKeys = applying.filter((e) => e.m.effect === 'Deny' && !e.m.matched).flatMap((e) => e.m.flipKeys);
  if (denies.length > 0) {
    const robust = denies.some((d) => d.m.flipKeys.length === 0);
    const first = denies[0]!;
    return finish('explicitly-denied', denies, `Explicitly denied by ${describe(first)}.`, undefined, robust ? [] : denies.flatMap((d) => d.m.flipKeys));
  }

  // 2. the Allow requirements, in the documented order; each is [name, satisfied, statements that could satisfy it]
  const steps: { blocked: Blocked; ok: boolean; decided: Evaluated[]; candidates: Evaluated[]; reason: string }[] = [];
  const require = (blocked: Blocked, decided: Evaluated[], candidates: Evaluated[], reason: string, ok = decided.length > 0): void => {
    steps.push({ blocked, ok, decided, candidates, reason });
  };

  // RCPs: RCPFullAWSAccess is implied at every level, so the Allow requirement always holds.
  if (policies.scp && scpApplies) {
    policies.scp.forEach((lvl, i) => {
      const levelName = i === 0 ? 'the root' : i === policies.scp!.length - 1 && i > 0 ? 'the account' : `OU level ${i}`;
      require({ kind: 'scp', level: i }, matchedAllows('scp', i), allows('scp', i), lvl.length === 0 ? `No SCP is attached at ${levelName} (level ${i}): an empty level allows nothing.` : `No SCP at ${levelName} (level ${i}) allows "${action}".`);
    });
  }

  const resAllows = matchedAllows('resource');
  const resCandidates = allows('resource');
  const by = (kinds: PrincipalMatch[]): Evaluated[] => resAllows.filter((e) => e.m.principal !== undefined && kinds.includes(e.m.principal));
  const mustAllowExplicitly = isTrustOrKeyRequest(action, resource, policies);
  const trustKind: Blocked = { kind: mustAllowExplicitly === 'trust' ? 'trust' : 'resource' };

  if (mustAllowExplicitly && resAllows.length === 0) {
    const what = mustAllowExplicitly === 'trust' ? 'role trust policy' : 'KMS key policy';
    require(trustKind, [], resCandidates, policies.resource ? `The ${what} does not allow "${action}" for "${caller.arn}"; it must allow it explicitly.` : `A ${what} must allow "${action}" explicitly; none was given.`, false);
  }

  if (caller.type === 'anonymous' || caller.type === 'service' || caller.type === 'federated') {
    // no identity policies: only the resource-based policy can grant
    require({ kind: 'resource' }, by(['wildcard', 'direct']), resCandidates, policies.resource ? `The resource-based policy does not allow "${action}" for "${caller.arn}".` : `A ${caller.type} caller needs a resource-based policy that allows "${action}"; none was given.`);
  } else if (caller.type === 'root') {
    // the root user has full access in its own account; across accounts the resource policy must allow
    if (crossAccount) require({ kind: 'resource' }, resAllows, resCandidates, `Cross-account: the resource-based policy of account ${resourceAccount} does not allow the root user of ${caller.account}.`);
    else if (!mustAllowExplicitly || resAllows.length > 0) require({ kind: 'identity' }, [], [], '', true);
  } else if (crossAccount) {
    // both sides: the requester's identity side, and the resource account's resource-based policy
    const idAllows = matchedAllows('identity');
    require({ kind: 'identity' }, idAllows, [...allows('identity')], `Cross-account: no identity policy of ${caller.arn} allows "${action}".`);
    identityLimits(require, policies, caller, matchedAllows, allows, action);
    require({ kind: 'resource' }, resAllows, resCandidates, policies.resource ? `Cross-account: the resource-based policy of account ${resourceAccount} does not allow "${action}" for "${caller.arn}".` : `Cross-account: account ${resourceAccount} must allow "${action}" in a resource-based policy; none was given.`);
  } else {
    // same account
    const direct = by(['direct', 'wildcard']);
    const roleLevel = by(['role']);
    // a grant to the exact user, role session or federated-user session ARN (or to "*") is not limited by an
    // implicit deny in the boundary or session policy; for a federated user it comes "in addition to the
    // permissions that are granted by the session policies" (STS GetFederationToken reference)
    if (direct.length > 0) {
      require({ kind: 'resource' }, direct, resCandidates, '');
    } else {
      const idAllows = matchedAllows('identity');
      const grant = [...idAllows, ...roleLevel];
      require({ kind: 'identity' }, grant, [...allows('identity'), ...resCandidates], policies.identity?.length ? `No identity policy allows "${action}" on "${resource}"${policies.resource ? ', and the resource-based policy does not grant it to this principal' : ''}.` : `No identity policy is given and no resource-based policy grants "${action}" to "${caller.arn}".`);
      identityLimits(require, policies, caller, matchedAllows, allows, action, resCandidates);
    }
  }

  const failing = steps.filter((s) => !s.ok);
  const decided = steps.flatMap((s) => s.decided);
  if (failing.length === 0) {
    // allowed: what could change it is an unmatched Deny that depends on an absent key, or every Allow of a
    // step depending on an absent key
    const keys: string[] = [...unmatchedDenyKeys];
    for (const s of steps) {
      if (s.decided.length > 0 && s.decided.every((e) => e.m.flipKeys.length > 0)) keys.push(...s.decided.flatMap((e) => e.m.flipKeys));
    }
    const grant = decided.find((e) => e.kind === 'identity' || e.kind === 'resource') ?? decided[0];
    const reason = caller.type === 'root' && !crossAccount && !decided.some((e) => e.kind === 'resource') ? 'Allowed: the root user has full access to its own account.' : grant ? `Allowed by ${describe(grant)}.` : 'Allowed.';
    // the grant first (identity or resource policy), then the limits it passed (boundary, session, SCP levels)
    const order: Record<PolicyKind, number> = { identity: 0, resource: 0, boundary: 1, session: 2, scp: 3, rcp: 4 };
    const sorted = dedupeEvaluated(decided).sort((a, b) => order[a.kind] - order[b.kind] || (a.level ?? 0) - (b.level ?? 0));
    return finish('allowed', sorted, reason, undefined, keys);
  }
  // implicitly denied: the decision can become allowed only if every failing step can flip
  const firstFail = failing[0]!;
  let missing: string[] = [];
  const flippable = failing.every((s) => s.candidates.some((c) => !c.m.matched && c.m.flipKeys.length > 0));
  if (flippable) missing = failing.flatMap((s) => s.candidates.filter((c) => !c.m.matched).flatMap((c) => c.m.flipKeys));
  return finish('implicitly-denied', [], `Implicitly denied: ${firstFail.reason}`, firstFail.blocked, missing);

  function ref(e: Evaluated): StatementRef {
    const lines = linesOf(e.policy);
    return {
      policy: e.policy.name,
      kind: e.kind,
      ...(e.level !== undefined ? { level: e.level } : {}),
      statement: e.stmt.index,
      ...(e.stmt.sid ? { sid: e.stmt.sid.value } : {}),
      effect: e.m.effect,
      range: lines.range(e.stmt.node.offset, e.stmt.node.length),
      ...(e.policy.file !== undefined ? { file: e.policy.file } : {}),
    };
  }

  function trace(e: Evaluated): StatementTrace {
    const base = ref(e);
    if (e.m.matched) return { ...base, matched: true, applies: e.applies };
    const mm = e.m.mismatch!;
    const lines = linesOf(e.policy);
    return {
      ...base,
      matched: false,
      applies: e.applies,
      mismatch: {
        element: mm.element,
        message: mm.message,
        ...(mm.operator !== undefined ? { operator: mm.operator } : {}),
        ...(mm.key !== undefined ? { key: mm.key } : {}),
        ...(mm.value !== undefined ? { value: mm.value } : {}),
        range: lines.range(mm.offset, mm.length),
      },
    };
  }
}

/** Boundary and session-policy limits on an IAM caller's grants (identity policies or role-level resource grants). */
function identityLimits(
  require: (blocked: Blocked, decided: Evaluated[], candidates: Evaluated[], reason: string, ok?: boolean) => void,
  policies: PolicySet,
  caller: CallerInfo,
  matchedAllows: (kind: PolicyKind) => Evaluated[],
  allows: (kind: PolicyKind) => Evaluated[],
  action: string,
  extraCandidates: Evaluated[] = [],
): void {
  if (policies.boundary) require({ kind: 'boundary' }, matchedAllows('boundary'), [...allows('boundary'), ...extraCandidates], `The permissions boundary does not allow "${action}".`);
  if (policies.session && (caller.type === 'session' || caller.type === 'role' || caller.type === 'federated-user')) {
    require({ kind: 'session' }, matchedAllows('session'), [...allows('session'), ...extraCandidates], `The session policy does not allow "${action}".`);
  } else if (caller.type === 'federated-user') {
    // "If you do not pass a policy, the resulting federated user session has no permissions" (GetFederationToken)
    require({ kind: 'session' }, [], extraCandidates, 'A federated user session without a session policy has no permissions.', false);
  }
}

/**
 * Requests whose resource-based policy must allow explicitly, even in the same account
 * (reference_policies_evaluation-logic.html, "Role trust policies and KMS key policies"): sts:AssumeRole* on a
 * role (its trust policy) and KMS key operations (the key policy). A resource policy typed "trust" counts too.
 */
function isTrustOrKeyRequest(action: string, resource: string, policies: PolicySet): 'trust' | 'kms' | undefined {
  const a = action.toLowerCase();
  if (a.startsWith('sts:assumerole') || policies.resource?.doc.policyType === 'trust') return 'trust';
  if (a.startsWith('kms:') && /^arn:[^:]*:kms:[^:]*:[^:]*:key\//.test(resource)) return 'kms';
  return undefined;
}

function describe(e: Evaluated): string {
  const sid = e.stmt.sid ? ` "${e.stmt.sid.value}"` : '';
  const level = e.level !== undefined ? ` (level ${e.level})` : '';
  return `statement ${e.stmt.index}${sid} of ${e.kind} policy "${e.policy.name}"${level}`;
}

function dedupe(keys: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const k of keys) if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

function dedupeEvaluated(list: Evaluated[]): Evaluated[] {
  return [...new Set(list)];
}
