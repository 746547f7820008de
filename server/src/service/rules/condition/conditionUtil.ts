// Shared helpers for the condition rules: walking every (statement, operator block, key entry), classifying
// a condition key against the catalog (global / service / identity-provider / unknown), and sub-spans inside
// a JSON string. No rule logic and no reporting here.

import type { ActionInfo, ConditionKeyInfo, IamCatalog } from '../../knowledge/catalog';
import { conditionKeyPatternPrefix, GLOBAL_CONDITION_KEYS } from '../../knowledge/globalConditionKeys';
import { closestMatch } from '../../knowledge/suggest';
import { parseOperator, type ParsedOperator } from '../../knowledge/operators';
import { derive, DerivedKey } from '../../parser/derived';
import type { ConditionEntry, ConditionOperatorBlock, Located, PolicyDocument, Span, Statement } from '../../parser/policyModel';
import { perCatalog } from '../../knowledge/perCatalog';

export interface ConditionSite {
  readonly statement: Statement;
  readonly block: ConditionOperatorBlock;
  /** undefined when the operator is unknown (INVALID_CONDITION_OPERATOR reports it) */
  readonly op: ParsedOperator | undefined;
  readonly entry: ConditionEntry;
}

const CONDITION_SITES = new DerivedKey<readonly ConditionSite[]>('conditionSites');

/** Every key entry of every condition block of the policy, in document order; computed once per parsed policy (30 rules read it). */
export function conditionSites(policy: PolicyDocument): readonly ConditionSite[] {
  return derive(policy, CONDITION_SITES, () => {
    const out: ConditionSite[] = [];
    for (const statement of policy.statements) {
      for (const block of statement.condition?.operators ?? []) {
        const op = parseOperator(block.operator.value);
        for (const entry of block.entries) out.push({ statement, block, op, entry });
      }
    }
    return out;
  });
}

export type KeyClass =
  /** not `prefix:name` */
  | { readonly kind: 'malformed' }
  | { readonly kind: 'global'; readonly info: ConditionKeyInfo }
  | { readonly kind: 'unknown-global' }
  /** a key the catalog knows under a service prefix */
  | { readonly kind: 'service'; readonly info: ConditionKeyInfo; readonly prefix: string }
  /** the prefix is a real service but the service defines no such key */
  | { readonly kind: 'unknown-service'; readonly prefix: string }
  /** keys of an identity provider (OIDC/SAML/web identity), including custom OIDC domains: never reported */
  | { readonly kind: 'provider'; readonly prefix: string }
  /** a bare word prefix that is neither a service nor a provider */
  | { readonly kind: 'unknown-prefix'; readonly prefix: string };

/** Every prefix that appears in front of a condition key in the catalog (services, plus saml, iam keys in sts, ...). */
const knownKeyPrefixes = perCatalog((catalog): ReadonlySet<string> => {
  const s = new Set<string>(catalog.servicePrefixes);
  for (const svc of catalog.services.values()) for (const lower of svc.conditionKeys.keys()) s.add(lower.slice(0, lower.indexOf(':')));
  return s;
});

/** Where a key comes from. Provider keys (a prefix with a dot or slash, e.g. "accounts.google.com", "oidc.eks.../id/X") are always accepted. */
export function classifyKey(catalog: IamCatalog, key: string): KeyClass {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return { kind: 'malformed' };
  const prefix = key.slice(0, colon).toLowerCase();
  if (prefix === 'aws') {
    const info = catalog.getConditionKey(key);
    return info ? { kind: 'global', info } : { kind: 'unknown-global' };
  }
  if (prefix.includes('.') || prefix.includes('/')) return { kind: 'provider', prefix };
  const isService = catalog.getService(prefix) !== undefined;
  // documented keys the service-authorization data does not list: treat like provider keys (never reported)
  if (isDocumentedExtraKey(key)) return { kind: 'provider', prefix };
  const info = catalog.getConditionKey(key);
  if (info && isService) return { kind: 'service', info, prefix };
  if (isService) return { kind: 'unknown-service', prefix };
  // saml:, cognito-identity-auth: ... are prefixes the catalog lists but that are no service: accept
  if (knownKeyPrefixes(catalog).has(prefix)) return { kind: 'provider', prefix };
  return { kind: 'unknown-prefix', prefix };
}

/**
 * AWS IoT Core policy variables and condition keys (IoT developer guide, "Basic policy variables", "Thing
 * policy variables", "X.509 certificate policy variables"): iot:ClientId, iot:Connection.Thing.ThingName,
 * iot:Certificate.Subject.CommonName, ... IoT policies use the IAM grammar but these keys are not in the data.
 */
function isDocumentedExtraKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (!lower.startsWith('iot:')) return false;
  const name = lower.slice(4);
  return name === 'clientid' || name === 'lastwilltopic' || name.startsWith('connection.') || name.startsWith('certificate.');
}

/** Whether `key` (as written, e.g. "aws:RequestTag/Env") is the catalog key `listed` ("aws:RequestTag/${TagKey}"). */
export function keyMatchesListed(key: string, listed: string): boolean {
  const k = key.toLowerCase();
  const l = listed.toLowerCase();
  if (k === l) return true;
  if (!isPatternText(l)) return false;
  const prefix = conditionKeyPatternPrefix(l);
  return k.length > prefix.length && k.startsWith(prefix);
}

function isPatternText(lower: string): boolean {
  return lower.includes('${') || lower.includes('<') || lower.endsWith('tag-key');
}

interface ActionKeys {
  readonly exact: ReadonlySet<string>;
  readonly patternPrefixes: readonly string[];
}

