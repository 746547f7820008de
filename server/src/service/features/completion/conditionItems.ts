// Completion inside Condition: operators (filtered by the types of the keys already in the block, with
// IfExists and set-qualifier forms), condition keys relevant to the statement's actions (service keys first,
// then global keys; operator-type matches first), and values for Bool keys and known enumerations.

import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ConditionKeyInfo, IamCatalog } from '../../knowledge/catalog';
import { GLOBAL_CONDITION_KEYS } from '../../knowledge/globalConditionKeys';
import { CONDITION_OPERATORS, familySuitsKeyType, parseOperator, type OperatorInfo } from '../../knowledge/operators';
import { ALL_REGIONS } from '../../knowledge/partitions';
import { expandPattern } from '../../knowledge/statementActions';
import { COMMON_SERVICE_PRINCIPALS } from '../../knowledge/servicePrincipals';
import type { ConditionOperatorBlock, Statement } from '../../parser/policyModel';
import { snippetEscape, type ItemSpec } from './edits';
import { memoByCatalog } from '../hover/memo';

/** Operators valid for every key already written in the block (all operators when there is none). */
export function operatorItems(catalog: IamCatalog, block: ConditionOperatorBlock | undefined): ItemSpec[] {
  const keys = (block?.entries ?? []).map((e) => catalog.getConditionKey(e.key.value)).filter((k): k is ConditionKeyInfo => k !== undefined);
  const suits = (o: OperatorInfo): boolean => keys.every((k) => familySuitsKeyType(o.family, k.type));
  const multi = keys.some((k) => k.multiValued);
  const out: ItemSpec[] = [];
  CONDITION_OPERATORS.forEach((o, i) => {
    if (!suits(o)) return;
    const n = String(i).padStart(2, '0');
    const forms: Array<[string, string, string]> = [[o.name, '', `1${n}a`]];
    if (o.allowsIfExists) forms.push([`${o.name}IfExists`, ' The condition is also true when the key is absent.', `1${n}b`]);
    if (o.family !== 'Null') {
      // set qualifiers are for multivalued keys: first when such a key is in the block, last otherwise
      const q = multi ? '0' : '3';
      forms.push([`ForAnyValue:${o.name}`, ' True when at least one request value matches.', `${q}${n}a`]);
      forms.push([`ForAllValues:${o.name}`, ' True when every request value matches (and when the key is absent).', `${q}${n}b`]);
    }
    for (const [label, extra, sortText] of forms) {
      out.push({
        label,
        kind: CompletionItemKind.Operator,
        insert: label,
        detail: `${o.family} operator, ${o.valueType} values`,
        documentation: o.description + extra,
        sortText,
        valueSnippet: '{"$1": "$2"}',
        retrigger: true,
      });
    }
  });
  return out;
}

const MAX_ACTIONS_FOR_KEYS = 3000;

const serviceKeyMemo = memoByCatalog<ReadonlyMap<string, ConditionKeyInfo>>();

/** Every condition key the statement's actions support (bare "*" and NotAction contribute none), memoised. */
function statementKeys(catalog: IamCatalog, statement: Statement | undefined): ReadonlyMap<string, ConditionKeyInfo> {
  const items = statement?.action && !statement.action.negated ? statement.action.items.map((i) => i.value) : [];
  return serviceKeyMemo(catalog, items.join('\u0000'), () => {
    const keys = new Map<string, ConditionKeyInfo>();
    let budget = MAX_ACTIONS_FOR_KEYS;
    for (const item of items) {
      if (item === '*') continue;
      const actions = expandPattern(catalog, item);
      if (actions.length > budget) continue;
      budget -= actions.length;
      for (const a of actions) {
        for (const k of catalog.conditionKeysForAction(a)) {
          const info = catalog.getConditionKey(k);
          if (info && !keys.has(info.key)) keys.set(info.key, info);
        }
      }
    }
    return keys;
  });
}

