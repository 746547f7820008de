// Which actions of a statement support a condition key, for UNSUPPORTED_ACTION_FOR_CONDITION_KEY (per action)
// and the tag-key-vs-service rules (per service). Only keys whose support the catalog lists per action are
// checked: service keys and the aws: tag keys; other aws: keys apply to every action.

import type { ActionInfo, IamCatalog } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { conditionKeyPatternPrefix } from '../../knowledge/globalConditionKeys';
import { expandPattern } from '../../knowledge/statementActions';
import type { Located, Statement } from '../../parser/policyModel';
import { actionSupportsLowerKey, classifyKey } from './conditionUtil';
import { derive, DerivedKey } from '../../parser/derived';
import { perCatalog } from '../../knowledge/perCatalog';

const TAG_KEY = /^aws:(resourcetag\/.+|requesttag\/.+|tagkeys)$/i;

/** True for aws:ResourceTag/x, aws:RequestTag/x, aws:TagKeys: global keys whose support varies per action. */
export function isGlobalTagKey(key: string): boolean {
  return TAG_KEY.test(key);
}

/**
 * Service keys set on the request by the credentials, not by the action, so usable with any action (EC2 User
 * Guide: ec2:SourceInstanceARN "for requests made with instance credentials"; Lambda: lambda:SourceFunctionArn
 * for requests signed with a function's execution role; Glue: glue:RoleAssumedBy / glue:CredentialIssuingService;
 * ec2:RoleDelivery for instance metadata credentials). The data lists them on few or no actions.
 */
const ANY_ACTION_KEYS = new Set(['ec2:sourceinstancearn', 'ec2:roledelivery', 'lambda:sourcefunctionarn', 'glue:roleassumedby', 'glue:credentialissuingservice']);

/** Whether at least one catalog action lists the key; keys no action lists (unassociated in the data) cannot be judged. */
function isAssociated(catalog: IamCatalog, key: string): boolean {
  return associatedTest(catalog)(key);
}

const associatedTest = perCatalog((catalog): ((key: string) => boolean) => {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const add = (listed: string): void => {
    const l = listed.toLowerCase();
    if (l.includes('${') || l.includes('<') || l.endsWith('tag-key')) prefixes.add(conditionKeyPatternPrefix(l));
    else exact.add(l);
  };
  // the same sources conditionKeysForAction unions: action keys and per-action resource keys (the service's
  // actionConditionKeys, from the catalog file's head: reading every action built all 456 services, 250 ms of a
  // CLI run on one policy with a service key), and resource-type keys
  for (const svc of catalog.services.values()) {
    for (const rt of svc.resourceTypes.values()) for (const k of rt.conditionKeys) add(k);
    for (const k of svc.actionConditionKeys) add(k);
  }
  const prefixList = [...prefixes];
  return (k: string) => {
    const lower = k.toLowerCase();
    return exact.has(lower) || prefixList.some((p) => lower.length > p.length && lower.startsWith(p));
  };
});

/** True when the catalog says per action whether the key is supported (service keys, aws: tag keys). */
export function isPerActionKey(catalog: IamCatalog, key: string): boolean {
  if (isGlobalTagKey(key)) return true;
  if (ANY_ACTION_KEYS.has(key.toLowerCase())) return false;
  const kind = classifyKey(catalog, key).kind;
  if (kind === 'service') return isAssociated(catalog, key);
  if (kind === 'provider') {
    // identity-provider keys the data lists by exact name (saml:aud, cognito-identity.amazonaws.com:aud, ...)
    // are per-action too: Access Analyzer reports sts:TagSession next to cognito-identity.amazonaws.com:aud
    // (AWS CLI reference, accessanalyzer validate-policy example). Custom providers and pattern keys are skipped.
    const info = catalog.getConditionKey(key);
    return info !== undefined && !info.isPattern && info.key.toLowerCase() === key.toLowerCase() && isAssociated(catalog, key);
  }
  return false;
}

export interface ActionItemSupport {
  readonly item: Located<string>;
  /** the item is a wildcard pattern */
  readonly pattern: boolean;
  /** the catalog actions it names */
  readonly actions: readonly ActionInfo[];
  readonly unsupported: readonly ActionInfo[];
}

/** Per parsed statement and lowercased key: two rules ask the same question about every condition key. */
const SUPPORT_BY_KEY = new DerivedKey<Map<string, readonly ActionItemSupport[]>>('actionSupportByKey');

/** For each Action item (not NotAction, not bare "*"): which of its actions do not support `key`. */
export function actionSupport(catalog: IamCatalog, statement: Statement, key: string): readonly ActionItemSupport[] {
  const element = statement.action;
  if (!element || element.negated) return [];
  const lowerKey = key.toLowerCase();
  const byKey = derive(statement, SUPPORT_BY_KEY, () => new Map());
  let out = byKey.get(lowerKey);
  if (!out) byKey.set(lowerKey, (out = computeSupport(catalog, element.items, lowerKey)));
  return out;
}

const NONE: readonly ActionInfo[] = [];

function computeSupport(catalog: IamCatalog, items: readonly Located<string>[], lowerKey: string): ActionItemSupport[] {
  const out: ActionItemSupport[] = [];
  for (const item of items) {
    if (item.value === '*' || item.value.startsWith('*')) continue;
    const pattern = hasWildcard(item.value);
    let actions: readonly ActionInfo[];
    if (pattern) actions = expandPattern(catalog, item.value);
    else {
      const action = catalog.getAction(item.value);
      actions = action ? [action] : NONE;
    }
    if (actions.length === 0) continue;
    out.push({ item, pattern, actions, unsupported: unsupportedOf(catalog, actions, lowerKey) });
  }
  return out;
}

/** The actions that do not support the key; the list itself or an empty one when all or none do (no copy). */
function unsupportedOf(catalog: IamCatalog, actions: readonly ActionInfo[], lowerKey: string): readonly ActionInfo[] {
  let count = 0;
  for (const a of actions) if (!actionSupportsLowerKey(catalog, a, lowerKey)) count++;
  if (count === 0) return NONE;
  if (count === actions.length) return actions;
  return actions.filter((a) => !actionSupportsLowerKey(catalog, a, lowerKey));
}