// Per action: its condition keys split into exact names and pattern prefixes, built once. Rules ask the same
// question for every action of every statement on each keystroke, so this must not rebuild lists.
const actionKeysCache = new WeakMap<ActionInfo, ActionKeys>();

function actionKeys(catalog: IamCatalog, action: ActionInfo): ActionKeys {
  let hit = actionKeysCache.get(action);
  if (!hit) {
    const exact = new Set<string>();
    const patternPrefixes: string[] = [];
    for (const listed of catalog.conditionKeysForAction(action)) {
      const l = listed.toLowerCase();
      if (isPatternText(l)) patternPrefixes.push(conditionKeyPatternPrefix(l));
      else exact.add(l);
    }
    actionKeysCache.set(action, (hit = { exact, patternPrefixes }));
  }
  return hit;
}

/** Whether an action supports a condition key (its own keys plus those of its resource types). */
export function actionSupportsKey(catalog: IamCatalog, action: ActionInfo, key: string): boolean {
  return actionSupportsLowerKey(catalog, action, key.toLowerCase());
}

/** actionSupportsKey for a key already lowercased (callers testing many actions lowercase it once). */
export function actionSupportsLowerKey(catalog: IamCatalog, action: ActionInfo, k: string): boolean {
  const keys = actionKeys(catalog, action);
  if (keys.exact.has(k)) return true;
  return keys.patternPrefixes.some((prefix) => k.length > prefix.length && k.startsWith(prefix));
}

/**
 * The span of characters [start, start+length) of a string value, when the JSON source has no escapes
 * (so string indexes map 1:1 to offsets); otherwise the whole value's span.
 */
export function subSpan(text: string, located: Located<unknown>, start: number, length: number): Span {
  const raw = text.slice(located.span.offset, located.span.offset + located.span.length);
  if (typeof located.value === 'string' && raw === JSON.stringify(located.value)) {
    return { offset: located.span.offset + 1 + start, length };
  }
  return located.span;
}

/**
 * What an operator answers when its key is absent from the request: negated operators, IfExists and
 * ForAllValues are true then, as is Null "true"; every other operator is false (IAM User Guide, condition operators).
 */
export function matchesWhenKeyAbsent(op: ParsedOperator, values: ReadonlyArray<{ value: unknown }>): boolean {
  if (op.operator.family === 'Null') return values.some((v) => v.value === true || (typeof v.value === 'string' && v.value.toLowerCase() === 'true'));
  return op.ifExists || op.operator.negated || op.qualifier === 'ForAllValues';
}

/** The statement's Effect, or undefined when missing/invalid. */
export function effectOf(statement: Statement): 'Allow' | 'Deny' | undefined {
  const e = statement.effect?.value;
  return e === 'Allow' || e === 'Deny' ? e : undefined;
}

/** A value rendered for a message: strings in double quotes, other JSON scalars as written. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Type of a known key (global or service); undefined for provider/unknown keys, whose type we do not trust. */
export function knownKeyInfo(catalog: IamCatalog, key: string): ConditionKeyInfo | undefined {
  const c = classifyKey(catalog, key);
  return c.kind === 'global' || c.kind === 'service' ? c.info : undefined;
}

/**
 * A did-you-mean key made concrete: a pattern suggestion ("aws:PrincipalTag/${TagKey}") takes the tag part
 * the user wrote ("aws:PrincipleTag/team" → "aws:PrincipalTag/team"). Undefined when there is nothing to
 * put in the placeholder: a quick fix must never write "${TagKey}" into a policy.
 */
export function concreteKeySuggestion(suggestion: string | undefined, written: string): string | undefined {
  if (suggestion === undefined) return undefined;
  const lower = suggestion.toLowerCase();
  if (!(lower.includes('${') || lower.includes('<') || lower.endsWith('tag-key'))) return suggestion;
  const prefix = suggestion.slice(0, conditionKeyPatternPrefix(lower).length);
  const slash = written.indexOf('/');
  if (!prefix.endsWith('/') || slash < 0 || slash === written.length - 1) return undefined;
  return prefix + written.slice(slash + 1);
}

/** Canonical literal prefixes of every pattern key ("aws:RequestTag/", "s3:ExistingObjectTag/"), for suggestions. */
const patternPrefixes = perCatalog((catalog): readonly string[] => {
  const out = new Set<string>();
  const add = (key: string): void => {
    const lower = key.toLowerCase();
    if (!(lower.includes('${') || lower.includes('<') || lower.endsWith('tag-key'))) return;
    const prefix = key.slice(0, conditionKeyPatternPrefix(lower).length);
    if (prefix.endsWith('/') && !prefix.includes('${')) out.add(prefix);
  };
  for (const g of GLOBAL_CONDITION_KEYS) add(g.key);
  for (const svc of catalog.services.values()) for (const info of svc.conditionKeys.values()) add(info.key);
  return [...out];
});

/**
 * The nearest real key for an unknown one, ready to write into the policy: "aws:PrincipleTag/team" →
 * "aws:PrincipalTag/team" (the tag part kept), "aws:SourceIP4" → "aws:SourceIp".
 */
export function suggestConditionKey(catalog: IamCatalog, key: string): string | undefined {
  const slash = key.indexOf('/');
  if (slash > 0 && slash < key.length - 1) {
    const head = key.slice(0, slash + 1);
    const colon = head.indexOf(':');
    const service = head.slice(0, colon + 1).toLowerCase();
    const sameService = patternPrefixes(catalog).filter((p) => p.toLowerCase().startsWith(service));
    const prefix = closestMatch(head, sameService);
    if (prefix) return prefix + key.slice(slash + 1);
  }
  return concreteKeySuggestion(catalog.closestConditionKey(key), key);
}