/** Condition keys: those of the statement's actions first (sortText 0), then global keys (1). */
export function conditionKeyItems(catalog: IamCatalog, statement: Statement | undefined, operatorText: string | undefined): ItemSpec[] {
  const family = operatorText ? parseOperator(operatorText)?.operator.family : undefined;
  const serviceKeys = statementKeys(catalog, statement);
  const out: ItemSpec[] = [];
  const add = (info: ConditionKeyInfo, group: string): void => {
    const fits = family === undefined || familySuitsKeyType(family, info.type);
    out.push(keyItem(info, `${fits ? '' : 'z'}${group}${info.key.toLowerCase()}`));
  };
  for (const info of serviceKeys.values()) add(info, info.global ? '1' : '0');
  for (const g of GLOBAL_CONDITION_KEYS) {
    if (g.key === 'aws:ARN' || serviceKeys.has(g.key)) continue;
    add(catalog.getConditionKey(g.key) ?? g, '2');
  }
  return out;
}

function keyItem(info: ConditionKeyInfo, sortText: string): ItemSpec {
  // pattern keys become snippets: aws:ResourceTag/${TagKey} -> aws:ResourceTag/${1:TagKey}
  const insert = info.isPattern ? keyPatternSnippet(info.key) : info.key;
  return {
    label: info.key,
    kind: CompletionItemKind.Field,
    insert,
    snippet: info.isPattern,
    detail: `${info.type}${info.multiValued ? ', multivalued' : ''}${info.global ? ', global' : ''}`,
    documentation: info.description,
    sortText,
    filterText: info.key,
    valueSnippet: info.multiValued ? '["$1"]' : '"$1"',
  };
}

function keyPatternSnippet(key: string): string {
  const m = /\$\{([^}]*)\}|<([^>]*)>|(tag-key)$/.exec(key);
  if (!m) return snippetEscape(key);
  const name = m[1] ?? m[2] ?? m[3]!;
  return `${snippetEscape(key.slice(0, m.index))}\${1:${snippetEscape(name)}}${snippetEscape(key.slice(m.index + m[0].length))}`;
}

/** Known value sets of keys (IAM User Guide and service docs). */
const ENUMERATIONS: Readonly<Record<string, readonly string[]>> = {
  'aws:principaltype': ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous'],
  's3:x-amz-acl': ['private', 'public-read', 'public-read-write', 'aws-exec-read', 'authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'],
  's3:x-amz-server-side-encryption': ['AES256', 'aws:kms', 'aws:kms:dsse'],
  'aws:requestedregion': ALL_REGIONS,
  'aws:calledvia': COMMON_SERVICE_PRINCIPALS.map((p) => p.principal),
  'aws:calledviafirst': COMMON_SERVICE_PRINCIPALS.map((p) => p.principal),
  'aws:calledvialast': COMMON_SERVICE_PRINCIPALS.map((p) => p.principal),
  'aws:principalservicename': COMMON_SERVICE_PRINCIPALS.map((p) => p.principal),
};

/** Values for the key being written: true/false for Bool keys and Null, known enumerations otherwise. */
export function conditionValueItems(catalog: IamCatalog, operatorText: string | undefined, keyText: string | undefined): ItemSpec[] {
  const op = operatorText ? parseOperator(operatorText) : undefined;
  const info = keyText ? catalog.getConditionKey(keyText) : undefined;
  if (op?.operator.family === 'Null') {
    return [
      { label: 'true', kind: CompletionItemKind.Value, insert: 'true', documentation: 'The key must be absent from the request.' },
      { label: 'false', kind: CompletionItemKind.Value, insert: 'false', documentation: 'The key must be present in the request.' },
    ];
  }
  if (info?.type === 'Bool' || op?.operator.family === 'Bool') {
    return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value, insert: v }));
  }
  const values = keyText ? ENUMERATIONS[keyText.toLowerCase()] : undefined;
  return (values ?? []).map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, insert: v, sortText: String(i).padStart(3, '0') }));
}
