// Infers a policy's type (identity, resource, trust, SCP, RCP, permission boundary) from the file name
// and the content. An explicit setting or CLI flag is applied by the caller and always wins.

import { properties, propertyKey, propertyValue, type JsonNode } from './jsonTree';
import type { PolicyType } from './policyModel';

/**
 * A hint: the name's type when `pattern` matches. `needs` lists lowercase words of which every match contains one,
 * so a name holding none of them is not tried: most names ("ReadOnlyAccess.json") then run no regular expression.
 * Compiling these case-insensitive ones cost ~4 ms of the first name a process judged and ~0.5 ms of the second
 * (`test/unit/parser/fileNameHints.test.ts` checks the words against the expressions alone).
 */
interface NameHint {
  readonly pattern: RegExp;
  readonly type: PolicyType;
  readonly needs: readonly string[];
}

export const FILE_NAME_HINTS: readonly NameHint[] = [
  // "…trust-policy…", "…trust-relationship…", "…-trust.json", "assume-role…"; not "trusted-advisor-access.json",
  // "truststore-*.json" or "trust-anchor-admin.json" (identity policies); content inference catches the rest
  { pattern: /trust(?:[-_. ]?(?:polic|relationship|doc)|\.jsonc?$)|assume[-_]?role/i, type: 'trust', needs: ['trust', 'assume'] },
  { pattern: /(^|[^a-z])rcp([^a-z]|$)|resource[-_]?control/i, type: 'rcp', needs: ['rcp', 'control'] },
  { pattern: /(^|[^a-z])scp([^a-z]|$)|service[-_]?control/i, type: 'scp', needs: ['scp', 'control'] },
  { pattern: /boundary|boundaries/i, type: 'boundary', needs: ['boundar'] },
  // "key-policy" is KMS; "access-key-policy.json" / "api-key-policy.json" are identity policies about keys
  { pattern: /bucket[-_]?policy|resource[-_]?policy|queue[-_]?policy|topic[-_]?policy|(?<!access[-_]?|api[-_]?|ssh[-_]?)key[-_]?policy/i, type: 'resource', needs: ['policy'] },
];

/** Folder names that hold one kind of policy (`scps/`, `resource_control_policies/`, `trust-policies/`): whole names only. */
export const FOLDER_HINTS: readonly NameHint[] = [
  { pattern: /^(scps?|service[-_ ]?control[-_ ]?polic(y|ies))$/i, type: 'scp', needs: ['scp', 'control'] },
  { pattern: /^(rcps?|resource[-_ ]?control[-_ ]?polic(y|ies))$/i, type: 'rcp', needs: ['rcp', 'control'] },
  { pattern: /^(trust[-_ ]?polic(y|ies)|trust[-_ ]?relationships?|assume[-_ ]?role[-_ ]?polic(y|ies))$/i, type: 'trust', needs: ['trust', 'assume'] },
  { pattern: /^(permissions?[-_ ]?)?boundar(y|ies)$/i, type: 'boundary', needs: ['boundar'] },
  { pattern: /^(resource[-_ ]?(based[-_ ]?)?polic(y|ies)|bucket[-_ ]?polic(y|ies)|vpc[-_ ]?endpoint[-_ ]?polic(y|ies)|key[-_ ]?polic(y|ies))$/i, type: 'resource', needs: ['polic'] },
];

/** The first hint whose expression matches `name`, trying only hints whose words the name holds. */
export function matchHint(hints: readonly NameHint[], name: string): PolicyType | undefined {
  // Sound for any name: without the u flag, /i never matches a non-ASCII character to an ASCII letter (ECMAScript
  // Canonicalize keeps a character whose upper case is ASCII, as "ſ" and "ı" have), so the letters a match spans
  // are ASCII and lower-case to the word. A lower-casing that makes ASCII ("\u212A" Kelvin to "k") only tries more.
  const lower = name.toLowerCase();
  for (const hint of hints) {
    if (!hint.needs.some((word) => lower.includes(word))) continue;
    if (hint.pattern.test(name)) return hint.type;
  }
  return undefined;
}

