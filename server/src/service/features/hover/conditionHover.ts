// Hover for the Condition block: an operator (meaning, value type, IfExists and set-qualifier semantics, from
// knowledge/operators.ts) or a condition key (type, single/multi-valued, description, which of the statement's
// actions support it). Values and policy variables are in variableHover.ts.

import type { ActionInfo, ConditionKeyInfo, IamCatalog } from '../../knowledge/catalog';
import { canonicalOperatorCase, familiesForKeyType, familySuitsKeyType, parseOperator, type OperatorFamily } from '../../knowledge/operators';
import { expandActionElement } from '../../knowledge/statementActions';
import type { Statement } from '../../parser/policyModel';
import { cappedList, code, escapeMarkdown, serviceReferenceLink } from './markdown';
import { memoByCatalog } from './memo';

const supportMemo = memoByCatalog<string | undefined>();

const IF_EXISTS_TEXT =
  '**IfExists**: if the key is absent from the request, the condition is true (the statement still applies); if present, the operator is evaluated as usual.';
const FOR_ALL_TEXT =
  '**ForAllValues**: true when *every* value in the request matches one of the listed values, and also when the key is absent or empty. Use it only with multivalued keys; with Allow it can grant more than intended.';
const FOR_ANY_TEXT = '**ForAnyValue**: true when *at least one* value in the request matches one of the listed values; false when the key is absent. Use it only with multivalued keys.';

/** Operator hover; `keys` are the known keys of its block, to point out type and set-qualifier mismatches. */
export function operatorHover(text: string, keys: readonly ConditionKeyInfo[] = []): string {
  const parsed = parseOperator(text);
  if (!parsed) {
    const fixed = canonicalOperatorCase(text);
    return fixed
      ? `${code(text)} is not a condition operator: operator names are case-sensitive. Did you mean ${code(fixed)}?`
      : `${code(text)} is not a condition operator IAM knows.`;
  }
  const o = parsed.operator;
  const out = [`**${parsed.canonical}** — ${o.family} condition operator  \n${o.description}`, '', `Value type: ${o.valueType}${o.supportsWildcards ? ' (wildcards `*` and `?` allowed)' : ''}${o.ignoresCase ? ', case-insensitive' : ''}. Policy variables: ${o.allowsVariables ? 'allowed' : 'not allowed'}.`];
  out.push('', 'Several keys in this block must all match (AND); several values for one key are alternatives (OR).');
  if (parsed.ifExists) out.push('', o.allowsIfExists ? IF_EXISTS_TEXT : `${code('IfExists')} cannot be used with ${code(o.name)}.`);
  if (parsed.qualifier === 'ForAllValues') out.push('', FOR_ALL_TEXT);
  if (parsed.qualifier === 'ForAnyValue') out.push('', FOR_ANY_TEXT);
  if (o.negated && !parsed.ifExists) out.push('', 'Negated operators are also true when the key is absent from the request.');
  const warnings = keyWarnings(parsed.qualifier !== undefined, o.family, keys);
  if (warnings.length) out.push('', warnings.join('  \n'));
  return out.join('\n');
}

function keyWarnings(qualified: boolean, family: OperatorFamily, keys: readonly ConditionKeyInfo[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    if (!familySuitsKeyType(family, k.type)) out.push(`⚠️ ${code(k.key)} is of type ${k.type}: use ${familiesForKeyType(k.type).join(' or ')} operators.`);
    if (qualified && !k.multiValued && family !== 'Null') out.push(`⚠️ ${code(k.key)} is single-valued: a set qualifier is meant for multivalued keys.`);
    if (!qualified && k.multiValued && family !== 'Null') out.push(`⚠️ ${code(k.key)} is multivalued: add ${code('ForAnyValue:')} or ${code('ForAllValues:')}.`);
  }
  return out;
}

export function conditionKeyHover(catalog: IamCatalog, key: string, statement: Statement | undefined): string {
  const info = catalog.getConditionKey(key);
  if (!info) {
    const suggestion = catalog.closestConditionKey(key);
    return `Unknown condition key ${code(key)}${suggestion ? `. Did you mean ${code(suggestion)}?` : '.'} An unknown key is absent from every request, so the condition never matches (or always matches with a negated operator or IfExists).`;
  }
  const out = [
    `**${info.key}** — ${info.global ? 'global' : 'service'} condition key  \nType: **${info.type}**, ${info.multiValued ? 'multivalued (use `ForAnyValue:` or `ForAllValues:`)' : 'single-valued'}. Operators: ${familiesForKeyType(info.type).join(', ')}, or Null.`,
  ];
  if (info.description) out.push('', escapeMarkdown(info.description));
  const owner = info.global ? undefined : catalog.getService(info.key.slice(0, info.key.indexOf(':')));
  if (owner) out.push('', serviceReferenceLink(owner, 'keys'));
  const actionKey = statement?.action ? `${statement.action.negated ? 'N' : 'A'}\u0000${statement.action.items.map((i) => i.value).join('\u0000')}` : '';
  const support = statement ? supportMemo(catalog, `${info.key.toLowerCase()}\u0000${actionKey}`, () => keySupport(catalog, info, statement)) : undefined;
  if (support) out.push('', support);
  return out.join('\n');
}

/** Global keys that do not depend on the action (everything but the tag keys, which services list per action). */
function isRequestWide(info: ConditionKeyInfo): boolean {
  const k = info.key.toLowerCase();
  return info.global && !k.startsWith('aws:resourcetag/') && !k.startsWith('aws:requesttag/') && k !== 'aws:tagkeys';
}

const SUPPORT_CAP = 2000;

/** Which of the statement's actions list the key (directly or through their resource types). */
function keySupport(catalog: IamCatalog, info: ConditionKeyInfo, statement: Statement): string | undefined {
  if (isRequestWide(info)) return 'Global key: present in the request context of every service that supplies it, whatever the action.';
  const expanded = expandActionElement(catalog, statement.action);
  if (expanded.actions.size === 0 || expanded.actions.size > SUPPORT_CAP) return undefined;
  const want = info.key.toLowerCase();
  const supports: ActionInfo[] = [];
  const ignores: ActionInfo[] = [];
  for (const a of expanded.actions) {
    const keys = catalog.conditionKeysForAction(a);
    const ok = keys.some((k) => (catalog.getConditionKey(k)?.key ?? k).toLowerCase() === want);
    (ok ? supports : ignores).push(a);
  }
  const lines = [`Supported by ${supports.length} of the statement's ${expanded.actions.size} actions${supports.length ? `: ${cappedList(supports.map((a) => code(a.fullName)), 10)}` : '.'}`];
  if (ignores.length && supports.length) lines.push(`Not supported (the key is absent for them): ${cappedList(ignores.map((a) => code(a.fullName)), 10)}`);
  else if (ignores.length) lines[0] = `None of the statement's ${expanded.actions.size} actions supports this key: it is absent from their requests.`;
  return lines.join('  \n');
}