/**
 * The type a file name announces (`my-role-trust.json` -> trust), judged on the base name, else on the name of
 * the folder right above it (`service_control_policies/deny-leave.json` -> scp).
 */
export function policyTypeFromFileName(uriOrPath: string): PolicyType | undefined {
  const parts = uriOrPath.split(/[\\/]/);
  const base = safeDecode(parts.pop() ?? '');
  return matchHint(FILE_NAME_HINTS, base) ?? matchHint(FOLDER_HINTS, safeDecode(parts.pop() ?? ''));
}

/** decodeURIComponent that survives a stray "%" in a plain path ("100%-read.json"). */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const TRUST_ACTION = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*)$/i;

/**
 * Content rules: statements with a Principal make it a resource policy, or a trust policy when every
 * such statement only uses sts:AssumeRole* style actions and has no Resource. Otherwise identity.
 */
export function policyTypeFromContent(root: JsonNode): PolicyType {
  const stmtProp = properties(root).find((p) => propertyKey(p) === 'Statement');
  const stmtValue = stmtProp ? propertyValue(stmtProp) : undefined;
  const stmts = stmtValue?.type === 'array' ? (stmtValue.children ?? []) : stmtValue ? [stmtValue] : [];
  let withPrincipal = 0;
  let trustLike = 0;
  for (const s of stmts) {
    // the last property with a key wins, as in a Map built from the properties in order
    let hasPrincipal = false;
    let hasResource = false;
    let action: JsonNode | undefined;
    for (const p of properties(s)) {
      const key = propertyKey(p);
      if (key === 'Principal' || key === 'NotPrincipal') hasPrincipal = true;
      else if (key === 'Resource' || key === 'NotResource') hasResource = true;
      else if (key === 'Action') action = propertyValue(p);
    }
    if (!hasPrincipal) continue;
    withPrincipal++;
    const actions = action?.type === 'array' ? (action.children ?? []) : action ? [action] : [];
    const allTrust = actions.length > 0 && actions.every((a) => typeof a.value === 'string' && TRUST_ACTION.test(a.value));
    if (allTrust && !hasResource) trustLike++;
  }
  if (withPrincipal === 0) return 'identity';
  return trustLike === withPrincipal ? 'trust' : 'resource';
}

/**
 * The file name's type, unless the content contradicts it beyond doubt:
 *   - a file named like a trust policy ("allow-assume-role.json") whose statements have no Principal but do have
 *     a Resource is an identity policy that grants sts:AssumeRole (a trust policy never has a Resource);
 *   - a file named like a resource policy ("bucket-policy.json", "queue-policy.json") whose statements ALL have an
 *     Action and a Resource and NONE has a Principal is an identity policy about that resource (a resource policy
 *     needs a Principal in every statement; IAM User Guide, "Principal": "You must use the Principal element in
 *     resource-based policies"), e.g. the policy a role gets to read a bucket.
 * Otherwise the name wins, so a trust or resource policy being written keeps its checks before its Principal is
 * typed (a statement without its Action or Resource yet leaves the name in charge).
 */
export function policyTypeFromFileNameAndContent(uriOrPath: string, root: JsonNode): PolicyType | undefined {
  const fromName = policyTypeFromFileName(uriOrPath);
  if (fromName !== 'trust' && fromName !== 'resource') return fromName;
  const stmtProp = properties(root).find((p) => propertyKey(p) === 'Statement');
  const stmtValue = stmtProp ? propertyValue(stmtProp) : undefined;
  const stmts = stmtValue?.type === 'array' ? (stmtValue.children ?? []) : stmtValue ? [stmtValue] : [];
  const keys = stmts.map((s) => new Set(properties(s).map(propertyKey)));
  const anyPrincipal = keys.some((k) => k.has('Principal') || k.has('NotPrincipal'));
  const hasResource = (k: Set<string>): boolean => k.has('Resource') || k.has('NotResource');
  if (fromName === 'trust') return !anyPrincipal && keys.some(hasResource) ? undefined : fromName;
  const complete = keys.length > 0 && keys.every((k) => (k.has('Action') || k.has('NotAction')) && hasResource(k));
  return !anyPrincipal && complete ? undefined : fromName;
}
